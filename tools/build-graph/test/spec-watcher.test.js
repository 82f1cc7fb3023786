// @ts-check
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serialBuilds, watchSpec } from "../src/spec-watcher.js";

/** @type {string} */
let dir;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "spec-watcher-test-"));
  mkdirSync(join(dir, "overlays"));
  mkdirSync(join(dir, "dist"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe("watchSpec", () => {
  it("reports edits to the spec and its overlays once they settle, and ignores the build's own outputs", async () => {
    /** @type {string[][]} */
    const calls = [];
    const stop = watchSpec(dir, (paths) => calls.push(paths), { debounceMs: 300 });
    try {
      await sleep(200);
      writeFileSync(join(dir, "dist/openapi.json"), "{}");
      mkdirSync(join(dir, ".dist.1.abc.new"));
      writeFileSync(join(dir, ".dist.1.abc.new/openapi.json"), "{}");
      await sleep(1_000);
      expect(calls).toEqual([]);

      writeFileSync(join(dir, "openapi.yaml"), "openapi: 3.0.3\n");
      writeFileSync(join(dir, "openapi.yaml"), "openapi: 3.0.3\ninfo: {}\n");
      writeFileSync(join(dir, "overlays/10-x.yaml"), "overlay: 1.0.0\n");
      const deadline = Date.now() + 10_000;
      while (calls.length === 0 && Date.now() < deadline) await sleep(100);
      expect(calls).toEqual([["openapi.yaml", "overlays/10-x.yaml"]]);
    } finally {
      stop();
    }
  });
});

describe("serialBuilds", () => {
  it("never runs two builds at once and folds requests made during a build into one more", async () => {
    let running = 0;
    let most = 0;
    let builds = 0;
    /** @type {boolean[]} */
    const results = [];
    const runner = serialBuilds(
      async () => {
        running += 1;
        most = Math.max(most, running);
        builds += 1;
        await sleep(100);
        running -= 1;
        return builds !== 2;
      },
      (ok) => {
        results.push(ok);
      },
    );
    runner.request();
    runner.request();
    runner.request();
    await runner.idle();
    expect(most).toBe(1);
    expect(builds).toBe(2);
    expect(results).toEqual([true, false]);
  });
});
