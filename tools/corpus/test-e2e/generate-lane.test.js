// @ts-check
// The generate-only sweep's lane: one worker process for document after document, with the real
// toolchain (Redocly's engine in-process, every generator), on small documents of our own.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createGenerateLane } from "../src/generate-lane.js";

const work = await mkdtemp(join(tmpdir(), "corpus-lane-"));
const toolchain = fileURLToPath(new URL("../../../", import.meta.url));
const lane = createGenerateLane({ heapMb: 1024, toolchain });
afterAll(async () => {
  lane.close();
  await rm(work, { recursive: true, force: true });
});

/** @param {string} name */
function fixture(name) {
  const file = fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));
  return { name: `fixture/${name}`, file, bytes: 1, source: /** @type {const} */ ("oas-examples") };
}

describe("a generate lane", () => {
  it("lints, bundles and generates every target of a document, with its peak memory", async () => {
    const result = await lane.run(fixture("generate-small.json"), { work, timeoutMs: 120_000 });
    expect(result.failure).toBeUndefined();
    expect(result).toMatchObject({ ok: true, reached: "generate", crash: false });
    expect(result.peakMb).toBeGreaterThan(0);
    expect(result.peakMb).toBeLessThan(2048);
  });

  it("reports a document it cannot bundle as one line with the place, not as a crash", async () => {
    const result = await lane.run(fixture("generate-dangling.json"), { work, timeoutMs: 120_000 });
    expect(result.ok).toBe(false);
    expect(result.crash).toBe(false);
    expect(result.failure).toMatch(/^fixture\/generate-dangling\.json \S+: /);
    expect(result.failure).toMatch(/other\.json/);
    expect(result.failure?.split("\n")).toHaveLength(1);
  });

  it("ends a document past its deadline as a crash, and the next one gets a fresh worker", async () => {
    const late = await lane.run(fixture("generate-small.json"), { work, timeoutMs: 1 });
    expect(late).toMatchObject({ ok: false, crash: true });
    expect(late.failure).toMatch(/did not finish within/);
    const next = await lane.run(fixture("generate-small.json"), { work, timeoutMs: 120_000 });
    expect(next.failure).toBeUndefined();
    expect(next.ok).toBe(true);
  });
});
