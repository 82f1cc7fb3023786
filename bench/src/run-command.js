// @ts-check
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";

/**
 * @typedef {object} CommandRun
 * @property {number} ms wall-clock time
 * @property {number | undefined} peakRssMb largest resident set of the command's process tree's
 *   largest process (GNU time's %M), undefined where /usr/bin/time is missing
 * @property {string} output stdout and stderr
 */

/**
 * Runs a command to completion, timing it and, through GNU time, recording its peak memory.
 * Throws on a non-zero exit: a benchmark of a failing command measures nothing.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} options
 * @returns {Promise<CommandRun>}
 */
export async function runCommand(command, args, { cwd, env = process.env, timeoutMs = 900_000 }) {
  const withTime = existsSync(GNU_TIME);
  const scratch = withTime ? await mkdtemp(join(tmpdir(), "hatch-bench-time-")) : "";
  const timeFile = join(scratch, "rss");
  const [file, argv] = withTime ? [GNU_TIME, ["-f", "%M", "-o", timeFile, command, ...args]] : [command, args];
  try {
    const started = performance.now();
    const { code, output } = await new Promise((resolve, reject) => {
      const child = spawn(file, argv, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
      let text = "";
      const collect = (/** @type {Buffer} */ chunk) => {
        // Keep the tail only: a lint of a large document prints thousands of warnings.
        text = (text + chunk.toString("utf8")).slice(-20_000);
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("close", (exitCode, signal) => {
        clearTimeout(timer);
        resolve({ code: exitCode ?? (signal ? 1 : 0), output: text });
      });
    });
    const ms = performance.now() - started;
    if (code !== 0) throw new Error(`\`${[command, ...args].join(" ")}\` failed (exit ${code}) in ${cwd}:\n${output}`);
    let peakRssMb;
    if (withTime) {
      const kb = Number((await readFile(timeFile, "utf8")).trim().split("\n").at(-1));
      if (Number.isFinite(kb)) peakRssMb = kb / 1024;
    }
    return { ms, peakRssMb, output };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}
