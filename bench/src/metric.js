// @ts-check
import { stats } from "./stats.js";

/**
 * One measured figure of a benchmark run, as written to results/latest.json.
 *
 * @typedef {object} Metric
 * @property {string} id stable key, e.g. "scale.bundle.ratio" (budgets refer to it)
 * @property {string} label what it is, for people
 * @property {string} unit "x" (ratio), "ms", "MB", "kB", "req/s", "tasks"
 * @property {number} median
 * @property {number} min
 * @property {number} max
 * @property {number} runs
 * @property {string} [note] how it was measured, when the label cannot say it
 */

/**
 * @param {{ id: string, label: string, unit: string, samples: number[], note?: string }} options
 * @returns {Metric}
 */
export function metric({ id, label, unit, samples, note }) {
  return { id, label, unit, ...stats(samples), ...(note ? { note } : {}) };
}
