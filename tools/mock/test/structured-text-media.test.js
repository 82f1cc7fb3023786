// @ts-check
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isStructuredSchema, serveStructuredBodies, textRequestBodies, toXml } from "../src/structured-text-media.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/structured-text-bodies.json", import.meta.url));
/** @returns {Record<string, any>} a fresh copy: the function under test changes it in place */
const documentCopy = () => JSON.parse(readFileSync(FIXTURE, "utf8"));

describe("serveStructuredBodies", () => {
  it("serves `*/*` with an object schema as JSON, the schema kept, when the response declares no JSON type", () => {
    const spec = documentCopy();
    expect(serveStructuredBodies(spec)).toBe(5);
    const content = spec.paths["/comics/latest"].get.responses["200"].content;
    expect(Object.keys(content)).toEqual(["application/json"]);
    expect(content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Comic" });
  });

  it("serves `*/*` with a scalar schema as JSON too: Prism wrote a string as raw text/plain, which no JSON reader takes", () => {
    /** @param {Record<string, unknown>} schema */
    const answer = (schema) => ({ description: "ok", content: { "*/*": { schema } } });
    /** @type {Record<string, any>} */
    const spec = {
      openapi: "3.0.3",
      paths: {
        "/name": { get: { responses: { 200: answer({ type: "string" }) } } },
        "/age": { get: { responses: { 200: answer({ type: "integer", format: "int32" }) } } },
        "/alive": { get: { responses: { 200: answer({ type: "boolean" }) } } },
        "/nothing": { get: { responses: { 204: { description: "none", content: { "*/*": {} } } } } },
      },
    };
    expect(serveStructuredBodies(spec)).toBe(3);
    for (const path of ["/name", "/age", "/alive"]) {
      expect(Object.keys(spec.paths[path].get.responses[200].content), path).toEqual(["application/json"]);
    }
    expect(spec.paths["/name"].get.responses[200].content["application/json"].schema).toEqual({ type: "string" });
    // Without a schema there is nothing Prism writes, and nothing to rename.
    expect(Object.keys(spec.paths["/nothing"].get.responses[204].content)).toEqual(["*/*"]);
  });

  it("writes an XML type's example as XML named after the schema, and its schema becomes a string", () => {
    const spec = documentCopy();
    serveStructuredBodies(spec);
    const media = spec.paths["/tokens"].get.responses["200"].content["text/xml"];
    expect(media.schema).toEqual({ type: "string" });
    expect(media.example).toMatch(/^<AssumeRoleResult><AccessKeyId>AK[A-Z0-9]{6}<\/AccessKeyId><Expiration>/);
    expect(media.example).toMatch(/<\/AssumeRoleResult>$/);
  });

  it("serves a body whose schema says nothing of its type as text too: Prism would make an object of it", () => {
    const spec = documentCopy();
    serveStructuredBodies(spec);
    const media = spec.paths["/tokens"].get.responses["480"].content["text/xml"];
    expect(media.schema).toEqual({ type: "string" });
    expect(media.example).toMatch(/^<ExpiredTokenException\s*\/?>/);
  });

  it("writes named examples as text too, escaping them, and leaves a shared component example alone", () => {
    const spec = documentCopy();
    const shared = { value: { code: "Denied & logged" } };
    spec.components.examples = { denied: shared };
    spec.paths["/tokens"].get.responses["403"].content["text/xml"].examples.denied = {
      $ref: "#/components/examples/denied",
    };
    serveStructuredBodies(spec);
    const media = spec.paths["/tokens"].get.responses["403"].content["text/xml"];
    expect(media.examples.denied.value).toBe("<root><code>Denied &amp; logged</code></root>");
    expect(media.example).toBeUndefined();
    expect(spec.components.examples.denied).toEqual({ value: { code: "Denied & logged" } });
  });

  it("writes a non-XML text type's example as JSON text", () => {
    const spec = documentCopy();
    serveStructuredBodies(spec);
    const media = spec.paths["/notes"].get.responses["200"].content["text/plain"];
    expect(media).toEqual({ schema: { type: "string" }, example: '{"note":"hi"}' });
  });

  it("leaves what Prism writes itself: strings as text, JSON, and XML under application/", () => {
    const spec = documentCopy();
    spec.paths["/xml"] = {
      get: {
        operationId: "getXml",
        responses: {
          200: {
            description: "ok",
            content: {
              "application/xml": { schema: { type: "object" } },
              "application/atom+xml": { schema: { type: "object" } },
              "application/json": { schema: { type: "object" } },
            },
          },
        },
      },
    };
    const before = JSON.stringify({ plain: spec.paths["/plain"], xml: spec.paths["/xml"] });
    serveStructuredBodies(spec);
    expect(JSON.stringify({ plain: spec.paths["/plain"], xml: spec.paths["/xml"] })).toBe(before);
  });

  it("keeps `*/*` beside a declared JSON type, as text, so the JSON one stays the only JSON answer", () => {
    const spec = documentCopy();
    spec.paths["/comics/latest"].get.responses["200"].content = {
      "application/json": { schema: { type: "object" } },
      "*/*": { schema: { type: "object" }, example: { a: 1 } },
    };
    serveStructuredBodies(spec);
    const content = spec.paths["/comics/latest"].get.responses["200"].content;
    expect(Object.keys(content)).toEqual(["application/json", "*/*"]);
    expect(content["*/*"]).toEqual({ schema: { type: "string" }, example: '{"a":1}' });
  });
});

describe("textRequestBodies", () => {
  it("takes a structured request body Prism reads as text as a string, and leaves the JSON one checked", () => {
    const spec = documentCopy();
    expect(textRequestBodies(spec)).toBe(1);
    const content = spec.paths["/tokens"].post.requestBody.content;
    expect(content["text/xml"].schema).toEqual({ type: "string" });
    expect(content["application/json"].schema).toEqual({ $ref: "#/components/schemas/TokenResult" });
    expect(textRequestBodies(spec)).toBe(0);
  });

  it("leaves a */* request body's schema as it is: the SDK sends it as JSON, which Prism decodes", () => {
    /** @type {Record<string, any>} */
    const spec = {
      openapi: "3.0.3",
      paths: {
        "/pods": {
          post: {
            requestBody: { content: { "*/*": { schema: { type: "object", required: ["kind"] } } } },
            responses: {},
          },
        },
      },
    };
    expect(textRequestBodies(spec)).toBe(0);
    expect(spec.paths["/pods"].post.requestBody.content["*/*"].schema).toEqual({ type: "object", required: ["kind"] });
  });
});

describe("isStructuredSchema", () => {
  it("is true for objects, arrays and untyped schemas, also through $ref and composition, false for scalars", () => {
    const spec = { components: { schemas: { Obj: { properties: { a: {} } } } } };
    expect(isStructuredSchema(spec, { $ref: "#/components/schemas/Obj" })).toBe(true);
    expect(isStructuredSchema(spec, { type: ["array", "null"] })).toBe(true);
    expect(isStructuredSchema(spec, { oneOf: [{ type: "string" }, { $ref: "#/components/schemas/Obj" }] })).toBe(true);
    expect(isStructuredSchema(spec, { type: "string", format: "binary" })).toBe(false);
    expect(isStructuredSchema(spec, { $ref: "#/components/schemas/Missing" })).toBe(false);
    // No type at all: Prism makes an object of it.
    expect(isStructuredSchema(spec, {})).toBe(true);
    expect(isStructuredSchema(spec, { description: "an error" })).toBe(true);
    expect(isStructuredSchema(spec, { enum: ["a", "b"] })).toBe(false);
    expect(isStructuredSchema(spec, { format: "binary" })).toBe(false);
  });
});

describe("toXml", () => {
  it("writes properties as elements, arrays as repeated elements, and makes names valid", () => {
    expect(toXml("Result", { "Access Key": "a<b", Tags: ["x", "y"], Nested: { n: 1 }, gone: null })).toBe(
      "<Result><Access_Key>a&lt;b</Access_Key><Tags>x</Tags><Tags>y</Tags><Nested><n>1</n></Nested><gone/></Result>",
    );
    expect(toXml("1st", 2)).toBe("<_1st>2</_1st>");
  });
});
