// @ts-check
// bench/results/corpus.{md,json} (a full run) and corpus-generate.{md,json} (a generate-only
// sweep): one row per document and the totals the budgets are checked against.

/** @typedef {import("./full-run.js").DocumentResult} DocumentResult */

/**
 * The figures bench:check compares with bench/budgets.json, as metrics (`median` is the value).
 *
 * @param {DocumentResult[]} results
 * @param {"full" | "generate"} mode
 */
export function corpusMetrics(results, mode) {
  const n = results.length || 1;
  const percent = (/** @type {number} */ count) => Math.round((1000 * count) / n) / 10;
  const peak = Math.max(0, ...results.map((r) => r.peakMb ?? 0));
  const crashes = results.filter((r) => r.crash).length;
  const metric = (
    /** @type {string} */ id,
    /** @type {string} */ label,
    /** @type {string} */ unit,
    /** @type {number} */ value,
  ) => ({
    id,
    label,
    unit,
    median: value,
    samples: [value],
  });
  if (mode === "generate") {
    return [
      metric(
        "corpus.generate.percent",
        "documents that lint, bundle and generate",
        "%",
        percent(results.filter((r) => r.ok).length),
      ),
      metric("corpus.generate.crashes", "crashes, stack traces or out-of-memory in the sweep", "count", crashes),
      metric("corpus.generate.peakMb", "largest process of the sweep", "MB", peak),
    ];
  }
  const built = results.filter((r) => ["build", "test"].includes(r.reached)).length;
  return [
    metric("corpus.build.percent", "documents that scaffold and build", "%", percent(built)),
    metric(
      "corpus.green.percent",
      "documents whose tests pass out of the box",
      "%",
      percent(results.filter((r) => r.ok).length),
    ),
    metric("corpus.crashes", "crashes, stack traces or out-of-memory", "count", crashes),
    metric("corpus.peakMb", "largest process of any stage", "MB", peak),
  ];
}

/**
 * @param {DocumentResult[]} results
 * @param {{ mode: "full" | "generate", command: string, date: string, commit: string, note: string }} run
 */
export function renderMarkdown(results, run) {
  const metrics = corpusMetrics(results, run.mode);
  const tests = results.reduce(
    (sum, r) => ({
      passed: sum.passed + (r.tests?.passed ?? 0),
      failed: sum.failed + (r.tests?.failed ?? 0),
      waived: sum.waived + (r.tests?.waived ?? 0),
    }),
    { passed: 0, failed: 0, waived: 0 },
  );
  const lines = [
    `# Corpus: ${run.mode === "full" ? "scaffold → build → .ci/run" : "generate-only sweep"}`,
    "",
    `\`${run.command}\` on ${run.date}, commit ${run.commit}. ${run.note}`,
    "",
    `**${results.filter((r) => r.ok).length} of ${results.length} documents ${run.mode === "full" ? "green (every stage passed)" : "generate"}.**` +
      (run.mode === "full" ? ` Tests: ${tests.passed} passed, ${tests.failed} failed, ${tests.waived} waived.` : ""),
    "",
    "| metric | value |",
    "| --- | --- |",
    ...metrics.map((m) => `| ${m.label} (\`${m.id}\`) | ${m.median} ${m.unit} |`),
    "",
    "| document | size | stage reached | tests passed / failed / waived | time | peak memory |",
    "| --- | ---: | --- | --- | ---: | ---: |",
    ...results.map(
      (r) =>
        `| ${r.ok ? "✅" : r.crash ? "💥" : "❌"} \`${r.name}\` | ${Math.round(r.bytes / 1024)} KB | ${r.reached} | ${r.tests ? `${r.tests.passed} / ${r.tests.failed} / ${r.tests.waived}` : "–"} | ${r.seconds} s | ${r.peakMb ?? "?"} MB |`,
    ),
    "",
    "## Failures (one line each: document, stage, pointer where known, reason)",
    "",
    ...results
      .filter((r) => r.failure)
      .map((r) => `- ${r.crash ? "**crash** " : ""}${r.failure?.replaceAll("|", "\\|")}`),
    "",
  ];
  return lines.join("\n");
}
