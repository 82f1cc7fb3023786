// @ts-check
// `pnpm corpus --generate-only`: each document through lint, bundle and every generator in a
// worker process of its own (generate-worker.js), no install and no tests: the crash and memory
// test at scale.
import { copyFile, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measure } from "./measure.js";
import { freshWorkFolder } from "./work-folder.js";

const WORKER = fileURLToPath(new URL("./generate-worker.js", import.meta.url));

/**
 * The worker as the toolchain in `toolchain` runs it: beside its scaffold package, so its imports
 * resolve to that checkout's packages (a baseline run on an older toolchain).
 *
 * @param {string} toolchain
 */
async function workerIn(toolchain) {
  const own = fileURLToPath(new URL("../../../", import.meta.url));
  if (resolve(toolchain) === resolve(own)) return WORKER;
  const copy = join(toolchain, "tools", "scaffold", ".corpus-worker.js");
  await copyFile(WORKER, copy);
  return copy;
}

/**
 * @param {import("./documents.js").CorpusDocument} doc
 * @param {{ work: string, timeoutMs: number, heapMb: number, toolchain: string }} options
 * @returns {Promise<import("./full-run.js").DocumentResult>}
 */
export async function generateDocument(doc, { work, timeoutMs, heapMb, toolchain }) {
  const worker = await workerIn(toolchain);
  const dir = await freshWorkFolder(work, doc);
  const log = join(dir, "generate.log");
  const measured = await measure(process.execPath, [`--max-old-space-size=${heapMb}`, worker, doc.file, dir], {
    cwd: dir,
    log,
    timeoutMs,
  });
  const text = await readFile(log, "utf8").catch(() => "");
  const last = text
    .split("\n")
    .reverse()
    .find((line) => line.startsWith('{"stage"'));
  /** @type {{ stage: string, ok: boolean, crash?: boolean, reason?: string }} */
  const outcome = last ? JSON.parse(last) : { stage: "worker", ok: false, crash: true };
  let failure;
  let crash = outcome.crash === true;
  if (measured.timedOut) {
    failure = `did not finish within ${Math.round(timeoutMs / 60000)} min`;
    crash = true;
  } else if (!last) {
    failure = /heap out of memory/.test(text) ? "out of memory" : `the worker exited ${measured.code} without a result`;
    crash = true;
  } else if (!outcome.ok) failure = outcome.reason;
  return {
    name: doc.name,
    bytes: doc.bytes,
    reached: outcome.ok ? "generate" : outcome.stage,
    ok: outcome.ok && !measured.timedOut,
    tests: undefined,
    seconds: Math.round(measured.seconds * 10) / 10,
    peakMb: measured.peakMb,
    failure: failure === undefined ? undefined : `${doc.name} ${outcome.stage}: ${failure}`,
    crash,
    stages: [],
  };
}
