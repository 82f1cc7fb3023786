// @ts-check
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { typeUntypedNullables } from "../src/untyped-nullable.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/prism-schema-readings.json", import.meta.url));
const read = () => JSON.parse(readFileSync(FIXTURE, "utf8"));

describe("typeUntypedNullables", () => {
  it("writes `nullable` without `type` as anyOf of the schema and only null, keeping its annotations", () => {
    const spec = read();
    expect(typeUntypedNullables(spec)).toBe(2);
    const media = spec.paths["/items"].patch.requestBody.content["application/json"];
    expect(spec.components.schemas.item.properties.fields.items.properties.value).toEqual({
      description: "The new value, or null to clear the field.",
      anyOf: [
        { description: "The new value, or null to clear the field.", oneOf: [{ type: "string" }, { type: "number" }] },
        { type: "string", nullable: true, enum: [] },
      ],
    });
    // Example values are data: a `nullable` key in one is not a schema's.
    expect(media.example).toEqual({ fields: [{ id: 1, value: null }] });
    expect(typeUntypedNullables(spec)).toBe(0);
  });

  it("leaves a typed nullable alone, leaves null to Prism in a nullable enum, rewrites a component once, and drops the keyword in OpenAPI 3.1", () => {
    /** @type {Record<string, any>} */
    const spec = {
      openapi: "3.0.3",
      paths: {},
      components: {
        schemas: {
          typed: { type: "string", nullable: true },
          shared: { nullable: true, allOf: [{ $ref: "#/components/schemas/typed" }] },
          example: { type: "object", properties: { example: { nullable: true, oneOf: [{ type: "integer" }] } } },
          resolution: { type: "string", nullable: true, enum: [null, "false_positive", "wont_fix"] },
          state: { type: "string", enum: ["open", null] },
        },
      },
    };
    expect(typeUntypedNullables(spec)).toBe(3);
    // Prism adds null to a nullable enum itself; listed twice, Ajv would refuse the enum.
    expect(spec.components.schemas.resolution.enum).toEqual(["false_positive", "wont_fix"]);
    expect(spec.components.schemas.state.enum).toEqual(["open", null]);
    expect(spec.components.schemas.typed).toEqual({ type: "string", nullable: true });
    expect(spec.components.schemas.shared.anyOf[0]).toEqual({ allOf: [{ $ref: "#/components/schemas/typed" }] });
    expect(spec.components.schemas.example.properties.example.anyOf).toHaveLength(2);
    /** @type {Record<string, any>} */
    const v31 = { openapi: "3.1.0", components: { schemas: { a: { nullable: true, oneOf: [{ type: "integer" }] } } } };
    expect(typeUntypedNullables(v31)).toBe(1);
    expect(v31.components.schemas.a).toEqual({ oneOf: [{ type: "integer" }] });
  });
});
