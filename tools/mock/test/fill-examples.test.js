// @ts-check
import { conformsTo } from "@sdkit/codegen";
import { describe, expect, it } from "vitest";
import { fillResponseExamples } from "../src/fill-examples.js";

// A response schema with `pattern`, `format`, bounds and `enum` but no example: Prism's static
// answer would break it; the mock serves a derived example that conforms instead.
const schema = {
  type: "object",
  required: ["id", "sid", "created", "email", "count", "status", "tags"],
  properties: {
    id: { type: "string", format: "uuid" },
    sid: { type: "string", pattern: "^AC[0-9a-f]{32}$" },
    created: { type: "string", format: "date-time" },
    email: { type: "string", format: "email" },
    count: { type: "integer", minimum: 5, maximum: 10 },
    status: { type: "string", enum: ["queued", "sent"] },
    tags: { type: "array", items: { type: "string", minLength: 3 } },
  },
};

function document() {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/accounts/{sid}": {
        get: {
          operationId: "getAccount",
          responses: {
            200: {
              description: "ok",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Account" } } },
            },
            404: {
              description: "no",
              content: { "application/json": { schema: { type: "object" }, example: { own: true } } },
            },
          },
        },
      },
    },
    components: { schemas: { Account: structuredClone(schema) } },
  };
}

describe("fillResponseExamples", () => {
  it("gives a response without an example one that conforms to its pattern, format, bounds and enum", () => {
    const spec = /** @type {any} */ (document());
    expect(fillResponseExamples(spec)).toBe(1);
    const example = spec.paths["/accounts/{sid}"].get.responses[200].content["application/json"].example;
    expect(example.sid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(example.count).toBeGreaterThanOrEqual(5);
    expect(example.status).toBe("queued");
    expect(example.tags[0].length).toBeGreaterThanOrEqual(3);
    expect(conformsTo(spec, schema, example)).toBe(true);
  });

  it("keeps the document's own examples", () => {
    const spec = /** @type {any} */ (document());
    fillResponseExamples(spec);
    expect(spec.paths["/accounts/{sid}"].get.responses[404].content["application/json"].example).toEqual({ own: true });
    const again = /** @type {any} */ (document());
    again.components.schemas.Account.example = { id: "x" };
    expect(fillResponseExamples(again)).toBe(0);
  });
});
