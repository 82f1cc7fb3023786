// @ts-check
import { statSync } from "node:fs";

/**
 * How long the mock waits for Prism to listen. Prism parses and dereferences the whole document
 * before it listens, which takes seconds per megabyte: a fixed 30 s was enough for small
 * documents and too short for multi-MB ones (GitHub's description is ~10 MB).
 */
export const BASE_MS = 30_000;
export const PER_MB_MS = 30_000;
const MB = 1_000_000;
/** Seconds, read when the caller gives no timeoutMs: a longer wait for every start, e.g. in CI or the corpus. */
export const START_TIMEOUT_ENV = "SDKIT_MOCK_START_TIMEOUT";

/**
 * @typedef {object} StartBudget
 * @property {number} ms
 * @property {"option" | "env" | "size"} source who set it: the caller's timeoutMs, the environment, or the document's size
 * @property {string} specPath the document the budget is for (the one the user named)
 * @property {number} bytes the size of what Prism reads (the served copy, when the mock adds examples)
 */

/**
 * The start-up budget: the caller's `timeoutMs`, else `SDKIT_MOCK_START_TIMEOUT` seconds, else
 * 30 s + 30 s per MB of the served document.
 *
 * @param {{ specPath: string, bytes: number, timeoutMs?: number | undefined, env?: NodeJS.ProcessEnv }} input
 * @returns {StartBudget}
 */
export function startBudget({ specPath, bytes, timeoutMs, env = process.env }) {
  if (timeoutMs !== undefined) {
    if (!(timeoutMs > 0)) throw new RangeError(`timeoutMs must be a positive number of ms, got ${timeoutMs}`);
    return { ms: timeoutMs, source: "option", specPath, bytes };
  }
  const fromEnv = env[START_TIMEOUT_ENV];
  if (fromEnv !== undefined && fromEnv !== "") {
    const seconds = Number(fromEnv);
    if (!(seconds > 0))
      throw new RangeError(`${START_TIMEOUT_ENV} must be a positive number of seconds, got "${fromEnv}"`);
    return { ms: Math.round(seconds * 1000), source: "env", specPath, bytes };
  }
  return { ms: BASE_MS + Math.ceil((bytes / MB) * PER_MB_MS), source: "size", specPath, bytes };
}

/** The budget for the file Prism will read, `specPath` being the one to name in messages. */
export function startBudgetFor(
  /** @type {string} */ specPath,
  /** @type {string} */ servedPath,
  /** @type {number | undefined} */ timeoutMs,
) {
  return startBudget({ specPath, bytes: statSync(servedPath).size, timeoutMs });
}

/**
 * Why a start timed out, and what to do: names the document, its size, the budget and where it
 * came from, and the three ways to give Prism longer.
 *
 * @param {StartBudget} budget
 */
export function startTimeoutMessage({ ms, source, specPath, bytes }) {
  const size = `${(bytes / MB).toFixed(1)} MB`;
  const why = {
    option: "the timeoutMs given",
    env: `${START_TIMEOUT_ENV}`,
    size: `30 s + 30 s per MB of the ${size} document`,
  }[source];
  return (
    `it did not report listening within ${seconds(ms)} (${why}) while loading ${specPath} (${size}). ` +
    `A big document can take Prism longer: pass a longer timeout (startMock's timeoutMs, sdkit-mock's ` +
    `--start-timeout <seconds>, or ${START_TIMEOUT_ENV}=<seconds> in the environment)`
  );
}

/** @param {number} ms */
function seconds(ms) {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
