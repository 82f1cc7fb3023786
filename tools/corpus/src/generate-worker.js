#!/usr/bin/env node
// @ts-check
// The generate-only sweep's worker: a long-lived child (see generate-lane.js) that takes one
// document at a time over IPC, runs it through generate-steps.js and answers with the outcome and
// the document's peak memory. Loaded from the toolchain under test (beside its scaffold package),
// so `@sdkit/*` resolve to that checkout; Redocly's engine comes from the URL the lane passes.
//
// Peak memory: the kernel's high-water mark of the resident set (VmHWM), reset before each
// document (writing 5 to /proc/self/clear_refs) after a full garbage collection (the worker runs
// with --expose-gc), so it is this document's peak, synchronous work included, and what an earlier
// document left does not count. GNU time could only give the process's peak over every document.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [stepsFile, redoclyUrl] = process.argv.slice(2);
if (!stepsFile || !redoclyUrl || !process.send) {
  console.error("usage: generate-worker.js <generate-steps.js> <@redocly/openapi-core URL> (with an IPC channel)");
  process.exit(2);
}

const [{ generateOne }, scaffold, codegen, bundle, redocly] = await Promise.all([
  import(pathToFileURL(stepsFile).href),
  import("@sdkit/scaffold"),
  import("@sdkit/codegen"),
  import("@sdkit/bundle"),
  import(redoclyUrl),
]);
const toolchain = { scaffold, codegen, redocly, ToolError: bundle.ToolError };

/** The resident set's high-water mark since the last reset, in MB (undefined without procfs). */
function peakMb() {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]);
    return Number.isFinite(kb) && kb > 0 ? Math.round(kb / 1024) : undefined;
  } catch {
    return undefined;
  }
}

function resetPeak() {
  globalThis.gc?.();
  try {
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    // No procfs (not Linux): the peak is then the process's since it started.
  }
}

/** @param {{ file: string, dir: string }} job */
async function run(job) {
  resetPeak();
  const started = performance.now();
  const outcome = await generateOne(toolchain, job.file, job.dir);
  const seconds = (performance.now() - started) / 1000;
  return { ...outcome, seconds, peakMb: peakMb() };
}

process.on("message", (/** @type {{ file: string, dir: string }} */ job) => {
  run(job).then(
    (result) => process.send?.({ result }),
    (error) =>
      process.send?.({ result: { stage: "worker", ok: false, crash: true, reason: String(error), facts: {} } }),
  );
});
process.send({ ready: true });
