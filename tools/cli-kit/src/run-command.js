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
 * Runs one command. The build, test and `changeset version` steps take it as a parameter so unit
 * tests substitute a fake instead of running the whole build.
 * @typedef {(command: string, args: string[], options: RunOptions) => Promise<RunResult>} Runner
 */

/** @type {Runner} */
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
