// @ts-check
// A response of `*/*` whose schema is a scalar (peoplegeneratorapi.live: `{ type: string }`,
// integers, booleans under `*/*`): Prism answered the raw text `string` as text/plain, which the
// generated SDK, reading "any type" as JSON, could not parse (153 failed contract tests). The mock
// serves `*/*` as JSON for any schema (structured-text-media.js).
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
