// @ts-check
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Journal } from "../cli-runtime/journal.js";

/** @type {string[]} */
const dirs = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** @param {string} text */
function journalFile(text) {
  const dir = mkdtempSync(join(tmpdir(), "cli-journal-"));
  dirs.push(dir);
  const file = join(dir, "rows.journal");
  writeFileSync(file, text);
  return file;
}

describe("Journal.read", () => {
  // An identity with multi-byte characters, so a chunk boundary can fall inside one.
  const identity = "csv /tmp/kontakte-ü-名前.csv 120 bytes → POST /v1/things";
  // Row 0 and 11 done, 2 in doubt (started, never answered), 3 started then proven not applied,
  // and a last line cut short by a crash (its number is whole: row 12 is in doubt).
  const text = `# ${identity}\ns 0\ns 2\nd 0\ns 3\nu 3\ns 11\nd 11\ns 12`;

  it.each([1, 2, 3, 5, 7, 64, 65536])("reads the same state in chunks of %i bytes", (chunk) => {
    const state = Journal.read(journalFile(text), identity, chunk);
    expect([...state.done.values()]).toEqual([0, 11]);
    expect([...state.inDoubt.values()]).toEqual([2, 12]);
  });

  it("ignores a line cut short before its number", () => {
    const state = Journal.read(journalFile(`# ${identity}\ns 4\nd 4\nd`), identity, 4);
    expect([...state.done.values()]).toEqual([4]);
    expect(state.inDoubt.size).toBe(0);
  });

  it("refuses a journal written for another input, naming it", () => {
    expect(() => Journal.read(journalFile("# csv /other.csv 9 bytes → POST /x\nd 1\n"), identity, 3)).toThrow(
      "belongs to another input (csv /other.csv 9 bytes → POST /x)",
    );
  });

  it("starts empty when there is no journal yet", () => {
    const state = Journal.read(join(tmpdir(), "no-such-dir-for-journal", "x.journal"), identity);
    expect(state.done.size + state.inDoubt.size).toBe(0);
  });
});
