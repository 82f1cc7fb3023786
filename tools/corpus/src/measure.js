// @ts-check
// Runs one command as a child with its output in a log file and its peak memory measured by
// /usr/bin/time (GNU time reports the largest resident set of the process tree it waited for,
// so Redocly, tsc or Chromium started below the command count too).
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";

const GNU_TIME = "/usr/bin/time";

/**
 * @typedef {object} Measured
 * @property {number | null} code exit code (null when killed)
 * @property {boolean} timedOut
 * @property {number} seconds wall time
 * @property {number | undefined} peakMb largest resident set of the tree, in MB
 */

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, log: string, timeoutMs: number, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<Measured>}
 */
export async function measure(command, args, { cwd, log, timeoutMs, env }) {
  const memoryFile = `${log}.rss`;
  const useTime = existsSync(GNU_TIME);
  const argv = useTime ? ["-f", "%M", "-o", memoryFile, command, ...args] : args;
  const fd = openSync(log, "a");
  const started = performance.now();
  // A process group of its own, so a timeout ends the whole tree (servers a stage started too).
  const child = spawn(useTime ? GNU_TIME : command, argv, {
    cwd,
    env: env ?? process.env,
    stdio: ["ignore", fd, fd],
    detached: true,
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-(/** @type {number} */ (child.pid)), "SIGKILL");
    } catch {
      // already gone
    }
  }, timeoutMs);
  const stop = () => {
    try {
      process.kill(-(/** @type {number} */ (child.pid)), "SIGKILL");
    } catch {
      // already gone
    }
  };
  process.once("exit", stop);
  const code = await new Promise((resolve) => child.on("close", (status) => resolve(status)));
  clearTimeout(timer);
  process.removeListener("exit", stop);
  closeSync(fd);
  const seconds = (performance.now() - started) / 1000;
  let peakMb;
  if (useTime) {
    const text = await readFile(memoryFile, "utf8").catch(() => "");
    const kb = Number(text.trim().split("\n").at(-1));
    if (Number.isFinite(kb) && kb > 0) peakMb = Math.round(kb / 1024);
    await rm(memoryFile, { force: true });
  }
  // GNU time exits with the command's status.
  return { code: /** @type {number | null} */ (code), timedOut, seconds, peakMb };
}
