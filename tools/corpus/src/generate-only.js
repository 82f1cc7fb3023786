// @ts-check
// `pnpm corpus --generate-only`: each document through lint, bundle and every generator in a
// long-lived worker process (generate-lane.js, generate-worker.js, generate-steps.js), no install
// and no tests: the crash and memory test at scale.
import { createGenerateLane } from "./generate-lane.js";

/**
 * One document in a lane of its own (the slice test; the sweep keeps one lane per parallel slot).
 *
 * @param {import("./documents.js").CorpusDocument} doc
 * @param {{ work: string, timeoutMs: number, heapMb: number, toolchain: string }} options
 * @returns {Promise<import("./full-run.js").DocumentResult>}
 */
export async function generateDocument(doc, { work, timeoutMs, heapMb, toolchain }) {
  const lane = createGenerateLane({ heapMb, toolchain });
  try {
    return await lane.run(doc, { work, timeoutMs });
  } finally {
    lane.close();
  }
}
