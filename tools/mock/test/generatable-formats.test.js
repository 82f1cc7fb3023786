// @ts-check
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { BASE64_PATTERN, generatableFormats } from "../src/generatable-formats.js";

const fixture = () => JSON.parse(readFileSync(new URL("./fixtures/generated-formats.json", import.meta.url), "utf8"));

it("serves url as uri and byte as base64's pattern, wherever the schema is; examples are data", () => {
  const spec = fixture();
  spec.paths["/assets"].get.responses["200"].content["application/json"].example = { link: "not-a-format" };
  expect(generatableFormats(spec)).toBe(6);
  const get = spec.paths["/assets"].get;
  const body = get.responses["200"].content["application/json"].schema;
  expect(get.parameters[0].schema).toEqual({ type: "string", format: "uri" });
  expect(body.properties.link).toEqual({ type: "string", format: "uri" });
  expect(spec.components.schemas.Link).toEqual({ type: "string", format: "uri" });
  expect(body.properties.content).toEqual({ type: "string", pattern: BASE64_PATTERN });
  expect(body.properties.sizes.items.properties.data).toEqual({ type: "string", pattern: BASE64_PATTERN });
  const sent = spec.paths["/assets"].post.requestBody.content["application/json"].schema;
  expect(sent.properties.content).toEqual({ type: "string", pattern: BASE64_PATTERN });
  expect(get.responses["200"].content["application/json"].example).toEqual({ link: "not-a-format" });
  // A second pass finds nothing left to rewrite.
  expect(generatableFormats(spec)).toBe(0);
});

it("keeps a byte string's own pattern, and the formats both tools know", () => {
  const spec = {
    openapi: "3.1.0",
    components: {
      schemas: {
        Token: { type: "string", format: "byte", pattern: "^[A-Z]+$" },
        When: { type: "string", format: "date-time" },
        Site: { type: "string", format: "uri" },
      },
    },
  };
  expect(generatableFormats(spec)).toBe(0);
  expect(spec.components.schemas.Token.format).toBe("byte");
});

it("reads base64 as ajv-formats' byte does", () => {
  const base64 = new RegExp(BASE64_PATTERN);
  for (const value of ["", "QQ==", "QUI=", "QUJD", "aGVsbG8gd29ybGQ=", "+/+/"])
    expect(base64.test(value), value).toBe(true);
  for (const value of ["Q", "QQ=", "QUJ", "QU JD", "QUJD=", "====", "QQ==QQ=="])
    expect(base64.test(value), value).toBe(false);
});
