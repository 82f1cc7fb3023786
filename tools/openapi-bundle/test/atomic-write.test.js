// @ts-check
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../src/index.js";

/** @type {string} */
let dir;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "atomic-write-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("writeFileAtomic", () => {
  it("replaces a file and creates missing directories", async () => {
    const target = join(dir, "nested/out.json");
    await writeFileAtomic(target, "first");
    await writeFileAtomic(target, "second");
    expect(readFileSync(target, "utf8")).toBe("second");
    expect(readdirSync(join(dir, "nested"))).toEqual(["out.json"]);
  });

  it("keeps the old file and leaves no temporary file when writing the data fails", async () => {
    const target = join(dir, "out.json");
    writeFileSync(target, "previous");
    // Data the file handle refuses: the temporary file is open, then the write throws.
    await expect(writeFileAtomic(target, /** @type {any} */ (42))).rejects.toThrow(/data/);
    expect(readFileSync(target, "utf8")).toBe("previous");
    expect(readdirSync(dir)).toEqual(["out.json"]);
  });

  it("keeps what is there and leaves no temporary file when the final rename fails", async () => {
    // A directory can't be renamed over by a file: the rename fails after the temp file is written.
    const blocked = join(dir, "blocked");
    mkdirSync(blocked);
    writeFileSync(join(blocked, "child"), "previous");
    await expect(writeFileAtomic(blocked, "new")).rejects.toThrow();
    expect(readFileSync(join(blocked, "child"), "utf8")).toBe("previous");
    expect(readdirSync(dir)).toEqual(["blocked"]);
  });
});
