// @ts-check
// Files declared in the ways real documents declare them, against the real mock: each is answered
// 200 in its declared binary type, with the bytes Prism gives a document that says `format:
// binary`, where a schema without a type was answered with the JSON text `{}` and no schema at
// all with Prism's 500 "Cannot find serializer".
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const specPath = fileURLToPath(new URL("../test/fixtures/binary-bodies.json", import.meta.url));

/** @type {import("../src/index.js").MockServer} */
let mock;
beforeAll(async () => {
  mock = await startMock({ specPath, host: "127.0.0.1", port: 0, log: false });
});
afterAll(() => mock?.stop());

/** @param {string} path @param {string} accept */
async function get(path, accept) {
  const response = await fetch(`${mock.url}${path}`, { headers: { accept } });
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    violations: response.headers.get("sl-violations"),
    body: await response.text(),
  };
}

it("answers a download whose schema says nothing of its type as the file it would be with `format: binary`", async () => {
  const untyped = await get("/invoices/inv_1/pdf", "application/octet-stream");
  const file = await get("/invoices/inv_1/file", "application/octet-stream");
  expect(file).toMatchObject({ status: 200, violations: null });
  expect(untyped).toEqual(file);
  expect(untyped.type).toMatch(/^application\/octet-stream/);
  expect(untyped.body).not.toBe("{}");
});

it("answers an image without a schema, and a PDF with the document's bytes", async () => {
  const png = await get("/avatars/a1", "image/png");
  expect(png).toMatchObject({ status: 200, violations: null });
  expect(png.type).toMatch(/^image\/png/);
  const pdf = await get("/avatars/a1", "application/pdf");
  expect(pdf).toMatchObject({ status: 200, violations: null, body: "%PDF-1.4\n%%EOF\n" });
  expect(pdf.type).toMatch(/^application\/pdf/);
});
