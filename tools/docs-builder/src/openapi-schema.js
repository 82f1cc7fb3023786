// @ts-check
import { derefOrRef } from "@sdkit/openapi";

/**
 * Follows local `$ref`s (`#/components/...`) in a bundled document (@sdkit/openapi's pointers). A
 * reference that leads nowhere comes back as the reference itself, so the Markdown says what it
 * could not resolve instead of inventing a shape.
 *
 * @param {any} spec
 * @param {any} node
 * @returns {any}
 */
export function deref(spec, node) {
  return derefOrRef(spec, node);
}

/**
 * @typedef {object} SchemaField
 * @property {string} name dotted path, `[]` for array items: `errors[].source.pointer`
 * @property {string} type e.g. `string (email)`, `object`, `array of object`
 * @property {boolean} required
 * @property {boolean} nullable
 * @property {string} description
 */

/**
 * Flattens a schema into one row per property, nested properties under dotted names, so a reader
 * (or a model) sees every field in one table. `allOf` is merged; `oneOf`/`anyOf` variants are
 * listed in turn; recursion stops at a schema already being expanded.
 *
 * @param {any} spec
 * @param {any} schema
 * @returns {SchemaField[]}
 */
export function flattenSchema(spec, schema) {
  /** @type {SchemaField[]} */
  const fields = [];
  const limits = { truncated: false };
  walk(spec, schema, "", fields, new Set(), limits);
  if (limits.truncated) {
    fields.push({
      name: "…",
      type: "",
      required: false,
      nullable: false,
      description: `Nested deeper than ${MAX_DEPTH} levels or past ${MAX_FIELDS} fields: see the reference for the rest.`,
    });
  }
  return fields;
}

/**
 * A table lists fields down to this nesting depth, and at most this many: a large document's schemas
 * (Stripe's: every expandable field is a `$ref` to another resource) nest without cycles but
 * without end in practice, and listing every path ran the docs build out of memory.
 */
export const MAX_DEPTH = 3;
export const MAX_FIELDS = 200;

/**
 * @param {any} spec
 * @param {any} node
 * @param {string} prefix
 * @param {SchemaField[]} fields
 * @param {Set<any>} expanding
 * @param {{ truncated: boolean }} limits
 * @param {number} [depth]
 */
function walk(spec, node, prefix, fields, expanding, limits, depth = 0) {
  // Cycles are detected on the document's own objects: merging allOf makes a new object each time.
  const source = deref(spec, node);
  if (!source || typeof source !== "object" || expanding.has(source)) return;
  if (depth >= MAX_DEPTH || fields.length >= MAX_FIELDS) {
    limits.truncated = true;
    return;
  }
  const schema = mergeAllOf(spec, source);
  expanding.add(source);
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    if (fields.length >= MAX_FIELDS) {
      limits.truncated = true;
      break;
    }
    const property = mergeAllOf(spec, deref(spec, raw));
    const path = prefix + name;
    fields.push({
      name: path,
      type: typeLabel(spec, property),
      required: required.has(name),
      nullable: property?.nullable === true || (Array.isArray(property?.type) && property.type.includes("null")),
      description: describe(property),
    });
    walk(spec, raw, `${path}.`, fields, expanding, limits, depth + 1);
    const items = deref(spec, property?.items);
    if (items) walk(spec, items, `${path}[].`, fields, expanding, limits, depth + 1);
  }
  for (const key of ["oneOf", "anyOf"]) {
    for (const variant of schema[key] ?? []) walk(spec, variant, prefix, fields, expanding, limits, depth);
  }
  const items = deref(spec, schema.items);
  if (prefix === "" && items) walk(spec, items, "[].", fields, expanding, limits, depth + 1);
  expanding.delete(source);
}

/**
 * @param {any} spec
 * @param {any} schema
 */
function mergeAllOf(spec, schema) {
  if (!schema || !Array.isArray(schema.allOf)) return schema;
  const merged = { ...schema, properties: { ...(schema.properties ?? {}) }, required: [...(schema.required ?? [])] };
  delete merged.allOf;
  for (const part of schema.allOf) {
    const resolved = mergeAllOf(spec, deref(spec, part));
    if (!resolved || typeof resolved !== "object") continue;
    Object.assign(merged.properties, resolved.properties ?? {});
    merged.required.push(...(resolved.required ?? []));
    for (const key of ["type", "description", "nullable", "items", "additionalProperties"]) {
      if (merged[key] === undefined && resolved[key] !== undefined) merged[key] = resolved[key];
    }
  }
  return merged;
}

/**
 * @param {any} spec
 * @param {any} schema
 * @returns {string}
 */
export function typeLabel(spec, schema) {
  if (!schema || typeof schema !== "object") return "any";
  if (typeof schema.$ref === "string") return `unresolved ${schema.$ref}`;
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
    (/** @type {unknown} */ type) => typeof type === "string" && type !== "null",
  );
  let label = types.join(" | ");
  if (!label) {
    if (schema.properties) label = "object";
    else if (schema.oneOf || schema.anyOf) label = "one of the variants below";
    else label = "any";
  }
  if (label === "object" && !schema.properties && schema.additionalProperties !== false) label = "object (free-form)";
  if (label === "array") label = `array of ${typeLabel(spec, mergeAllOf(spec, deref(spec, schema.items)))}`;
  if (typeof schema.format === "string") label += ` (${schema.format})`;
  if (Array.isArray(schema.enum))
    label += `, one of ${schema.enum.map((/** @type {unknown} */ value) => JSON.stringify(value)).join(", ")}`;
  return label;
}

/** @param {any} schema */
function describe(schema) {
  const parts = [];
  if (typeof schema?.description === "string") parts.push(schema.description.trim().replace(/\s*\n\s*/g, " "));
  if (schema?.default !== undefined) parts.push(`Default: \`${JSON.stringify(schema.default)}\`.`);
  if (schema?.example !== undefined && typeof schema.example !== "object") {
    parts.push(`Example: \`${JSON.stringify(schema.example)}\`.`);
  }
  if (schema?.deprecated === true) parts.push("Deprecated.");
  return parts.join(" ");
}
