import { type OpenApiDocument, toJsonSchema } from "@sdkit/contract";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UnsupportedSchemaError, valuesOf, wrongTypeFor } from "./schema-arbitrary.js";

// The generators, checked against Ajv (independently of Prism) on a schema that uses every keyword
// they claim to understand.

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

const tagSchema = { type: "string", enum: ["a", "b"] };
const thingSchema: Record<string, unknown> = {
  type: "object",
  required: ["name", "count"],
  properties: {
    name: { type: "string", minLength: 1, maxLength: 5 },
    code: { type: "string", pattern: "^[A-Z]{3}$" },
    count: { type: "integer", minimum: 0, maximum: 10 },
    ratio: { type: "number", nullable: true },
    flag: { type: "boolean" },
    email: { type: "string", format: "email", nullable: true },
    at: { type: "string", format: "date-time" },
    on: { type: "string", format: "date" },
    id: { type: "string", format: "uuid" },
    tags: { type: "array", items: { $ref: "#/components/schemas/Tag" }, maxItems: 3 },
    extra: { type: "object", additionalProperties: true },
    scores: { type: "object", additionalProperties: { type: "integer" } },
  },
};
const spec: OpenApiDocument = { paths: {}, components: { schemas: { Tag: tagSchema, Thing: thingSchema } } };
const thing = { $ref: "#/components/schemas/Thing" };

function validator() {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile({
    ...(toJsonSchema(thingSchema) as object),
    $defs: { Tag: toJsonSchema(tagSchema) },
  });
}

describe("valuesOf", () => {
  it("generates only values the schema accepts (per Ajv)", () => {
    const validate = validator();
    fc.assert(
      fc.property(valuesOf(spec, thing, "#/Thing"), (value) => {
        expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves out optional properties and uses null for nullable ones, sometimes", () => {
    const samples = fc.sample(valuesOf(spec, thing, "#/Thing"), { numRuns: 300, seed: 1 }) as Record<string, unknown>[];
    expect(samples.some((sample) => !("flag" in sample))).toBe(true);
    expect(samples.some((sample) => sample.email === null)).toBe(true);
    expect(samples.every((sample) => "name" in sample && "count" in sample)).toBe(true);
  });

  it("refuses a keyword it does not understand, naming where", () => {
    const odd: OpenApiDocument = { paths: {}, components: { schemas: {} } };
    expect(() => valuesOf(odd, { type: "object", properties: { a: { type: "string", oneOf: [] } } }, "#/X")).toThrow(
      new UnsupportedSchemaError("#/X/properties/a: schema keyword `oneOf` is not supported by the property tests"),
    );
    expect(() => valuesOf(odd, { type: "string", format: "ipv4" }, "#/Y")).toThrow(/#\/Y: string format `ipv4`/);
  });
});

describe("wrongTypeFor", () => {
  it("generates only values of a JSON type the property refuses (per Ajv)", () => {
    const validate = validator();
    const properties = thingSchema.properties as Record<string, unknown>;
    const valid = { name: "x", count: 1 };
    for (const [name, property] of Object.entries(properties)) {
      fc.assert(
        fc.property(wrongTypeFor(spec, property), ({ value }) => {
          expect(validate({ ...valid, [name]: value }), `${name} = ${JSON.stringify(value)}`).toBe(false);
        }),
        { numRuns: 50 },
      );
    }
  });
});
