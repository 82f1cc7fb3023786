// @ts-check
// OpenAPI Schema Objects as JSON Schema that Ajv validates: the one conversion both the example
// check (which examples a sample or a contract request may use) and the contract tests' response
// validator apply, so that an example chosen here is one the contract tests accept.

/** OpenAPI 3.0 keywords that are not JSON Schema and carry no constraint. */
const ANNOTATIONS_ONLY = new Set(["example", "xml", "externalDocs", "discriminator", "deprecated"]);
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
 * GitHub's nullable `allOf`s), boolean `exclusiveMinimum`/`exclusiveMaximum` become numbers, `$ref`s
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
    if (key === "properties" && typeof value === "object" && value !== null) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema, ref)]),
      );
    } else if (["items", "additionalProperties", "not", "allOf", "anyOf", "oneOf"].includes(key)) {
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
