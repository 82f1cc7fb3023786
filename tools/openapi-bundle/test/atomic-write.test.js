// @ts-check
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

  it("keeps the old file and leaves no temporary file when the write fails", async () => {
    const target = join(dir, "out.json");
    writeFileSync(target, "previous");
    // A directory can't be renamed over by a file: the rename fails after the temp file is written.
    const blocked = join(dir, "blocked");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(blocked, "child"), { recursive: true });
    await expect(writeFileAtomic(blocked, "new")).rejects.toThrow();
    expect(readFileSync(target, "utf8")).toBe("previous");
    expect(readdirSync(dir).sort()).toEqual(["blocked", "out.json"]);
  });
});
