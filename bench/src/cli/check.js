#!/usr/bin/env node
// @ts-check
// `pnpm bench:check`: compares results/latest.json with budgets.json and exits 1 when a budget is
// missed or was not measured.
import { readFile } from "node:fs/promises";
import { compareWithBudgets, readBudgets } from "../budgets.js";
import { budgetsJson, corpusResultsJson, resultsJson } from "../paths.js";
import { formatValue } from "../report.js";

async function main() {
  /** @type {import("../report.js").BenchResults} */
  let results;
  try {
    results = JSON.parse(await readFile(resultsJson, "utf8"));
  } catch (error) {
    throw new Error(`cannot read ${resultsJson} (${/** @type {Error} */ (error).message}): run \`pnpm bench\` first`);
  }
  // The corpus runs write their own results (pnpm corpus); their metrics meet the same budgets.
  const metrics = [...results.metrics];
  for (const file of corpusResultsJson) {
    const corpus = await readFile(file, "utf8").then(JSON.parse, () => undefined);
    if (corpus) metrics.push(...corpus.metrics);
  }
  const verdicts = compareWithBudgets(metrics, readBudgets(JSON.parse(await readFile(budgetsJson, "utf8"))));
  console.log(`bench:check: results of ${results.date} (commit ${results.machine.commit}) against budgets.json`);
  for (const v of verdicts) {
    const value = v.value === undefined ? "not measured" : formatValue(v.value, v.unit);
    const mark = v.status === "pass" ? "ok  " : v.status === "fail" ? "FAIL" : "MISS";
    console.log(`  ${mark} ${v.id.padEnd(40)} ${value.padStart(14)}   budget ${v.budget}   ${v.label}`);
  }
  const failed = verdicts.filter((v) => v.status !== "pass");
  if (failed.length > 0) {
    console.error(`bench:check: ${failed.length} of ${verdicts.length} budgets missed or not measured`);
    process.exitCode = 1;
  } else {
    console.log(`bench:check: all ${verdicts.length} budgets met`);
  }
}

main().catch((error) => {
  console.error(`bench:check: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
});
