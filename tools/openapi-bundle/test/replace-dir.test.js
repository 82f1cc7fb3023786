// @ts-check
// A directory of outputs is replaced whole: after a failure at any step, including between two
// files and between the two renames, it holds exactly the previous files.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as fsPromises from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readTree } from "@hatch-api/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { replaceDirAtomic } from "../src/index.js";

/** @type {string} */
let parent;
/** @type {string} */
let dir;
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), "replace-dir-test-"));
  dir = join(parent, "dist");
  mkdirSync(join(dir, "assets"), { recursive: true });
  writeFileSync(join(dir, "a.json"), "old a");
  writeFileSync(join(dir, "assets/b.css"), "old b");
  writeFileSync(join(dir, "stale.html"), "old stale");
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

const next = [
  { path: "a.json", data: "new a" },
  { path: "assets/b.css", data: "new b" },
];

const oldContents = { "a.json": "old a", "assets/b.css": "old b", "stale.html": "old stale" };

/**
 * The file system, except that the `nth` call of `call` fails with the error `code` (and the calls
 * after it fail no more).
 *
 * @param {"open" | "rename"} call
 * @param {number} nth
 * @param {string} code
 */
function failingFs(call, nth, code) {
  const real = { ...fsPromises };
  let count = 0;
  /** @param {...any} args */
  const failing = async (...args) => {
    count += 1;
    if (count === nth) throw Object.assign(new Error(`${code}: injected failure`), { code });
    return /** @type {(...args: any[]) => Promise<any>} */ (real[call])(...args);
  };
  return { fs: { ...real, [call]: failing }, calls: () => count };
}

describe("replaceDirAtomic", () => {
  it("leaves exactly the new files, and nothing beside the directory", async () => {
    await replaceDirAtomic(dir, next);
    expect(readTree(dir)).toEqual({ "a.json": "new a", "assets/b.css": "new b" });
    expect(readdirSync(parent)).toEqual(["dist"]);
  });

  it("creates the directory when it does not exist", async () => {
    rmSync(dir, { recursive: true });
    await replaceDirAtomic(dir, next);
    expect(readTree(dir)).toEqual({ "a.json": "new a", "assets/b.css": "new b" });
  });

  it.each([
    ["writing the second file fails", "open", 2, "ENOSPC"],
    ["moving the old directory aside fails (just before the swap)", "rename", 1, "EACCES"],
    ["the swap's second rename fails (the old directory is put back)", "rename", 2, "EIO"],
  ])("keeps every old file when %s", async (_when, call, nth, code) => {
    const { fs, calls } = failingFs(/** @type {"open" | "rename"} */ (call), nth, code);
    await expect(replaceDirAtomic(dir, next, { fs })).rejects.toThrow(code);
    expect(calls()).toBe(nth);
    expect(readTree(dir)).toEqual(oldContents);
    expect(readdirSync(parent)).toEqual(["dist"]);
  });

  it("keeps every old file when a new file cannot be written (its path is a folder of the new tree)", async () => {
    const clash = [
      { path: "x", data: "file" },
      { path: "x/y.ts", data: "nested" },
    ];
    await expect(replaceDirAtomic(dir, clash)).rejects.toThrow();
    expect(readTree(dir)).toEqual(oldContents);
    expect(readdirSync(parent)).toEqual(["dist"]);
  });

  it("refuses a path that leaves the directory", async () => {
    await expect(replaceDirAtomic(dir, [{ path: "../escape.txt", data: "x" }])).rejects.toThrow(/not a path inside/);
    expect(readTree(dir)).toEqual(oldContents);
    expect(readdirSync(parent)).toEqual(["dist"]);
  });
});
