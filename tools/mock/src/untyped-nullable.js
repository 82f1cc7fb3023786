// @ts-check
// Prism turns OpenAPI 3.0's `nullable: true` into a `null` type only beside a `type`; where a schema
// has none (`{ nullable: true, oneOf: [string, number] }`, as GitHub writes "a value, or null to
// clear it"), the keyword reaches Ajv as it is, Ajv refuses to compile the schema ("nullable" cannot
// be used without "type"), and Prism then checks nothing at all: a request body with none of its
// required fields is answered 2xx, and the answer goes unchecked too. In the copy of the document
// Prism serves, such a schema says the same in a form Prism compiles: `anyOf` of the schema without
// `nullable` and a schema only `null` satisfies. In a 3.1 document `nullable` means nothing and is
// dropped.
// The same silence follows a typed nullable `enum` that lists `null` itself (`{ type: string,
// nullable: true, enum: [null, "false_positive", …] }`, GitHub's secret scanning resolution): Prism
// adds `null` to the enum once more, and Ajv refuses an enum whose items repeat. In the copy, such an
// enum leaves `null` to Prism.
import { isObject } from "@sdkit/openapi";

/** Keywords whose value is a schema, or a list or a map of schemas. */
const SCHEMA_KEYS = ["additionalProperties", "items", "not", "contains", "if", "then", "else", "propertyNames"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];
const SCHEMA_MAPS = ["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"];
/** Annotations kept beside the `anyOf`, where tools that show or sample the schema look first. */
const ANNOTATIONS = ["title", "description", "example", "default", "readOnly", "writeOnly", "deprecated"];

/**
 * Only `null`: OpenAPI 3.0 has no `null` type, so a nullable string none of whose values is allowed
 * (Prism adds `null` to the empty `enum`). Not `not: { type: "string" }`: Prism's generator ignores
 * `not` and answered numbers and booleans from it, with `dynamic=true`, which its validator refused.
 */
const onlyNull = () => ({ type: "string", nullable: true, enum: [] });

/**
 * Rewrites every schema with `nullable: true` and no `type`, and every nullable `enum` listing
 * `null` (in place).
 *
 * @param {Record<string, any>} spec
 * @returns {number} how many schemas were rewritten
 */
export function typeUntypedNullables(spec) {
  const is31 = typeof spec.openapi === "string" && spec.openapi.startsWith("3.1");
  const seen = new Set();
  let changed = 0;

  /** @param {unknown} schema */
  const visitSchema = (schema) => {
    if (!isObject(schema) || seen.has(schema)) return;
    seen.add(schema);
    if (schema.nullable === true && typeof schema.type !== "string") {
      const { nullable, ...rest } = schema;
      for (const key of Object.keys(schema)) delete schema[key];
      if (!is31) {
        for (const key of ANNOTATIONS) if (key in rest) schema[key] = rest[key];
        schema.anyOf = [rest, onlyNull()];
        seen.add(schema.anyOf[1]);
      } else Object.assign(schema, rest);
      changed++;
    } else if (schema.nullable === true && Array.isArray(schema.enum) && schema.enum.includes(null) && !is31) {
      schema.enum = schema.enum.filter((value) => value !== null);
      changed++;
    }
    for (const key of SCHEMA_KEYS) if (isObject(schema[key])) visitSchema(schema[key]);
    for (const key of SCHEMA_LISTS)
      if (Array.isArray(schema[key])) for (const member of schema[key]) visitSchema(member);
    for (const key of SCHEMA_MAPS)
      if (isObject(schema[key])) for (const member of Object.values(schema[key])) visitSchema(member);
  };

  /**
   * The document outside schemas: every `schema` (parameters, headers, media types) and the
   * components' schemas; example values are data, not schemas, and are not entered.
   *
   * @param {unknown} node
   */
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
  return changed;
}
