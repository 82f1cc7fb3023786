// @ts-check
// One document as a new user meets the toolchain: `pnpm scaffold` on it, then the new repo's own
// README commands (setup + build), then its `.ci/run` (lint + test). Stops at the first stage that
// fails and says why in one line.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { measure } from "./measure.js";
import { failureLine, testCounts } from "./outcome.js";
import { buildCommand } from "./readme-commands.js";
import { repoEnv } from "./toolchain-registry.js";
import { freshWorkFolder } from "./work-folder.js";

/** @typedef {import("./documents.js").CorpusDocument} CorpusDocument */

/**
 * @typedef {object} StageResult
 * @property {string} stage
 * @property {boolean} ok
 * @property {number} seconds
 * @property {number | undefined} peakMb
 */

/**
 * @typedef {object} DocumentResult
 * @property {string} name
 * @property {number} bytes
 * @property {string} reached the last stage that passed ("none" when the first failed)
 * @property {boolean} ok every stage passed
 * @property {{ passed: number, failed: number, skipped: number, waived: number } | undefined} tests
 * @property {number} seconds
 * @property {number | undefined} peakMb the largest of its stages
 * @property {string | undefined} failure one line: document, stage, pointer where known, reason
 * @property {boolean} [crash] the failure was a crash, a stack trace or out of memory: never acceptable
 * @property {StageResult[]} stages
 */

/**
 * The setup + build command of the scaffolded README (its first Quick start command).
 *
 * @param {string} repo
 */
async function readmeBuildCommand(repo) {
  return buildCommand(await readFile(join(repo, "README.md"), "utf8").catch(() => ""));
}

/**
 * @param {CorpusDocument} doc
 * @param {{ root: string, work: string, timeoutMs: number, userconfig: string }} options root: the
 *   checkout whose scaffold runs; userconfig: the npmrc that sends the toolchain's scope to the run's registry
 * @returns {Promise<DocumentResult>}
 */
export async function runDocument(doc, { root, work, timeoutMs, userconfig }) {
  // Emptied first: the scaffold refuses a non-empty target, as a rerun with the same --work leaves it.
  const dir = await freshWorkFolder(work, doc);
  const repo = join(dir, "repo");
  const env = repoEnv(process.env, { userconfig });
  /** @type {Array<{ stage: string, command: string, args: string[], cwd: string }>} */
  const plan = [
    {
      stage: "scaffold",
      command: process.execPath,
      args: [join(root, "tools/scaffold/bin/scaffold.js"), "--spec", doc.file, "--out", repo],
      cwd: dir,
    },
  ];
  /** @type {DocumentResult} */
  const result = {
    name: doc.name,
    bytes: doc.bytes,
    reached: "none",
    ok: false,
    tests: undefined,
    seconds: 0,
    peakMb: undefined,
    failure: undefined,
    stages: [],
  };
  const run = async (/** @type {typeof plan[number]} */ step) => {
    const log = join(dir, `${step.stage}.log`);
    const measured = await measure(step.command, step.args, { cwd: step.cwd, log, timeoutMs, env });
    const ok = measured.code === 0 && !measured.timedOut;
    result.stages.push({ stage: step.stage, ok, seconds: Math.round(measured.seconds), peakMb: measured.peakMb });
    result.seconds += measured.seconds;
    if (measured.peakMb !== undefined) result.peakMb = Math.max(result.peakMb ?? 0, measured.peakMb);
    const text = await readFile(log, "utf8").catch(() => "");
    if (step.stage === "test") result.tests = testCounts(text);
    if (!ok) {
      const why = failureLine(text, { timedOut: measured.timedOut, timeoutMs, tests: step.stage === "test" });
      result.failure = `${doc.name} ${step.stage}: ${why.line}`;
      result.crash = why.crash;
    } else result.reached = step.stage;
    return ok;
  };
  if (!(await run(/** @type {typeof plan[number]} */ (plan[0])))) return finish(result);
  const build = await readmeBuildCommand(repo);
  if (!(await run({ stage: "build", command: "bash", args: ["-c", build], cwd: repo }))) return finish(result);
  await run({ stage: "test", command: "bash", args: [".ci/run"], cwd: repo });
  return finish(result);
}

/** @param {DocumentResult} result */
function finish(result) {
  result.seconds = Math.round(result.seconds);
  result.ok = result.reached === "test";
  return result;
}
