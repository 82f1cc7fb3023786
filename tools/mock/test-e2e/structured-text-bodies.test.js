// @ts-check
// Objects declared in media types Prism can only write as text (`*/*`, `text/xml`, `text/plain`),
// against the real mock: every one is answered 200 in its declared type, and Prism finds nothing
// wrong with its own answer, where it answered 500 NO_COMPLEX_OBJECT_TEXT before.
import { fileURLToPath } from "node:url";
import { readSpecFile } from "@sdkit/openapi";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const specPath = fileURLToPath(new URL("../test/fixtures/structured-text-bodies.json", import.meta.url));
const spec = /** @type {Record<string, any>} */ ((await readSpecFile(specPath)).document);

/** @type {import("../src/index.js").MockServer} */
let mock;
beforeAll(async () => {
  mock = await startMock({ specPath, host: "127.0.0.1", port: 0, log: false });
});
afterAll(() => mock?.stop());

/** @param {string} path @param {string} accept @param {string} [prefer] */
async function get(path, accept, prefer) {
  const response = await fetch(`${mock.url}${path}`, { headers: { accept, ...(prefer ? { prefer } : {}) } });
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    violations: response.headers.get("sl-violations"),
    body: await response.text(),
  };
}

it("answers `*/*` with the object as JSON that matches the schema", async () => {
  const answer = await get("/comics/latest", "*/*");
  expect(answer).toMatchObject({ status: 200, violations: null });
  expect(answer.type).toMatch(/^application\/json/);
  const comic = JSON.parse(answer.body);
  expect(Number.isInteger(comic.num) && comic.num >= 1).toBe(true);
  expect(typeof comic.title).toBe("string");
});

it("answers `text/xml` with an XML document, also for a declared error with a named example", async () => {
  const success = await get("/tokens", "text/xml");
  expect(success).toMatchObject({ status: 200, violations: null });
  expect(success.type).toMatch(/^text\/xml/);
  expect(success.body).toMatch(/^<AssumeRoleResult>.*<\/AssumeRoleResult>$/s);
  const denied = await get("/tokens", "text/xml", "code=403");
  expect(denied).toMatchObject({
    status: 403,
    violations: null,
    body: "<root><code>Denied &amp; logged</code></root>",
  });
  // An error whose schema says nothing of its type: Prism would make an object of it (500).
  const expired = await get("/tokens", "text/xml", "code=480");
  expect(expired).toMatchObject({ status: 480, violations: null });
  expect(expired.body).toMatch(/^<ExpiredTokenException\s*\/?>/);
});

it("takes an XML request body as text, and still checks a JSON one against the schema", async () => {
  const post = (/** @type {string} */ type, /** @type {string} */ body) =>
    fetch(`${mock.url}/tokens`, { method: "POST", headers: { "content-type": type }, body });
  const xml = await post("text/xml", "<AssumeRoleResult><AccessKeyId>AKABCDEF</AccessKeyId></AssumeRoleResult>");
  expect(xml.status).toBe(204);
  const json = await post("application/json", JSON.stringify({ AccessKeyId: "not a key" }));
  expect(json.status).toBe(422);
});

it("answers an object declared as `text/plain` with the document's example as text", async () => {
  const answer = await get("/notes", "text/plain");
  expect(answer).toMatchObject({ status: 200, violations: null });
  expect(JSON.parse(answer.body)).toEqual(spec.paths["/notes"].get.responses["200"].content["text/plain"].example);
});
