// @ts-check

/**
 * @typedef {object} Stats
 * @property {number} median
 * @property {number} min
 * @property {number} max
 * @property {number} runs
 */

/**
 * Median (the mean of the middle two for an even count), min and max of a sample.
 *
 * @param {number[]} samples
 * @returns {Stats}
 */
export function stats(samples) {
  if (samples.length === 0) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ i) => sorted[i] ?? Number.NaN;
  const median = sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  return {
    median,
    min: at(0),
    max: at(sorted.length - 1),
    runs: sorted.length,
  };
}

/**
 * Per-run ratios of paired samples (run i of `ours` over run i of `baseline`). Pairing, with the
 * two measured back to back in each round, keeps a slow moment on a shared machine from landing
 * on one side only.
 *
 * @param {number[]} ours
 * @param {number[]} baseline
 */
export function pairedRatios(ours, baseline) {
  if (ours.length !== baseline.length) throw new Error("paired samples need equal lengths");
  return ours.map((value, i) => value / (baseline[i] ?? Number.NaN));
}
