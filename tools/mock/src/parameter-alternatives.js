// @ts-check
// A parameter arrives as text, and Prism coerces that text to each `oneOf` member's type before it
// checks the member: `0` in a path read as `oneOf: [integer, string]` (GitHub's `workflow_id`, "the
// ID of the workflow, or its file name") is then both an integer and a string, and Prism refuses the
// request with 422 ("must match exactly one schema in oneOf") although the client sent a value the
// document allows. Exclusivity cannot be judged on text that every member reads, so in the copy of
// the document Prism serves, a parameter's `oneOf` (its schema's, or its array items') is an
// `anyOf`: a value no member accepts is still refused. Bodies are JSON, typed, and left alone.
import { derefOrRef, isObject } from "@sdkit/openapi";
import { operationsOf, pathItemsOf } from "./document-operations.js";

/**
 * `schema` with its `oneOf` spelled as `anyOf`, as a new object (the schema may be a component a
 * body shares), or undefined when it has none.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} raw a Schema Object or a `$ref` to one
 * @returns {Record<string, any> | undefined}
 */
function withoutOneOf(spec, raw) {
  const schema = derefOrRef(spec, raw);
  if (!isObject(schema)) return undefined;
  if (Array.isArray(schema.oneOf) && schema.anyOf === undefined) {
    const { oneOf, ...rest } = schema;
    return { ...rest, anyOf: oneOf };
  }
  const items = schema.type === "array" || schema.items !== undefined ? withoutOneOf(spec, schema.items) : undefined;
  return items ? { ...schema, items } : undefined;
}

/**
 * Rewrites the `oneOf` of every parameter's schema as `anyOf` (in place); a parameter shared
 * through components is changed once.
 *
 * @param {Record<string, any>} spec
 * @returns {number} how many parameters were changed
 */
export function looseParameterAlternatives(spec) {
  const seen = new Set();
  let changed = 0;
  /** @param {unknown} list */
  const visit = (list) => {
    if (!Array.isArray(list)) return;
    for (const raw of list) {
      const parameter = derefOrRef(spec, raw);
      if (!isObject(parameter) || seen.has(parameter) || parameter.in === undefined) continue;
      seen.add(parameter);
      const schema = withoutOneOf(spec, parameter.schema);
      if (!schema) continue;
      parameter.schema = schema;
      changed++;
    }
  };
  for (const [, pathItem] of pathItemsOf(spec)) visit(pathItem.parameters);
  for (const operation of operationsOf(spec)) visit(operation.parameters);
  return changed;
}
