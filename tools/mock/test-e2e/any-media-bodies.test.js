// @ts-check
// Bodies of "any type" (`*/*`), which the generated SDK reads and sends as JSON
// (structured-text-media.js):
// - a response whose schema is a scalar (peoplegeneratorapi.live: `{ type: string }`, integers,
//   booleans under `*/*`): Prism answered the raw text `string` as text/plain, which no JSON reader
//   takes (153 failed contract tests); the mock serves `*/*` as JSON for any schema;
// - a request body (every Kubernetes POST, PUT and PATCH): the mock had made its schema a string,
//   and Prism, decoding the JSON the SDK sends, refused 2,068 requests as "must be string".
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const scratch = mkdtempSync(join(tmpdir(), "sdkit-mock-any-scalars-"));
const specPath = join(scratch, "openapi.json");
/** @param {Record<string, unknown>} schema */
const anyType = (schema) => ({ 200: { description: "ok", content: { "*/*": { schema } } } });
writeFileSync(
  specPath,
  JSON.stringify({
    openapi: "3.0.3",
    info: { title: "People", version: "1" },
    paths: {
      "/name": { get: { operationId: "name", responses: anyType({ type: "string", example: "Ada" }) } },
      "/age": { get: { operationId: "age", responses: anyType({ type: "integer", format: "int32" }) } },
      "/alive": { get: { operationId: "alive", responses: anyType({ type: "boolean" }) } },
      "/pods": {
        post: {
          operationId: "createPod",
          requestBody: {
            required: true,
            content: {
              "*/*": { schema: { type: "object", required: ["kind"], properties: { kind: { type: "string" } } } },
            },
          },
          responses: { 201: { description: "created" } },
        },
      },
    },
  }),
);

/** @type {import("../src/index.js").MockServer} */
let mock;
beforeAll(async () => {
  mock = await startMock({ specPath, host: "127.0.0.1", port: 0, log: false });
});
afterAll(async () => {
  await mock?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

it("answers each scalar as JSON, statically and generated, with no violation", async () => {
  for (const prefer of [undefined, "dynamic=true"]) {
    for (const [path, type] of [
      ["/name", "string"],
      ["/age", "number"],
      ["/alive", "boolean"],
    ]) {
      const answer = await fetch(`${mock.url}${path}`, { headers: prefer ? { prefer } : {} });
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get("content-type"), path).toMatch(/^application\/json/);
      expect(answer.headers.get("sl-violations"), path).toBeNull();
      expect(typeof (await answer.json()), path).toBe(type);
    }
  }
  expect(await (await fetch(`${mock.url}/name`)).json()).toBe("Ada");
});

it("checks a */* request body sent as JSON against its schema, as it is", async () => {
  /** @param {unknown} body */
  const create = (body) =>
    fetch(`${mock.url}/pods`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  expect((await create({ kind: "Pod" })).status).toBe(201);
  const refused = await create({ name: "no kind" });
  expect(refused.status).toBe(422);
  // The mock's front writes Prism's violations as a JSON:API error document.
  expect(JSON.stringify(await refused.json())).toContain("kind");
});
