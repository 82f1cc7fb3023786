// @ts-check
// Two schemas Prism reads differently from the document, against the real mock: a parameter whose
// schema is `oneOf: [integer, string]` (Prism found `0` to be both and refused it), and a body with
// `nullable: true` beside `oneOf` and no `type` (Ajv could not compile it, so Prism checked nothing
// and answered a body without its required fields 2xx).
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

it("checks a body whose schema has an untyped nullable: required fields, null and the members", async () => {
  /** @param {unknown} body */
  const patch = (body) =>
    fetch(`${mock.url}/items`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const refused = await patch({});
  expect(refused.status).toBe(422);
  expect(refused.headers.get("sl-violations")).toContain("fields");
  for (const value of [null, "Done", 3]) expect((await patch({ fields: [{ id: 1, value }] })).status).toBe(204);
  expect((await patch({ fields: [{ id: 1, value: true }] })).status).toBe(422);
});

it("generates answers its own checks accept where a schema has an untyped nullable", async () => {
  const values = new Set();
  for (let i = 0; i < 12; i++) {
    const answer = await fetch(`${mock.url}/items`, { headers: { prefer: "dynamic=true" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("sl-violations")).toBeNull();
    const item = /** @type {{ fields: { value: unknown }[] }} */ (await answer.json());
    for (const field of item.fields) values.add(field.value === null ? "null" : typeof field.value);
  }
  expect([...values].every((kind) => ["null", "string", "number"].includes(kind))).toBe(true);
});

it("checks a body whose nullable enum lists null itself", async () => {
  /** @param {unknown} resolution */
  const patch = (resolution) =>
    fetch(`${mock.url}/items`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fields: [{ id: 1, value: 2, resolution }] }),
    });
  for (const resolution of [null, "wont_fix"]) expect((await patch(resolution)).status).toBe(204);
  expect((await patch("maybe")).status).toBe(422);
});
