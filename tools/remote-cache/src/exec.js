// @ts-check
import { spawn } from "node:child_process";

/**
 * @typedef {object} ExecResult
 * @property {number} code
 * @property {string} output stdout and stderr interleaved, as a user would see them
 * @property {number} ms wall-clock duration
 */

/**
 * Runs a command to completion and collects its output. A non-zero exit is returned, not thrown:
 * several callers assert on failures and warnings.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} options
 * @returns {Promise<ExecResult>}
 */
export function exec(command, args, { cwd, env = process.env, timeoutMs = 600_000 }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (/** @type {string} */ chunk) => {
      output += chunk;
    };
    child.stdout.setEncoding("utf8").on("data", collect);
    child.stderr.setEncoding("utf8").on("data", collect);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 1 : 0), output, ms: Math.round(performance.now() - started) });
    });
  });
}

/**
 * Like exec, but a non-zero exit throws with the command line and its output.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} options
 */
export async function execOk(command, args, options) {
  const result = await exec(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `\`${[command, ...args].join(" ")}\` failed (exit ${result.code}) in ${options.cwd}:\n${result.output}`,
    );
  }
  return result;
}
