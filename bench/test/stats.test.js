// @ts-check
import { describe, expect, it } from "vitest";
import { pairedRatios, stats } from "../src/stats.js";

describe("stats", () => {
  it("gives the middle value of an odd sample and the mean of the middle two of an even one", () => {
    expect(stats([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, runs: 3 });
    expect(stats([4, 1, 3, 10])).toEqual({ median: 3.5, min: 1, max: 10, runs: 4 });
  });

  it("refuses an empty sample", () => {
    expect(() => stats([])).toThrow(/no samples/);
  });
});

describe("pairedRatios", () => {
  it("divides run by run", () => {
    expect(pairedRatios([12, 30], [10, 20])).toEqual([1.2, 1.5]);
  });

  it("refuses samples of different lengths", () => {
    expect(() => pairedRatios([1, 2], [1])).toThrow(/equal lengths/);
  });
});
