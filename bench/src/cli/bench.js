#!/usr/bin/env node
// @ts-check
// `pnpm bench`: runs the suites, writes results/latest.json and results/latest.md. Not a test: it
// never fails on a slow figure; `pnpm bench:check` compares the results with budgets.json.
// BENCH_ONLY=client,prism runs some suites only; BENCH_RUNS=5 changes the number of runs (default 3).
import { readFile, writeFile } from "node:fs/promises";
import { compareWithBudgets, readBudgets } from "../budgets.js";
import { machineFacts } from "../machine.js";
import { budgetsJson, repoRoot, resultsJson, resultsMarkdown } from "../paths.js";
import { markdownReport } from "../report.js";
import { suites } from "../suites/index.js";

async function main() {
  const only = (process.env.BENCH_ONLY ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only.filter((name) => !(name in suites));
  if (unknown.length > 0)
    throw new Error(
      `BENCH_ONLY names unknown suites: ${unknown.join(", ")} (known: ${Object.keys(suites).join(", ")})`,
    );
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`BENCH_RUNS must be a positive integer, got ${process.env.BENCH_RUNS}`);
  const selected = Object.keys(suites).filter((name) => only.length === 0 || only.includes(name));

  const date = new Date().toISOString();
  const started = performance.now();
  const machine = machineFacts(repoRoot);
  const log = (/** @type {string} */ line) => console.log(`[bench] ${line}`);
  log(
    `${selected.join(", ")}; ${runs} runs each; ${machine.cores} cores, load ${machine.loadAverageAtStart.join(" / ")}`,
  );
  const budgets = readBudgets(JSON.parse(await readFile(budgetsJson, "utf8")));
  /** @type {Array<import("../metric.js").Metric>} */
  const metrics = [];
  /** @type {string[]} */
  const failed = [];
  // Results are written after every suite, so a failure or an interrupted run keeps what was measured.
  const save = async (/** @type {string[]} */ done) => {
    const results = { date, durationMs: Math.round(performance.now() - started), machine, suites: done, metrics };
    const verdicts = compareWithBudgets(metrics, budgets).filter((verdict) => verdict.status !== "missing");
    await writeFile(resultsJson, `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(resultsMarkdown, markdownReport(results, verdicts));
  };
  /** @type {string[]} */
  const done = [];
  for (const name of selected) {
    const suiteStarted = performance.now();
    const run = /** @type {(typeof suites)[string]} */ (suites[name]);
    try {
      metrics.push(...(await run({ repoRoot, runs, log })));
      done.push(name);
      log(`${name} done in ${((performance.now() - suiteStarted) / 1000).toFixed(0)} s`);
    } catch (error) {
      failed.push(name);
      console.error(`bench: the ${name} suite failed: ${error instanceof Error ? error.message : error}`);
    }
    await save(done);
  }
  if (failed.length > 0) throw new Error(`suites failed: ${failed.join(", ")} (the others are in ${resultsJson})`);
  log(`wrote ${resultsMarkdown} and latest.json; compare with the budgets: pnpm bench:check`);
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
