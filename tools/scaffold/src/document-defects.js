// @ts-check
// The document's own defects, found when it is scaffolded, recorded in one generated file of the
// new repo (spec/DOCUMENT-DEFECTS.md) with the pointer and the reason of each, so they are not
// lost in the scaffold's output: references that led nowhere (dropped), examples that break
// their own schema (the contract suite and the mock use a conforming one instead).
import { conformsTo } from "@sdkit/codegen";
import { deref, HTTP_METHODS } from "@sdkit/openapi";

/** @typedef {{ pointer: string, reason: string }} Defect */

/** @param {unknown} value @returns {value is Record<string, any>} */
const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** @param {string} segment */
const escapeSegment = (segment) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

/**
 * Examples (`example`, and each of `examples`) of request and response bodies that do not
 * conform to their media type's schema.
 *
 * @param {Record<string, any>} spec
 * @returns {Defect[]}
 */
export function examplesBreakingSchemas(spec) {
  /** @type {Defect[]} */
  const defects = [];
  /** @param {unknown} mediaMap @param {string} at */
  const check = (mediaMap, at) => {
    if (!isObject(mediaMap)) return;
    for (const [type, media] of Object.entries(mediaMap)) {
      if (!isObject(media) || !isObject(media.schema) || !/json/i.test(type)) continue;
      const where = `${at}/content/${escapeSegment(type)}`;
      if (media.example !== undefined && !conformsTo(spec, media.schema, media.example)) {
        defects.push({ pointer: `${where}/example`, reason: "the example breaks its schema" });
      }
      for (const [name, entry] of Object.entries(isObject(media.examples) ? media.examples : {})) {
        let example;
        try {
          example = deref(spec, entry);
        } catch {
          continue;
        }
        if (isObject(example) && example.value !== undefined && !conformsTo(spec, media.schema, example.value)) {
          defects.push({
            pointer: `${where}/examples/${escapeSegment(name)}`,
            reason: "the example breaks its schema",
          });
        }
      }
    }
  };
  for (const [path, rawItem] of Object.entries(isObject(spec.paths) ? spec.paths : {})) {
    if (!isObject(rawItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = rawItem[method];
      if (!isObject(operation)) continue;
      const at = `/paths/${escapeSegment(path)}/${method}`;
      if (isObject(operation.requestBody) && !operation.requestBody.$ref)
        check(operation.requestBody.content, `${at}/requestBody`);
      for (const [status, response] of Object.entries(isObject(operation.responses) ? operation.responses : {})) {
        if (isObject(response) && !response.$ref) check(response.content, `${at}/responses/${escapeSegment(status)}`);
      }
    }
  }
  return defects;
}

/**
 * spec/DOCUMENT-DEFECTS.md, or undefined when the document has none of these defects.
 *
 * @param {{ dropped: Array<{ pointer: string, ref: string, reason: string }>, examples: Defect[] }} found
 */
export function defectsFile({ dropped, examples }) {
  if (dropped.length === 0 && examples.length === 0) return undefined;
  const lines = [
    "# The document's own defects",
    "",
    "Written by `pnpm scaffold` from the document as it was given (regenerate by scaffolding again).",
    "Each is a place where the document contradicts itself. Fix them in an overlay",
    "(`spec/overlays/*.yaml`, Overlay 1.0: an action whose `target` is the JSON path of the place and",
    "whose `update` or `remove` corrects it), or in your own copy of the document.",
    "",
  ];
  if (dropped.length > 0) {
    lines.push(
      "## References that led nowhere (dropped so the build runs)",
      "",
      "| pointer | reference | reason |",
      "| --- | --- | --- |",
      ...dropped.map((entry) => `| \`#${entry.pointer}\` | \`${entry.ref}\` | ${entry.reason} |`),
      "",
    );
  }
  if (examples.length > 0) {
    lines.push(
      "## Examples that break their own schema",
      "",
      "The mock and the contract suite use an example that conforms instead (or one generated from the",
      "schema); the docs still show these. Correct the example or the schema.",
      "",
      "| pointer | reason |",
      "| --- | --- |",
      ...examples.map((entry) => `| \`#${entry.pointer}\` | ${entry.reason} |`),
      "",
    );
  }
  return lines.join("\n");
}
