// @ts-check

import { describe, expect, it } from "vitest";
import { toJsonSchema } from "../src/json-schema.js";

// Every place JSON Schema keeps a schema is converted, so no `#/components/schemas/…` `$ref` is left
// for Ajv to resolve against a standalone schema ("can't resolve reference").
describe("toJsonSchema, in every keyword that holds schemas", () => {
  const ref = { $ref: "#/components/schemas/Id" };
  const converted = { $ref: "#/$defs/Id" };

  it("converts `definitions` and `$defs` kept inside a component schema (Codat's)", () => {
    const schema = {
      type: "object",
      properties: { line: { $ref: "#/components/schemas/Bill/definitions/line" } },
      definitions: { line: { type: "object", properties: { id: ref, note: { type: "string", nullable: true } } } },
      $defs: { other: ref },
    };
    expect(toJsonSchema(schema)).toEqual({
      type: "object",
      properties: { line: { $ref: "#/$defs/Bill/definitions/line" } },
      definitions: { line: { type: "object", properties: { id: converted, note: { type: ["string", "null"] } } } },
      $defs: { other: converted },
    });
  });

  it.each(["if", "then", "else", "contains", "propertyNames", "additionalItems", "unevaluatedProperties"])(
    "converts `%s`",
    (keyword) => {
      expect(toJsonSchema({ [keyword]: ref })).toEqual({ [keyword]: converted });
    },
  );

  it("converts `prefixItems` and `patternProperties`", () => {
    expect(toJsonSchema({ prefixItems: [ref], patternProperties: { "^x": ref } })).toEqual({
      prefixItems: [converted],
      patternProperties: { "^x": converted },
    });
  });

  it("leaves a property named like a keyword alone as a name", () => {
    expect(toJsonSchema({ properties: { definitions: { type: "string" } } })).toEqual({
      properties: { definitions: { type: "string" } },
    });
  });
});
