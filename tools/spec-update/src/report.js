// @ts-check
/**
 * @typedef {object} UpdateReport
 * @property {string} source
 * @property {string} upstreamVersion the upstream document's OpenAPI version
 * @property {import("./wire-diff.js").WireChange[]} wireChanges to adopt
 * @property {Array<{ change: import("./wire-diff.js").WireChange, difference: string }>} listed explained by upstream-differences.yaml
 * @property {import("./differences.js").Agreement[]} agreements
 * @property {import("./classify.js").ApiChange[]} changes classified by oasdiff
 * @property {import("./levels.js").Bump} bump
 * @property {string[]} placeholders JSON pointers in spec/openapi.yaml
 * @property {Array<{ change: import("./wire-diff.js").WireChange, reason: string }>} manual
 * @property {boolean} proseBaseline whether spec/upstream-prose.json existed to compare prose with
 * @property {import("./upstream-prose.js").ProseChange[]} proseChanges
 * @property {string[]} [publicPackages] the SDK packages the change is released in (from the repository's config)
 */

const LABEL = { major: "MAJOR", minor: "minor", patch: "patch" };

/**
 * The report a maintainer acts on: what the upstream document changed on the wire, what that does to the SDK (each
 * change, its operation, its level), the bump, and what is left to a person.
 *
 * @param {UpdateReport} report
 * @returns {string}
 */
export function formatReport(report) {
  const lines = [`Upstream document: ${report.source} (OpenAPI ${report.upstreamVersion})`, ""];
  if (report.wireChanges.length === 0 && report.manual.length === 0) {
    lines.push("No wire change: the upstream document accepts and returns what spec/openapi.yaml describes.");
  } else {
    lines.push(`Wire changes in the upstream document (${report.wireChanges.length}):`);
    for (const change of report.wireChanges) lines.push(`  - ${change.text}`);
  }
  if (report.listed.length > 0) {
    const ids = [...new Set(report.listed.map((item) => item.difference))];
    lines.push(
      "",
      `Not reported: ${report.listed.length} listed difference(s) still hold (${ids.join(", ")}; see spec/upstream-differences.yaml).`,
    );
  }
  if (report.agreements.length > 0) {
    lines.push("", "Now agrees (listed in spec/upstream-differences.yaml, fixed upstream since; the entry can go):");
    for (const agreement of report.agreements) lines.push(`  - [${agreement.id}] ${agreement.text}`);
  }
  if (!report.proseBaseline) {
    lines.push(
      "",
      "Prose: no spec/upstream-prose.json yet, so the upstream rewording cannot be told apart; applying records it.",
    );
  }
  if (report.wireChanges.length > 0 || report.proseChanges.length > 0) {
    lines.push(
      "",
      `What adopting them does to ${(report.publicPackages ?? ["the SDK"]).join(" and ")} (oasdiff, SDK-centred policy):`,
    );
    if (report.changes.length === 0) lines.push("  (no difference between the bundles)");
    const width = Math.max(0, ...report.changes.map((change) => (change.operation ?? "(document)").length));
    for (const change of report.changes) {
      const operation = (change.operation ?? "(document)").padEnd(width);
      lines.push(
        `  ${LABEL[change.level].padEnd(5)}  ${operation}  ${change.target ? `${change.target}: ` : ""}${change.text}  [${change.rule}]`,
      );
    }
    lines.push("", `Bump: ${report.bump === "none" ? "none (nothing changes for SDK users)" : report.bump}`);
  }
  if (report.placeholders.length > 0) {
    lines.push(
      "",
      `Placeholders to rewrite in spec/openapi.yaml (${report.placeholders.length}, each starts with "TODO(spec:update)"):`,
    );
    for (const pointer of report.placeholders) lines.push(`  - #${pointer}`);
  }
  if (report.manual.length > 0) {
    lines.push("", "Not applied, do by hand:");
    for (const { change, reason } of report.manual) lines.push(`  - ${change.text} (${reason})`);
  }
  return lines.join("\n");
}

/**
 * The changes as stored for the version step and the docs (BRIEF contract 3).
 *
 * @param {import("./classify.js").ApiChange[]} changes
 */
export function contractChanges(changes) {
  return changes.map(({ level, kind, operation, target, text }) => ({ level, kind, operation, target, text }));
}
