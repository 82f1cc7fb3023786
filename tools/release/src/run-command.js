// @ts-check
import { spawn } from "node:child_process";

/**
 * @typedef {object} RunOptions
 * @property {string} cwd
 * @property {NodeJS.ProcessEnv} [env] the full environment for the child; defaults to this process's
 * @property {boolean} [capture] collect stdout instead of streaming it to the terminal
 */

/**
 * @typedef {object} RunResult
 * @property {number} code the exit code; a signal counts as 1
 * @property {string} stdout captured stdout ("" unless `capture` was set)
 */

/**
 * Runs one command. Release steps take this as a parameter so tests can substitute a recording fake
 * and check the refusal logic without running git, turbo or a registry.
 *
 * @typedef {(command: string, args: string[], options: RunOptions) => Promise<RunResult>} Runner
 */

/** @type {Runner} */
export function runCommand(command, args, { cwd, env = process.env, capture = false }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit" });
    let stdout = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, stdout }));
  });
}
