// @ts-check
import { describe, expect, it } from "vitest";
import { spellOutFormEncoding } from "../src/form-encoding.js";

// A small document of our own: form bodies with array fields (inline, through a $ref'd request
// body and an allOf part), one field whose encoding the document declares, and a JSON body.
/** @returns {any} */
function document() {
  const form = (/** @type {Record<string, unknown>} */ extra = {}) => ({
    "application/x-www-form-urlencoded": {
      schema: {
        type: "object",
        properties: { To: { type: "string" }, MediaUrl: { type: "array", items: { type: "string" } } },
        allOf: [{ $ref: "#/components/schemas/Tagged" }],
      },
      ...extra,
    },
  });
  return {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {
      "/messages": {
        post: { requestBody: { content: form() }, responses: { 201: { description: "ok" } } },
        put: { requestBody: { $ref: "#/components/requestBodies/Update" }, responses: { 200: { description: "ok" } } },
      },
      "/notes": {
        post: {
          requestBody: {
            content: { "application/json": { schema: { type: "object", properties: { tags: { type: "array" } } } } },
          },
          responses: { 201: { description: "ok" } },
        },
      },
    },
    components: {
      schemas: {
        Tagged: { type: "object", properties: { Tags: { type: ["array", "null"], items: { type: "string" } } } },
      },
      requestBodies: { Update: { content: form({ encoding: { MediaUrl: { style: "form", explode: false } } }) } },
    },
  };
}

describe("spellOutFormEncoding", () => {
  it("writes OpenAPI's default (form, exploded) for each array field of a form body, where Prism would not apply it", () => {
    // allowReserved: a space written `+` and a raw `*` are how every form encoder writes them.
    const spec = document();
    expect(spellOutFormEncoding(spec)).toBe(3);
    expect(spec.paths["/messages"].post.requestBody.content["application/x-www-form-urlencoded"]).toMatchObject({
      encoding: {
        MediaUrl: { style: "form", explode: true, allowReserved: true },
        Tags: { style: "form", explode: true, allowReserved: true },
      },
    });
    // What the document declares stays; the field it leaves out gets the default.
    expect(spec.components.requestBodies.Update.content["application/x-www-form-urlencoded"].encoding).toEqual({
      MediaUrl: { style: "form", explode: false },
      Tags: { style: "form", explode: true, allowReserved: true },
    });
  });

  it("leaves scalar fields, JSON bodies and an already spelled-out document alone", () => {
    const spec = document();
    spellOutFormEncoding(spec);
    const form = spec.paths["/messages"].post.requestBody.content["application/x-www-form-urlencoded"];
    expect(Object.keys(form.encoding)).not.toContain("To");
    expect(spec.paths["/notes"].post.requestBody.content["application/json"]).not.toHaveProperty("encoding");
    expect(spellOutFormEncoding(spec)).toBe(0);
  });
});
