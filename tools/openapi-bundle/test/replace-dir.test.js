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

  it("keeps every old file when writing the second file fails", async () => {
    let opened = 0;
    /** @type {typeof fsPromises.open} */
    const open = async (path, flags) => {
      opened += 1;
      if (opened === 2) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      return fsPromises.open(path, flags);
    };
    await expect(replaceDirAtomic(dir, next, { fs: { ...fsPromises, open } })).rejects.toThrow(/ENOSPC/);
    expect(opened).toBe(2);
    expect(readTree(dir)).toEqual(oldContents);
    expect(readdirSync(parent)).toEqual(["dist"]);
  });

  it("keeps every old file when moving the old directory aside fails (just before the swap)", async () => {
    let renames = 0;
    /** @type {typeof fsPromises.rename} */
    const rename = async (from, to) => {
      renames += 1;
      if (renames === 1) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      return fsPromises.rename(from, to);
    };
    await expect(replaceDirAtomic(dir, next, { fs: { ...fsPromises, rename } })).rejects.toThrow(/EACCES/);
    expect(renames).toBe(1);
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

  it("puts the old directory back when the swap's second rename fails", async () => {
    let renames = 0;
    /** @type {typeof fsPromises.rename} */
    const rename = async (from, to) => {
      renames += 1;
      if (renames === 2) throw Object.assign(new Error("EIO: i/o error"), { code: "EIO" });
      return fsPromises.rename(from, to);
    };
    await expect(replaceDirAtomic(dir, next, { fs: { ...fsPromises, rename } })).rejects.toThrow(/EIO/);
    expect(renames).toBe(2);
    expect(readTree(dir)).toEqual(oldContents);
    expect(readdirSync(parent)).toEqual(["dist"]);
  });

  it("refuses a path that leaves the directory", async () => {
    await expect(replaceDirAtomic(dir, [{ path: "../escape.txt", data: "x" }])).rejects.toThrow(/not a path inside/);
    expect(readTree(dir)).toEqual(oldContents);
    expect(readdirSync(parent)).toEqual(["dist"]);
  });
});
