// @ts-check
import { describe, expect, it } from "vitest";
import { fitDeepObjectFields } from "../src/deep-object-fields.js";

// A small document of our own: a form body (through a shared component) with deepObject fields of
// each shape Prism reads (an object, an array of strings) and the one it refuses (an array of
// objects, inline and through a $ref), beside a field of the same shape with no deepObject.
/** @returns {any} */
function document() {
  return {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {
      "/links": {
        post: {
          requestBody: {
            content: {
              "application/x-www-form-urlencoded": {
                schema: { $ref: "#/components/schemas/LinkParams" },
                encoding: {
                  line_items: { style: "deepObject", explode: true },
                  tax_rates: { style: "deepObject", explode: true },
                  expand: { style: "deepObject", explode: true },
                  shipping: { style: "deepObject", explode: true },
                },
              },
            },
          },
          responses: { 200: { description: "ok" } },
        },
      },
    },
    components: {
      schemas: {
        LineItem: { type: "object", required: ["price"], properties: { price: { type: "string" } } },
        LinkParams: {
          type: "object",
          properties: {
            line_items: {
              type: "array",
              minItems: 1,
              uniqueItems: true,
              items: { $ref: "#/components/schemas/LineItem" },
            },
            tax_rates: { $ref: "#/components/schemas/TaxRates" },
            expand: { type: "array", items: { type: "string" } },
            shipping: { type: "object", properties: { name: { type: "string" } } },
            other_items: { type: "array", items: { $ref: "#/components/schemas/LineItem" } },
          },
        },
        TaxRates: { type: "array", maxItems: 5, items: { type: "object", properties: { rate: { type: "number" } } } },
      },
    },
  };
}

describe("fitDeepObjectFields", () => {
  it("lets a deepObject array of objects take any items (Prism 415s on them), keeping its item count", () => {
    const spec = document();
    expect(fitDeepObjectFields(spec)).toBe(2);
    const media = spec.paths["/links"].post.requestBody.content["application/x-www-form-urlencoded"];
    expect(media.schema.properties.line_items).toEqual({ type: "array", minItems: 1, items: {} });
    expect(media.schema.properties.tax_rates).toEqual({ type: "array", maxItems: 5, items: {} });
  });

  it("leaves the shapes Prism reads, fields without deepObject and the shared schemas as written", () => {
    const spec = document();
    const before = structuredClone(spec.components);
    fitDeepObjectFields(spec);
    const { properties } = spec.paths["/links"].post.requestBody.content["application/x-www-form-urlencoded"].schema;
    expect(properties.expand).toEqual({ type: "array", items: { type: "string" } });
    expect(properties.shipping).toEqual(before.schemas.LinkParams.properties.shipping);
    expect(properties.other_items).toEqual({ type: "array", items: { $ref: "#/components/schemas/LineItem" } });
    expect(spec.components).toEqual(before);
  });

  it("checks an optional object's required fields only once one of its own is sent (Prism builds it anyway)", () => {
    const spec = document();
    const media = spec.paths["/links"].post.requestBody.content["application/x-www-form-urlencoded"];
    const object = { type: "object", required: ["type"], properties: { type: { type: "string" } } };
    spec.components.schemas.LinkParams.properties.after = structuredClone(object);
    spec.components.schemas.LinkParams.properties.before = structuredClone(object);
    spec.components.schemas.LinkParams.required = ["before"];
    media.encoding.after = { style: "deepObject", explode: true };
    media.encoding.before = { style: "deepObject", explode: true };
    expect(fitDeepObjectFields(spec)).toBe(3);
    const { properties } = media.schema;
    expect(properties.after).toEqual({
      type: "object",
      properties: { type: { type: "string" } },
      allOf: [{ anyOf: [{ required: ["type"] }, { not: { anyOf: [{ required: ["type"] }] } }] }],
    });
    // A required object must be sent, and then with its required fields.
    expect(properties.before).toBe(spec.components.schemas.LinkParams.properties.before);
  });

  it("changes nothing in a document without deepObject fields, nor twice", () => {
    const spec = document();
    const media = spec.paths["/links"].post.requestBody.content["application/x-www-form-urlencoded"];
    const plain = structuredClone(spec);
    delete plain.paths["/links"].post.requestBody.content["application/x-www-form-urlencoded"].encoding;
    expect(fitDeepObjectFields(plain)).toBe(0);
    fitDeepObjectFields(spec);
    const once = structuredClone(media.schema);
    expect(fitDeepObjectFields(spec)).toBe(0);
    expect(media.schema).toEqual(once);
  });
});
