// @ts-check
import { SpecUpdateError } from "./errors.js";

/** @param {string} segment */
const unescapeSegment = (segment) => decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
/** @param {string | number} segment */
export const escapeSegment = (segment) => String(segment).replace(/~/g, "~0").replace(/\//g, "~1");

/** @param {Array<string | number>} path */
export const toPointer = (path) => path.map((segment) => `/${escapeSegment(segment)}`).join("");

/**
 * The path (list of keys) of a local `$ref` such as `#/components/schemas/Contact`.
 *
 * @param {string} ref
 * @param {string} source for the error message
 * @returns {string[]}
 */
export function refPath(ref, source) {
  if (!ref.startsWith("#/")) {
    throw new SpecUpdateError(`only local $refs are supported, found "${ref}" (bundle the document first)`, {
      source,
    });
  }
  return ref.slice(2).split("/").map(unescapeSegment);
}

/**
 * Follows `$ref`s (local only) until a node without one; returns the node and the path it lives at.
 *
 * @param {Record<string, any>} document
 * @param {any} node
 * @param {Array<string | number>} path where `node` is
 * @param {string} source
 * @returns {{ node: any, path: Array<string | number> }}
 */
export function deref(document, node, path, source) {
  const seen = new Set();
  while (node && typeof node === "object" && typeof node.$ref === "string") {
    if (seen.has(node.$ref)) throw new SpecUpdateError(`circular $ref "${node.$ref}"`, { source });
    seen.add(node.$ref);
    path = refPath(node.$ref, source);
    node = path.reduce((value, key) => (value == null ? undefined : value[key]), document);
    if (node === undefined) throw new SpecUpdateError(`unresolved $ref "${[...seen].at(-1)}"`, { source });
  }
  return { node, path };
}
