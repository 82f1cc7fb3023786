// @ts-check
import { spawn } from "node:child_process";

/**
 * @typedef {object} ExecResult
 * @property {number} code the exit code; 1 when a signal (the timeout's SIGKILL) ended it
 * @property {NodeJS.Signals | null} signal
 * @property {string} stdout
 * @property {string} stderr
 * @property {string} output stdout and stderr interleaved as they arrived
 * @property {number} ms wall-clock duration
 */

/**
 * Runs a command and collects its output; a non-zero exit is returned, not thrown, because many
 * assertions are about failures. Resolves once the process has exited and its output is closed.
 * The process is killed after `timeoutMs`, so a hang fails the test (with the output so far)
 * instead of stalling it.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options]
 * @returns {Promise<ExecResult>}
 */
export function exec(command, args, { cwd, env = process.env, timeoutMs = 180_000 } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
      output += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      const ms = Math.round(performance.now() - started);
      resolve({ code: code ?? (signal ? 1 : 0), signal, stdout, stderr, output, ms });
    });
  });
}

/**
 * Like exec, but a non-zero exit throws with the command line and its output.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options]
 */
export async function execOk(command, args, options = {}) {
  const result = await exec(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `\`${[command, ...args].join(" ")}\` failed (exit ${result.code}) in ${options.cwd ?? process.cwd()}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

/**
 * `exec` of this Node with `args` (a script and its arguments), 60 s unless told.
 *
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options]
 */
export function runNode(args, { timeoutMs = 60_000, ...options } = {}) {
  return exec(process.execPath, args, { ...options, timeoutMs });
}
