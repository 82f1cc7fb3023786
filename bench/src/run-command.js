// @ts-check
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execOk } from "@hatch-api/test-support";

const GNU_TIME = "/usr/bin/time";

/**
 * @typedef {object} CommandRun
 * @property {number} ms wall-clock time
 * @property {number | undefined} peakRssMb largest resident set of the command's process tree's
 *   largest process (GNU time's %M), undefined where /usr/bin/time is missing
 * @property {string} output stdout and stderr
 */

/**
 * Runs a command to completion (test-support's execOk), timing it and, through GNU time, recording
 * its peak memory. Throws on a non-zero exit: a benchmark of a failing command measures nothing.
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
    const run = await execOk(file, argv, { cwd, env, timeoutMs });
    let peakRssMb;
    if (withTime) {
      const kb = Number((await readFile(timeFile, "utf8")).trim().split("\n").at(-1));
      if (Number.isFinite(kb)) peakRssMb = kb / 1024;
    }
    // The tail only: a lint of a large document prints thousands of warnings.
    return { ms: run.ms, peakRssMb, output: run.output.slice(-20_000) };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}
