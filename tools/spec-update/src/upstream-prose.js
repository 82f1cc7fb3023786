// @ts-check
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { derefAt } from "@sdkit/openapi";

/**
 * Prose is not part of the wire model, and our descriptions are our own; but when the upstream document rewords
 * something, the maintainer should hear of it (a patch: review our wording). To tell what changed
 * without keeping the upstream document in the repo, spec/upstream-prose.json keeps only a hash of each
 * piece of the upstream prose and examples, keyed by wire location (operation and field, not the upstream document's
 * component names), as of the last `spec:update`.
 *
 * @typedef {{ operation: string | null, target: string | null, what: string, text: string }} ProseItem
 * @typedef {{ level: "patch", kind: "added" | "changed" | "removed", operation: string | null, target: string | null, text: string, rule: string }} ProseChange
 */

const HASH_LENGTH = 16;

/** @param {string} text */
const hash = (text) => createHash("sha256").update(text).digest("hex").slice(0, HASH_LENGTH);

/**
 * Every piece of prose and every example in `document`, by wire location.
 *
 * @param {Record<string, any>} document
 * @param {import("./wire-model.js").WireModel} model
 * @param {string} source
 * @returns {Map<string, ProseItem>}
 */
export function proseOf(document, model, source) {
  /** @type {Map<string, ProseItem>} */
  const items = new Map();
  /**
   * @param {string | null} operation
   * @param {string | null} target
   * @param {any} node
   */
  const add = (operation, target, node) => {
    if (!node || typeof node !== "object") return;
    for (const what of ["summary", "description", "example", "examples"]) {
      if (node[what] === undefined) continue;
      const text = typeof node[what] === "string" ? node[what] : JSON.stringify(node[what]);
      items.set([operation ?? "", target ?? "", what].join(" | "), { operation, target, what, text });
    }
  };
  const at = (/** @type {Array<string | number>} */ path) =>
    path.reduce((/** @type {any} */ node, key) => node?.[key], document);
  add(null, "info", document.info);
  for (const tag of document.tags ?? []) add(null, `tag ${tag?.name}`, tag);
  for (const [key, operation] of model.operations) {
    add(key, null, at(operation.operationPath));
    for (const [name, field] of operation.parameters) {
      add(key, `parameter ${name}`, at(field.at.parentPath));
      add(key, `parameter ${name} schema`, at(field.at.schemaPath));
    }
    if (operation.requestBody) {
      add(key, "request body", at(operation.requestBody.path));
      for (const [name, field] of operation.requestBody.properties)
        add(key, `request body: ${name}`, at(field.at.schemaPath));
    }
    const responses = at([...operation.operationPath, "responses"]) ?? {};
    for (const [status, raw] of Object.entries(responses)) {
      const code = status.toUpperCase();
      add(key, `response ${code}`, derefAt(document, raw, [], source).node);
      for (const [name, field] of operation.responses.get(code)?.properties ?? [])
        add(key, `response ${code}: ${name}`, at(field.at.schemaPath));
    }
  }
  return items;
}

/**
 * @param {Map<string, ProseItem>} items
 * @returns {Record<string, string>}
 */
export function fingerprintOf(items) {
  return Object.fromEntries(
    [...items].map(([key, item]) => [key, hash(item.text)]).sort(([a = ""], [b = ""]) => a.localeCompare(b)),
  );
}

/**
 * Prose the upstream document changed since the recorded fingerprint, on operations and fields we have (prose of
 * new ones comes with their wire change).
 *
 * @param {Record<string, string>} previous
 * @param {Map<string, ProseItem>} items
 * @param {import("./wire-model.js").WireModel} ours
 * @returns {ProseChange[]}
 */
export function proseChanges(previous, items, ours) {
  /** @type {ProseChange[]} */
  const changes = [];
  const known = (/** @type {string | null} */ operation) => operation === null || ours.operations.has(operation);
  for (const [key, item] of items) {
    if (!known(item.operation)) continue;
    const before = previous[key];
    if (before === hash(item.text)) continue;
    const where = `${item.target ?? "the operation"}${item.operation ? ` of ${item.operation}` : ""}`;
    changes.push({
      level: "patch",
      kind: before === undefined ? "added" : "changed",
      operation: item.operation,
      target: item.target,
      text: `The upstream document ${before === undefined ? "added" : "reworded"} the ${item.what} of ${where}: "${clip(item.text)}" (ours is our own: review it).`,
      rule: "upstream prose",
    });
  }
  for (const key of Object.keys(previous)) {
    if (items.has(key)) continue;
    const [operation = "", target = "", what = ""] = key.split(" | ");
    if (!known(operation || null)) continue;
    changes.push({
      level: "patch",
      kind: "removed",
      operation: operation || null,
      target: target || null,
      text: `The upstream document removed the ${what} of ${target || "the operation"}${operation ? ` of ${operation}` : ""} (ours is our own: review it).`,
      rule: "upstream prose",
    });
  }
  return changes;
}

/** @param {string} text */
function clip(text) {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/**
 * @param {string} path
 * @returns {Promise<Record<string, string> | null>}
 */
export async function readFingerprint(path) {
  try {
    return JSON.parse(await readFile(path, "utf8")).prose ?? null;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * @param {string} path
 * @param {Record<string, string>} prose
 */
export async function writeFingerprint(path, prose) {
  const note =
    "Written by pnpm spec:update: a hash of each piece of prose and example in the upstream document as last adopted, to report rewording. Hashes only, never the text.";
  await writeFile(path, `${JSON.stringify({ note, prose }, null, 2)}\n`);
}

/**
 * @param {Record<string, string> | null} a
 * @param {Record<string, string>} b
 */
export const sameFingerprint = (a, b) => a !== null && JSON.stringify(a) === JSON.stringify(b);
