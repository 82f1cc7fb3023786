// @ts-check
// The scaffolded repo's lint rules start from Redocly's `recommended`. A document nobody wrote for
// this toolchain usually fails some of them; the scaffold reports each and starts anyway, with the
// failing rules turned into warnings in spec/redocly.yaml, listed there to turn back on.
import { EXAMPLE_RULES, PATTERN_OVERLAY } from "./pattern-fixes.js";

/**
 * @typedef {{ rule: string, severity: string, count: number, first: string }} RuleSummary
 * @typedef {{ rules: RuleSummary[], lines: string[] }} LintSummary
 */

/**
 * @param {{ problems: Array<Record<string, any>> }} report Redocly's `--format json` output
 * @returns {LintSummary}
 */
export function summarizeLint(report) {
  /** @type {Map<string, RuleSummary>} */
  const byRule = new Map();
  for (const problem of report.problems ?? []) {
    const rule = String(problem.ruleId);
    const severity = String(problem.severity);
    const key = `${severity} ${rule}`;
    const known = byRule.get(key);
    if (known) known.count++;
    else byRule.set(key, { rule, severity, count: 1, first: String(problem.location?.[0]?.pointer ?? "#") });
  }
  const rules = [...byRule.values()].sort(
    (a, b) => Number(b.severity === "error") - Number(a.severity === "error") || a.rule.localeCompare(b.rule),
  );
  const errors = rules.filter((rule) => rule.severity === "error");
  const warnings = rules.filter((rule) => rule.severity !== "error");
  /** @type {string[]} */
  const lines = [];
  if (rules.length === 0) lines.push("Redocly recommended: the document passes every rule.");
  else {
    lines.push(
      `Redocly recommended: ${errors.reduce((n, rule) => n + rule.count, 0)} error(s) in ${errors.length} rule(s), ${warnings.reduce((n, rule) => n + rule.count, 0)} warning(s) in ${warnings.length} rule(s):`,
    );
    for (const rule of rules) {
      lines.push(`  ${rule.severity.padEnd(5)} ${rule.rule} ×${rule.count} (first at ${rule.first})`);
    }
    if (errors.length > 0) {
      lines.push(
        "  The rules failed at error level are warnings in spec/redocly.yaml for now: fix the document (in an overlay) and delete those lines.",
      );
    }
  }
  return { rules, lines };
}

/**
 * spec/redocly.yaml: `recommended`, the rules the generators depend on, and the rules the document
 * failed at error level as warnings.
 *
 * @param {LintSummary} summary
 * @param {{ patterns?: Array<{ pointer: string }> }} [options] patterns: the document's patterns that
 *   backtrack exponentially (pattern-fixes.js); Redocly's example rules would hang on them, so they
 *   are off, and `summary` comes from a lint run without them
 */
export function lintConfig(summary, options = {}) {
  const patterns = options.patterns ?? [];
  const failed = summary.rules.filter((rule) => rule.severity === "error");
  const lines = [
    "# Lint rules for the spec: Redocly's recommended set. Errors fail the build; warnings are printed.",
    "extends:",
    "  - recommended",
    "",
    "apis:",
    "  main:",
    "    root: ./openapi.yaml",
    "",
  ];
  if (failed.length > 0 || patterns.length > 0) lines.push("rules:");
  if (patterns.length > 0) {
    lines.push(
      `  # ${patterns.length} pattern(s) in spec/openapi.yaml backtrack exponentially (the first at`,
      `  # ${patterns[0]?.pointer}; ${PATTERN_OVERLAY} lists them): these rules`,
      "  # check examples against them with no time limit and would never finish. Turn them back on",
      "  # once spec/openapi.yaml has no such pattern.",
      ...EXAMPLE_RULES.map((rule) => `  ${rule}: off`),
      ...(failed.length > 0 ? [] : [""]),
    );
  }
  if (failed.length > 0) {
    lines.push(
      "  # The document failed these when it was scaffolded. They are warnings so the first build runs;",
      "  # fix the document (spec/overlays/) and delete each line to make the rule an error again.",
      ...failed.map((rule) => `  ${rule.rule}: warn # ${rule.count} problem(s), first at ${rule.first}`),
      "",
    );
  }
  lines.push("telemetry: off", "");
  return lines.join("\n");
}
