// @ts-check

/**
 * @typedef {object} BenchResults
 * @property {string} date ISO time the run started
 * @property {number} durationMs
 * @property {ReturnType<typeof import("./machine.js").machineFacts>} machine
 * @property {string[]} suites which suites ran
 * @property {Array<import("./metric.js").Metric>} metrics
 */

/** @param {number} value @param {string} unit */
export function formatValue(value, unit) {
  if (unit === "x") return `${value.toFixed(2)}×`;
  if (unit === "ms") return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
  if (unit === "share") return `${Math.round(value * 100)}%`;
  if (unit === "tasks") return `${Number.isInteger(value) ? value : value.toFixed(1)}`;
  if (unit === "req/s") return `${Math.round(value)} req/s`;
  if (unit === "µs") return `${value.toFixed(1)} µs`;
  if (unit === "kB") return `${value.toFixed(2)} kB`;
  if (unit === "MB") return `${Math.round(value)} MB`;
  return `${value} ${unit}`;
}

/**
 * results/latest.md: the machine, then one table per suite, each metric with its budget (if any).
 *
 * @param {BenchResults} results
 * @param {Array<import("./budgets.js").BudgetVerdict>} verdicts
 */
export function markdownReport(results, verdicts) {
  const byId = new Map(verdicts.map((v) => [v.id, v]));
  const m = results.machine;
  const lines = [
    "# Benchmark results",
    "",
    `Written by \`pnpm bench\` on ${results.date} (${(results.durationMs / 60_000).toFixed(1)} min). Check against`,
    "`bench/budgets.json` with `pnpm bench:check`. Figures are medians of the runs, with their min and max;",
    "ratios are paired per run against a baseline measured in the same script.",
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB (${m.freeMemoryGbAtStart} GB free), ${m.os}; load average at start`,
    `${m.loadAverageAtStart.join(" / ")}; Node ${m.node}, pnpm ${m.pnpm}, turbo ${m.turbo}; commit ${m.commit}${m.dirty ? " plus uncommitted changes (the pipeline suite builds the commit)" : ""}.`,
  ];
  for (const suite of results.suites) {
    const metrics = results.metrics.filter((metric) => metric.id.startsWith(`${suite}.`));
    if (metrics.length === 0) continue;
    lines.push(
      "",
      `## ${suite}`,
      "",
      "| metric | median | min – max | runs | budget |",
      "| --- | --- | --- | --- | --- |",
    );
    for (const metric of metrics) {
      const verdict = byId.get(metric.id);
      const budget = verdict ? `${verdict.budget} ${verdict.status === "pass" ? "✅" : "❌ missed"}` : "";
      const range =
        metric.runs > 1 ? `${formatValue(metric.min, metric.unit)} – ${formatValue(metric.max, metric.unit)}` : "";
      lines.push(
        `| ${metric.label} | ${formatValue(metric.median, metric.unit)} | ${range} | ${metric.runs} | ${budget} |`,
      );
    }
    const notes = metrics.filter((metric) => metric.note);
    if (notes.length > 0) {
      lines.push("");
      for (const metric of notes) lines.push(`- ${metric.label}: ${metric.note}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
