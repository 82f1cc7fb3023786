// @ts-check
// A schema `pattern` that backtracks exponentially hangs every JavaScript validator that meets
// text it does not match: Redocly's example rules on the document's own examples, Prism checking
// its answers, Ajv in the contract tests. None of them has a time limit, so the build or the tests
// would stop without a word. The scaffold leaves the document as written and instead:
// - writes an overlay that removes each such pattern from what the repo builds (the bundle the
//   mock, the generators and the contract tests read), with a comment on how to put back a safe one;
// - turns off Redocly's three example rules in spec/redocly.yaml, since lint also reads the
//   document as written, where the patterns still are.
import { backtrackingPatterns } from "@sdkit/openapi";
import YAML from "yaml";

/** Where the scaffold writes the overlay, after the operation names' (00-…). */
export const PATTERN_OVERLAY = "spec/overlays/01-backtracking-patterns.yaml";

/** The Redocly rules that check examples against their schemas (through Ajv, patterns included). */
export const EXAMPLE_RULES = Object.freeze([
  "no-invalid-media-type-examples",
  "no-invalid-parameter-examples",
  "no-invalid-schema-examples",
]);

/**
 * @typedef {object} PatternFix
 * @property {string} pointer where the pattern is (JSON pointer as a URI fragment)
 * @property {string[]} keys the keys that lead to it
 * @property {string} pattern the pattern as written
 * @property {string} target the overlay target (JSONPath) that selects it
 */

/**
 * The JSONPath that selects exactly the node `keys` lead to: bracket notation throughout, an array
 * position as an index (RFC 9535 does not select array items by name).
 *
 * @param {unknown} document
 * @param {string[]} keys
 */
export function jsonPathOf(document, keys) {
  let node = document;
  let path = "$";
  for (const key of keys) {
    if (Array.isArray(node)) path += `[${key}]`;
    else path += `['${key.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}']`;
    node = /** @type {Record<string, unknown>} */ (node)?.[key];
  }
  return path;
}

/**
 * The patterns to remove, each with its overlay target.
 *
 * @param {Record<string, any>} spec
 * @returns {PatternFix[]}
 */
export function planPatternFixes(spec) {
  return backtrackingPatterns(spec).map(
    (/** @type {{ pointer: string, keys: string[], pattern: string }} */ found) => ({
      ...found,
      target: jsonPathOf(spec, found.keys),
    }),
  );
}

/**
 * The overlay that removes them (Overlay 1.0, YAML with comments), or undefined when there are none.
 *
 * @param {PatternFix[]} fixes
 * @param {string} title the API's title, for the overlay's info
 */
export function patternOverlay(fixes, title) {
  if (fixes.length === 0) return undefined;
  const document = new YAML.Document({
    overlay: "1.0.0",
    info: { title: `Patterns no validator can check, removed from the ${title} SDK's build`, version: "1.0.0" },
  });
  // Each action says which pattern it removes, as a comment: the target alone is hard to read.
  const actions = new YAML.YAMLSeq();
  for (const fix of fixes) {
    const action = document.createNode({ target: fix.target, remove: true });
    action.commentBefore = ` ${fix.pointer}: ${fix.pattern}`;
    actions.items.push(action);
  }
  document.set("actions", actions);
  document.commentBefore = [
    " Written by sdkit-scaffold: each pattern below has a group repeated without bound around",
    " something that repeats itself ((a+)+, ([\\w.-]*)*), so checking text that does not match takes",
    " exponential time, and Redocly, Prism and Ajv have no time limit: the build or the tests would hang.",
    " They are removed from what the repo builds. To keep a check, replace an action with an update of",
    " the schema's pattern to one where each repetition is pinned (([\\w.-]*)* -> [\\w.-]*), then turn",
    " the example rules back on in spec/redocly.yaml once spec/openapi.yaml has no such pattern either.",
  ].join("\n");
  return document.toString({ lineWidth: 0 });
}

/**
 * The same removal made on a document in memory (what the overlay produces), for tools that
 * generate without applying overlays.
 *
 * @param {Record<string, any>} spec
 * @param {PatternFix[]} fixes
 */
export function removePatterns(spec, fixes) {
  for (const { keys } of fixes) {
    /** @type {any} */
    let node = spec;
    for (const key of keys.slice(0, -1)) node = node?.[key];
    if (node && typeof node === "object") delete node.pattern;
  }
}
