// @ts-check
import { describe, expect, it } from "vitest";
import { failureLine, testCounts } from "../src/outcome.js";
import { corpusMetrics } from "../src/report.js";

describe("reading a stage's log", () => {
  it("takes the test counts .ci/run prints last, and counts waived statuses", () => {
    const log =
      "a\n  waived: 301 on GET /x: fetch follows redirects\n\u001b[32m\u001b[0m10 passed, 2 failed, 1 skipped\n";
    expect(testCounts(log)).toEqual({ passed: 10, failed: 2, skipped: 1, waived: 1 });
    expect(testCounts("no totals")).toBeUndefined();
  });

  it("sums the vitest summaries of every package's tests and counts the contract gate's waived statuses", () => {
    const log = [
      "@acme/client:test: \u001b[2m      Tests \u001b[22m \u001b[1m\u001b[32m12 passed\u001b[39m\u001b[22m\u001b[90m (12)\u001b[39m",
      "@acme/contract-tests:test: coverage: listPets 404 via sdk waived: Prism cannot produce it",
      "@acme/contract-tests:test: coverage: listPets 404 via openapi-fetch waived: Prism cannot produce it",
      "@acme/contract-tests:test:       Tests  2 failed | 30 passed | 1 skipped (33)",
    ].join("\n");
    expect(testCounts(log)).toEqual({ passed: 42, failed: 2, skipped: 1, waived: 2 });
    expect(failureLine(log, { timedOut: false, timeoutMs: 60_000, tests: true }).line).toMatch(
      /^42 passed, 2 failed, 1 skipped/,
    );
  });

  it("names the most frequent error of a failed test run, with the totals", () => {
    const log = [
      "@acme/contract-tests:test: AcmeError: createAcme: this API authenticates with HTTP basic",
      "@acme/contract-tests:test:     at Object.<anonymous> (file.ts:1:2)",
      "@acme/contract-tests:test: AcmeError: createAcme: this API authenticates with HTTP basic",
      "@acme/spec:bundle:   warning operation-summary ×3: a.yaml:1:1 at #/paths/~1a/get: x",
      "1 passed, 9 failed, 0 skipped",
    ].join("\n");
    expect(failureLine(log, { timedOut: false, timeoutMs: 60_000, tests: true })).toEqual({
      line: "1 passed, 9 failed, 0 skipped: AcmeError: createAcme: this API authenticates with HTTP basic (×2)",
      crash: false,
    });
  });

  it("calls out of memory, a stack trace outside tests and a timeout crashes", () => {
    const oom =
      "@acme/docs:build: FATAL ERROR: Reached heap limit\n<--- JS stacktrace --->\nJavaScript heap out of memory";
    expect(failureLine(oom, { timedOut: false, timeoutMs: 1 })).toEqual({
      line: "out of memory: @acme/docs:build",
      crash: true,
    });
    const stack = "TypeError: x is undefined\n    at run (/a/b.js:1:2)";
    expect(failureLine(stack, { timedOut: false, timeoutMs: 1 }).crash).toBe(true);
    expect(failureLine("", { timedOut: true, timeoutMs: 120_000 })).toEqual({
      line: "did not finish within 2 min",
      crash: true,
    });
  });

  it("otherwise names the pointer our tools print", () => {
    const log = "openapi-bundle: spec/openapi.yaml #/paths/~1a/get: operationId missing\n";
    expect(failureLine(log, { timedOut: false, timeoutMs: 1 }).line).toBe(
      "openapi-bundle: spec/openapi.yaml #/paths/~1a/get: operationId missing",
    );
  });
});

describe("the metrics bench:check reads", () => {
  const result = (/** @type {Partial<import("../src/full-run.js").DocumentResult>} */ over) => ({
    name: "x",
    bytes: 1,
    reached: "test",
    ok: true,
    tests: undefined,
    seconds: 1,
    peakMb: 100,
    failure: undefined,
    stages: [],
    ...over,
  });
  it("count builds, greens, crashes and the peak", () => {
    const metrics = corpusMetrics(
      [
        result({}),
        result({ reached: "build", ok: false }),
        result({ reached: "scaffold", ok: false, crash: true, peakMb: 3000 }),
      ],
      "full",
    );
    expect(Object.fromEntries(metrics.map((m) => [m.id, m.median]))).toEqual({
      "corpus.build.percent": 66.7,
      "corpus.green.percent": 33.3,
      "corpus.crashes": 1,
      "corpus.peakMb": 3000,
    });
  });
});
