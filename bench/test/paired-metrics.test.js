// @ts-check
import { describe, expect, it } from "vitest";
import { pairedMetrics, record, sideSamples } from "../src/paired-metrics.js";

/** @param {Array<[number, number | undefined]>} runs ms and peak MB per run */
function side(runs) {
  const samples = sideSamples();
  for (const [ms, peakRssMb] of runs) record(samples, { ms, peakRssMb, output: "" });
  return samples;
}

describe("pairedMetrics", () => {
  it("pairs ours with the raw baseline run by run, and reports each side's time and peak memory", () => {
    const metrics = pairedMetrics({
      prefix: "s.x",
      label: "x",
      ours: side([
        [12, 100],
        [30, 120],
      ]),
      raw: side([
        [10, 90],
        [20, 95],
      ]),
    });
    const byId = Object.fromEntries(metrics.map((m) => [m.id, m]));
    expect(Object.keys(byId).sort()).toEqual([
      "s.x.oursMs",
      "s.x.oursPeakMb",
      "s.x.ratio",
      "s.x.rawMs",
      "s.x.rawPeakMb",
    ]);
    // The median of the per-run ratios (1.2, 1.5), not the ratio of medians (21 / 15 = 1.4).
    expect(byId["s.x.ratio"]?.median).toBeCloseTo(1.35);
    expect(byId["s.x.oursPeakMb"]?.max).toBe(120);
  });

  it("reports ours alone for a stage with no raw tool, and no memory where GNU time was missing", () => {
    const metrics = pairedMetrics({ prefix: "s.sdk", label: "sdk", ours: side([[5, undefined]]) });
    expect(metrics.map((m) => m.id)).toEqual(["s.sdk.oursMs"]);
  });
});
