// @ts-check
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { looseParameterAlternatives } from "../src/parameter-alternatives.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/prism-schema-readings.json", import.meta.url));
const read = () => JSON.parse(readFileSync(FIXTURE, "utf8"));

describe("looseParameterAlternatives", () => {
  it("reads a parameter's oneOf (through $ref, and its array items') as anyOf, once per shared parameter", () => {
    const spec = read();
    expect(looseParameterAlternatives(spec)).toBe(2);
    expect(spec.components.parameters["workflow-id"].schema).toEqual({
      anyOf: [{ type: "integer" }, { type: "string" }],
    });
    const tags = spec.paths["/workflows/{workflow_id}"].get.parameters[0];
    expect(tags.schema).toEqual({ type: "array", items: { anyOf: [{ type: "integer" }, { type: "string" }] } });
    expect(looseParameterAlternatives(spec)).toBe(0);
  });

  it("leaves the schema a body or a response shares with the parameter as the document writes it", () => {
    const spec = read();
    looseParameterAlternatives(spec);
    expect(spec.components.schemas["id-or-name"]).toEqual({ oneOf: [{ type: "integer" }, { type: "string" }] });
    expect(spec.components.schemas.item.properties.fields.items.properties.value.oneOf).toHaveLength(2);
  });
});
