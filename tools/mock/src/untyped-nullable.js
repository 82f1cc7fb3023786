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
import { forEachSchema } from "./schema-walk.js";

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
  let changed = 0;
  forEachSchema(spec, (schema) => {
    if (schema.nullable === true && typeof schema.type !== "string") {
      const { nullable, ...rest } = schema;
      for (const key of Object.keys(schema)) delete schema[key];
      if (!is31) {
        for (const key of ANNOTATIONS) if (key in rest) schema[key] = rest[key];
        schema.anyOf = [rest, onlyNull()];
      } else Object.assign(schema, rest);
      changed++;
    } else if (schema.nullable === true && Array.isArray(schema.enum) && schema.enum.includes(null) && !is31) {
      schema.enum = schema.enum.filter((value) => value !== null);
      changed++;
    }
  });
  return changed;
}
