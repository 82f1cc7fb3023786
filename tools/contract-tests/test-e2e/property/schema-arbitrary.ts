import { deref, type OpenApiDocument } from "@sdkit/contract";
import fc, { type Arbitrary } from "fast-check";

/**
 * fast-check arbitraries derived from OpenAPI 3.0 Schema Objects of the bundled spec: values the
 * schema accepts (`valuesOf`) and values of a JSON type it refuses (`wrongTypeFor`). A keyword this
 * module does not understand fails loudly with its pointer, so a spec change cannot make the
 * property tests generate data they believe valid but is not.
 */

type Schema = Record<string, unknown>;
type JsonType = "string" | "number" | "integer" | "boolean" | "null" | "array" | "object";

/** Keywords that carry no constraint on the value. */
const ANNOTATIONS = new Set(["title", "description", "example", "examples", "deprecated", "externalDocs", "xml"]);
/** Keywords this module turns into generators, by type. */
const UNDERSTOOD = new Set([
  "type",
  "nullable",
  "format",
  "enum",
  "minLength",
  "maxLength",
  "pattern",
  "minimum",
  "maximum",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minItems",
  "maxItems",
  "readOnly",
  "writeOnly",
]);

/** Dates whose ISO form is RFC 3339 (four-digit years). */
const DATE_RANGE = { min: new Date("0001-01-01T00:00:00.000Z"), max: new Date("9999-12-31T23:59:59.999Z") };

const FORMATS: Record<string, () => Arbitrary<string>> = {
  email: () => fc.emailAddress(),
  "date-time": () => fc.date({ ...DATE_RANGE, noInvalidDate: true }).map((date) => date.toISOString()),
  date: () => fc.date({ ...DATE_RANGE, noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  uuid: () => fc.uuid(),
  uri: () => fc.webUrl(),
};

export class UnsupportedSchemaError extends Error {
  override name = "UnsupportedSchemaError";
}

/** Any JSON value, small: for free-form objects and for wrong-type values. */
const jsonValue = () => fc.jsonValue({ maxDepth: 2 });

/** The JSON types a schema accepts (`integer` stands for integral numbers, also accepted by `number`). */
export function acceptedTypes(spec: OpenApiDocument, node: unknown): Set<JsonType> {
  const schema = deref<Schema>(spec, node);
  const types = new Set<JsonType>();
  if (typeof schema.type === "string") types.add(schema.type as JsonType);
  if (schema.nullable === true) types.add("null");
  return types;
}

/**
 * Values the schema accepts. `pointer` names the schema in error messages.
 */
export function valuesOf(spec: OpenApiDocument, node: unknown, pointer: string): Arbitrary<unknown> {
  const schema = deref<Schema>(spec, node);
  for (const key of Object.keys(schema)) {
    if (!UNDERSTOOD.has(key) && !ANNOTATIONS.has(key) && !key.startsWith("x-")) {
      throw new UnsupportedSchemaError(`${pointer}: schema keyword \`${key}\` is not supported by the property tests`);
    }
  }
  if (schema.readOnly === true) throw new UnsupportedSchemaError(`${pointer}: readOnly in a request schema`);
  const base = nonNullValues(spec, schema, pointer);
  return schema.nullable === true ? fc.option(base, { nil: null, freq: 5 }) : base;
}

function nonNullValues(spec: OpenApiDocument, schema: Schema, pointer: string): Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum.filter((value) => value !== null));
  switch (schema.type) {
    case "string":
      return strings(schema, pointer);
    case "integer":
      return fc.integer({ min: numberOr(schema.minimum, -1e9), max: numberOr(schema.maximum, 1e9) });
    case "number":
      return fc.double({
        min: numberOr(schema.minimum, -1e12),
        max: numberOr(schema.maximum, 1e12),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(valuesOf(spec, schema.items ?? {}, `${pointer}/items`), {
        minLength: numberOr(schema.minItems, 0),
        maxLength: numberOr(schema.maxItems, 4),
      });
    case "object":
      return objects(spec, schema, pointer);
    default:
      throw new UnsupportedSchemaError(`${pointer}: schema type ${JSON.stringify(schema.type)} is not supported`);
  }
}

function strings(schema: Schema, pointer: string): Arbitrary<string> {
  if (typeof schema.format === "string") {
    const format = FORMATS[schema.format];
    if (!format) throw new UnsupportedSchemaError(`${pointer}: string format \`${schema.format}\` is not supported`);
    if (schema.pattern !== undefined || schema.minLength !== undefined || schema.maxLength !== undefined) {
      throw new UnsupportedSchemaError(`${pointer}: format \`${schema.format}\` combined with length or pattern`);
    }
    return format();
  }
  if (typeof schema.pattern === "string") return fc.stringMatching(new RegExp(schema.pattern, "u"));
  // Any Unicode code point, one per unit: JSON Schema counts lengths in code points (a grapheme
  // can be several), and a lone surrogate cannot be sent as UTF-8.
  return fc.string({
    unit: "binary",
    minLength: numberOr(schema.minLength, 0),
    maxLength: numberOr(schema.maxLength, 24),
  });
}

function objects(spec: OpenApiDocument, schema: Schema, pointer: string): Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  for (const name of required) {
    if (!(name in properties)) throw new UnsupportedSchemaError(`${pointer}: required \`${name}\` has no schema`);
  }
  const known = fc.record(
    Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [
        name,
        valuesOf(spec, property, `${pointer}/properties/${name}`),
      ]),
    ),
    { requiredKeys: required },
  );
  const additional = schema.additionalProperties;
  if (additional === undefined || additional === false || Object.keys(properties).length > 0) {
    // Declared properties only (extra keys on a typed object prove nothing about the schema).
    return known;
  }
  const values = additional === true ? jsonValue() : valuesOf(spec, additional, `${pointer}/additionalProperties`);
  return fc.dictionary(fc.string({ unit: "binary", maxLength: 12 }), values, { maxKeys: 4 });
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}

/** Wrong-type generators, one per JSON type. */
const BY_TYPE: Record<Exclude<JsonType, "integer">, () => Arbitrary<unknown>> = {
  string: () => fc.string({ maxLength: 12 }),
  number: () => fc.double({ noNaN: true, noDefaultInfinity: true }),
  boolean: () => fc.boolean(),
  null: () => fc.constant(null),
  array: () => fc.array(jsonValue(), { maxLength: 3 }),
  object: () => fc.dictionary(fc.string({ maxLength: 8 }), jsonValue(), { maxKeys: 3 }),
};

/**
 * Values whose JSON type the schema does not accept (a number for a string, a string for an
 * object, `null` where the schema is not nullable, ...), paired with the type's name.
 */
export function wrongTypeFor(spec: OpenApiDocument, node: unknown): Arbitrary<{ type: string; value: unknown }> {
  const accepted = acceptedTypes(spec, node);
  if (accepted.size === 0) throw new UnsupportedSchemaError("a schema without a type accepts every JSON type");
  const wrong = (Object.keys(BY_TYPE) as (keyof typeof BY_TYPE)[]).filter((type) => !accepted.has(type));
  return fc.oneof(
    ...wrong.map((type) => {
      let values = BY_TYPE[type]();
      // An integral number is an integer: not a wrong type for an integer schema.
      if (type === "number" && accepted.has("integer")) values = values.filter((value) => !Number.isInteger(value));
      return values.map((value) => ({ type, value }));
    }),
  );
}
