// @ts-check
// The served copy's rewrites that apply to schemas wherever they are (parameters, headers, media
// types, components) walk the document the same way: every `schema`, and every schema inside one,
// once each; example values are data, not schemas, and are never entered.
import { isObject } from "@sdkit/openapi";

/** Keywords whose value is a schema, or a list or a map of schemas. */
const SCHEMA_KEYS = ["additionalProperties", "items", "not", "contains", "if", "then", "else", "propertyNames"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];
const SCHEMA_MAPS = ["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"];

/**
 * Calls `visit` once for every schema object of the document, before descending into it: a visit
 * may rewrite the schema's keywords, and the walk goes on into what it wrote.
 *
 * @param {Record<string, any>} spec
 * @param {(schema: Record<string, any>) => void} visit
 */
export function forEachSchema(spec, visit) {
  const seen = new Set();

  /** @param {unknown} schema */
  const visitSchema = (schema) => {
    if (!isObject(schema) || seen.has(schema)) return;
    seen.add(schema);
    visit(schema);
    for (const key of SCHEMA_KEYS) if (isObject(schema[key])) visitSchema(schema[key]);
    for (const key of SCHEMA_LISTS)
      if (Array.isArray(schema[key])) for (const member of schema[key]) visitSchema(member);
    for (const key of SCHEMA_MAPS)
      if (isObject(schema[key])) for (const member of Object.values(schema[key])) visitSchema(member);
  };

  /** @param {unknown} node the document outside schemas */
  const visitDocument = (node) => {
    if (Array.isArray(node)) {
      for (const item of node) visitDocument(item);
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "example" || key === "examples" || key.startsWith("x-")) continue;
      if (key === "schema") visitSchema(value);
      else if (key === "schemas" && node === spec.components && isObject(value))
        for (const schema of Object.values(value)) visitSchema(schema);
      else visitDocument(value);
    }
  };
  visitDocument(spec);
}
