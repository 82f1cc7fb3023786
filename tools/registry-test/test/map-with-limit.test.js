// @ts-check
import { expect, it } from "vitest";
import { mapWithLimit } from "../src/map-with-limit.js";

/** A task whose settling the test controls, recording how many run at once. */
function gatedTasks() {
  const state = { running: 0, peak: 0, started: /** @type {number[]} */ ([]) };
  /** @type {Array<() => void>} */
  const release = [];
  const task = async (/** @type {number} */ item) => {
    state.started.push(item);
    state.running++;
    state.peak = Math.max(state.peak, state.running);
    await new Promise((resolve) => release.push(() => resolve(undefined)));
    state.running--;
    return item * 10;
  };
  return { state, release, task };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

it("runs no more than the limit at once and keeps the results in the items' order", async () => {
  const { state, release, task } = gatedTasks();
  const done = mapWithLimit([1, 2, 3, 4, 5, 6, 7], 3, task);
  await settle();
  expect(state.running).toBe(3);
  // Release in reverse order of start: the results must still follow the items.
  while (state.started.length < 7 || release.length > 0) {
    release.pop()?.();
    await settle();
  }
  expect(await done).toEqual([10, 20, 30, 40, 50, 60, 70]);
  expect(state.peak).toBe(3);
});

it("rejects with the first failure after the running tasks settle, and starts no more", async () => {
  const started = /** @type {number[]} */ ([]);
  let settledAfterFailure = false;
  const outcome = mapWithLimit([1, 2, 3, 4, 5], 2, async (item) => {
    started.push(item);
    if (item === 1) throw new Error("first failed");
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (item === 2) settledAfterFailure = true;
    return item;
  });
  await expect(outcome).rejects.toThrow("first failed");
  expect(settledAfterFailure).toBe(true);
  expect(started).toEqual([1, 2]);
});

it("refuses a limit that is not a whole number of at least one", async () => {
  await expect(mapWithLimit([1], 0, async (item) => item)).rejects.toThrow(/limit must be/);
});

it("resolves an empty list without calling the task", async () => {
  expect(
    await mapWithLimit([], 2, async () => {
      throw new Error("called");
    }),
  ).toEqual([]);
});
