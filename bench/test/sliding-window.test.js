// @ts-check
import { expect, it } from "vitest";
import { slidingWindowByArrival } from "../src/suites/import.js";

it("admits at most `limit` arrivals in any window, counting only admitted ones", () => {
  let now = 0;
  const admit = slidingWindowByArrival(3, 1000, () => now);
  const at = (/** @type {number} */ t) => {
    now = t;
    return admit();
  };
  expect([at(0), at(10), at(20), at(30)]).toEqual([true, true, true, false]);
  // The first admitted arrival (t=0) leaves the window only after a full 1000 ms.
  expect(at(999)).toBe(false);
  expect(at(1000)).toBe(true);
  expect(at(1005)).toBe(false);
  expect([at(1010), at(1020)]).toEqual([true, true]);
  expect(at(1021)).toBe(false);
});
