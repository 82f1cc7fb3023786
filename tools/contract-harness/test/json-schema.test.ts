import { describe, expect, it } from "vitest";
import { ResponseValidator, toJsonSchema } from "../../src/json-schema.js";
import { listOperations, loadSpec } from "../../src/spec.js";

describe("toJsonSchema", () => {
  it("turns OpenAPI 3.0 nullable into a null type and drops examples", () => {
    expect(toJsonSchema({ type: "string", nullable: true, format: "email", example: "a@b.c" })).toEqual({
      type: ["string", "null"],
      format: "email",
    });
    expect(toJsonSchema({ $ref: "#/components/schemas/X", nullable: true })).toEqual({ $ref: "#/$defs/X" });
    expect(toJsonSchema({ allOf: [{ $ref: "#/components/schemas/X" }], nullable: true })).toEqual({
      anyOf: [{ allOf: [{ $ref: "#/$defs/X" }] }, { type: "null" }],
    });
    expect(toJsonSchema({ type: "number", minimum: 1, exclusiveMinimum: true })).toEqual({
      type: "number",
      exclusiveMinimum: 1,
    });
  });

  it("drops specification extensions, which strict Ajv would refuse, but not properties named x-…", () => {
    const schema = {
      type: "object",
      "x-github-breaking-changes": [{ changeset: "remove" }],
      properties: { "x-rate": { type: "integer", "x-unit": "req/s" } },
    };
    expect(toJsonSchema(schema)).toEqual({ type: "object", properties: { "x-rate": { type: "integer" } } });
  });
});

const spec = await loadSpec();

describe("ResponseValidator on the bundled spec", () => {
  const validator = new ResponseValidator(spec);
  const upsert = listOperations(spec).find((operation) => operation.operationId === "upsertContact");
  if (!upsert) throw new Error("the bundled spec has no upsertContact");

  it("accepts the documented 200 and names what is wrong with a broken one", () => {
    expect(validator.problems(upsert, "200", { data: { id: "4856cea1" } })).toEqual([]);
    expect(validator.problems(upsert, "200", { data: { id: 42 } })).toEqual(["body/data/id must be string"]);
    expect(validator.problems(upsert, "200", {})).toEqual(["body must have required property 'data'"]);
  });

  it("checks error documents through their $ref to JsonApiError", () => {
    const error = { title: "Invalid value", detail: "bad", source: { pointer: "/data/attributes/email" } };
    expect(validator.problems(upsert, "5XX", { errors: [error] })).toEqual([]);
    expect(validator.problems(upsert, "422", { errors: [{ title: "x" }] })).toEqual([
      "body/errors/0 must have required property 'detail'",
      "body/errors/0 must have required property 'source'",
    ]);
  });
});
