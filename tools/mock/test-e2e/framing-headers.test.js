// @ts-check
// A document that declares framing headers (as Notion's does), against the real mock: Prism would
// answer them with made-up values, a Content-Length beside a chunked body, which no client reads.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const specPath = fileURLToPath(new URL("../test/fixtures/framing-headers.json", import.meta.url));

/** @type {import("../src/index.js").MockServer} */
let mock;
beforeAll(async () => {
  mock = await startMock({ specPath, host: "127.0.0.1", port: 0, log: false });
});
afterAll(() => mock?.stop());

it("answers with the document's body and its own headers, readable through the mock's proxy", async () => {
  const answer = await fetch(`${mock.url}/blocks/b1`);
  expect(answer.status).toBe(200);
  expect(await answer.json()).toEqual({ id: "b1" });
  expect(answer.headers.get("etag")).toBe('"v1"');
  const missing = await fetch(`${mock.url}/blocks/b1`, { headers: { prefer: "code=404" } });
  expect(missing.status).toBe(404);
  expect(await missing.json()).toEqual({ error: "not found" });
});
