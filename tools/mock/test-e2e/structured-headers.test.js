// @ts-check
// Array and object headers against the real mock. Prism wrote every such response header as null,
// then threw reading it back (and reading an optional array request header that was not sent),
// which ended its process: the rest of a contract run met a closed port.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const specPath = fileURLToPath(new URL("../test/fixtures/structured-headers.json", import.meta.url));

/** @type {import("../src/index.js").MockServer} */
let mock;
beforeAll(async () => {
  mock = await startMock({ specPath, host: "127.0.0.1", port: 0, log: false });
});
afterAll(() => mock?.stop());

it("answers array and object headers as their text, and Prism finds nothing wrong with its answer", async () => {
  const answer = await fetch(`${mock.url}/lists`);
  expect(answer.status).toBe(200);
  expect(answer.headers.get("sl-violations")).toBeNull();
  expect(answer.headers.get("cache-control")).toMatch(/\S/);
  expect(answer.headers.get("x-rate")).toBe("limit=100,left=99");
  expect(answer.headers.get("x-versions")).toBe("1,2");
  expect(await answer.json()).toEqual(["a"]);
});

it("takes a request without its optional array header, and one with it, and keeps serving", async () => {
  /** @type {Array<Record<string, string>>} */
  const requests = [{}, { "x-tags": "a,b" }, {}];
  for (const headers of requests) {
    const answer = await fetch(`${mock.url}/lists`, { headers });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("sl-violations")).toBeNull();
  }
  const missing = await fetch(`${mock.url}/lists`, { headers: { prefer: "code=404" } });
  expect(missing.status).toBe(404);
  expect(missing.headers.get("x-versions")).toBe("1,2");
});
