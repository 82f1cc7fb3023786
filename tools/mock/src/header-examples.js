// @ts-check
// Prism mocks a response header from its example, or else from its schema, and writes any value
// that is not a string or a number as `null`: every header declared as an array or an object
// (`Cache-Control: { type: array }`) went out as null, which Prism's own check of its answer then
// read as a missing value (and, before the patch in patches/, crashed on). Headers are text: an
// array or object header's value is its simple-style serialization (`no-cache,max-age=0`), which
// Prism reads back into the array or object its schema describes. So in its copy of the document,
// the mock gives each such response header that one example, written as that text: from the
// header's own example, else its first named example, else the one derived from its schema.
import { schemaExample } from "@sdkit/codegen";
import { derefOrRef, isObject } from "@sdkit/openapi";
import { responsesOf } from "./document-operations.js";

/**
 * The header's text for a value, as style `simple` writes it (RFC 6570 `{x}` / `{x*}`):
 * an array as its items joined by commas; an object as `k,v,k2,v2`, or `k=v,k2=v2` with `explode`.
 *
 * @param {unknown} value
 * @param {boolean} explode
 */
export function simpleStyleText(value, explode) {
  const text = (/** @type {unknown} */ item) =>
    isObject(item) || Array.isArray(item) ? JSON.stringify(item) : String(item);
  if (Array.isArray(value)) return value.map(text).join(",");
  if (isObject(value)) {
    return Object.entries(value)
      .map(([key, item]) => (explode ? `${key}=${text(item)}` : `${key},${text(item)}`))
      .join(",");
  }
  return text(value);
}

/**
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} header a Header Object
 * @returns {unknown} the value the header's own examples give, else its schema's
 */
function headerValue(spec, header) {
  if (header.example !== undefined) return header.example;
  if (isObject(header.examples)) {
    for (const named of Object.values(header.examples)) {
      const example = derefOrRef(spec, named);
      if (isObject(example) && example.value !== undefined) return example.value;
    }
  }
  return schemaExample(spec, header.schema);
}

/**
 * Gives every response header whose schema is an array or an object an example written as the
 * header's text (in place); a header shared through components is changed once.
 *
 * @param {Record<string, any>} spec
 * @returns {number} how many headers got one
 */
export function writeStructuredHeaderExamples(spec) {
  const seen = new Set();
  let written = 0;
  for (const response of responsesOf(spec)) {
    if (!isObject(response.headers)) continue;
    for (const raw of Object.values(response.headers)) {
      const header = derefOrRef(spec, raw);
      if (!isObject(header) || seen.has(header)) continue;
      seen.add(header);
      const schema = derefOrRef(spec, header.schema);
      if (!isObject(schema) || (schema.type !== "array" && schema.type !== "object")) continue;
      // Already text: the document wrote it as the header reads.
      if (typeof header.example === "string") continue;
      const value = headerValue(spec, header);
      if (value === undefined || value === null) continue;
      header.example = simpleStyleText(value, header.explode === true);
      delete header.examples;
      written++;
    }
  }
  return written;
}
