// @ts-check
// Schemas Prism reads differently from the document, against the real mock: a parameter whose
// schema is `oneOf: [integer, string]` (Prism found `0` to be both and refused it).
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const specPath = fileURLToPath(new URL("../test/fixtures/prism-schema-readings.json", import.meta.url));

/** @type {import("../src/index.js").MockServer} */
let mock;
beforeAll(async () => {
  mock = await startMock({ specPath, host: "127.0.0.1", port: 0, log: false });
});
afterAll(() => mock?.stop());

it("accepts a number and a name for a oneOf [integer, string] path parameter, and in a query array", async () => {
  for (const path of ["/workflows/0", "/workflows/ci.yml", "/workflows/42?tags=1&tags=b"]) {
    const answer = await fetch(`${mock.url}${path}`);
    expect(answer.status, path).toBe(200);
    expect(await answer.json()).toBe(7);
  }
});
