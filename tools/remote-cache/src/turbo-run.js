// @ts-check
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { exec } from "@hatch-api/test-support";

/**
 * @typedef {object} TaskCacheResult
 * @property {string} taskId e.g. "@hatch-api/client#build"
 * @property {string} hash the task's cache key
 * @property {"HIT" | "MISS"} status
 * @property {"LOCAL" | "REMOTE" | undefined} source where a hit came from
 */

/**
 * @typedef {object} TurboRunResult
 * @property {number} code exit code
 * @property {string} output what turbo printed
 * @property {number} ms wall-clock time of the whole command
 * @property {TaskCacheResult[]} tasks from turbo's run summary, sorted by task id
 */

/**
 * Runs `pnpm <script> <args> --summarize` in `cwd` (a repo using turbo) and reads turbo's run
 * summary, which says per task whether it was a cache hit and from which cache.
 *
 * @param {{ cwd: string, script?: string, args?: string[], env: NodeJS.ProcessEnv, timeoutMs?: number }} options
 * @returns {Promise<TurboRunResult>}
 */
export async function runTurboScript({ cwd, script = "build", args = [], env, timeoutMs }) {
  const { code, output, ms } = await exec("pnpm", ["run", script, ...args, "--summarize"], {
    cwd,
    env,
    timeoutMs: timeoutMs ?? 600_000,
  });
  const summaryPath = /^\s*Summary:\s+(\S+\.json)\s*$/m.exec(output)?.[1];
  if (!summaryPath) return { code, output, ms, tasks: [] };
  return { code, output, ms, tasks: parseRunSummary(await readFile(resolve(cwd, summaryPath), "utf8")) };
}

/**
 * The per-task cache results of a turbo run summary (`--summarize`, schema of turbo 2.x).
 *
 * @param {string} json
 * @returns {TaskCacheResult[]}
 */
export function parseRunSummary(json) {
  /** @type {{ tasks?: Array<{ taskId: string, hash: string, command?: string, cache?: { status?: string, source?: string } }> }} */
  const summary = JSON.parse(json);
  if (!Array.isArray(summary.tasks)) throw new Error("not a turbo run summary: no tasks array");
  return summary.tasks
    .filter((task) => task.command !== "<NONEXISTENT>") // a package without that script: nothing ran or cached
    .map((task) => ({
      taskId: task.taskId,
      hash: task.hash,
      status: task.cache?.status === "HIT" ? /** @type {const} */ ("HIT") : /** @type {const} */ ("MISS"),
      source:
        task.cache?.source === "REMOTE" || task.cache?.source === "LOCAL"
          ? /** @type {"LOCAL" | "REMOTE"} */ (task.cache.source)
          : undefined,
    }))
    .sort((a, b) => a.taskId.localeCompare(b.taskId));
}
