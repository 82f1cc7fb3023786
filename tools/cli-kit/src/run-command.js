// @ts-check
import { spawn } from "node:child_process";

/**
 * @typedef {object} RunOptions
 * @property {string} cwd
 * @property {NodeJS.ProcessEnv} [env]
 * @property {boolean} [capture] collect stdout and stderr instead of streaming them
 *
 * @typedef {{ code: number, output: string }} RunResult
 *
 * Runs one command. Tools that run other programs (a build, `changeset version`) take a Runner as a
 * parameter, so their unit tests substitute a fake instead of running the real thing.
 * @typedef {(command: string, args: string[], options: RunOptions) => Promise<RunResult>} Runner
 */

/**
 * Runs `command` with `args` in `cwd`, streaming its output to ours (or collecting it, with
 * `capture`), and resolves with its exit code once it has closed; a signal counts as exit 1. Rejects
 * only when it cannot be started (ENOENT).
 *
 * @type {Runner}
 */
export function runCommand(command, args, { cwd, env = process.env, capture = false }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    const collect = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString("utf8");
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
