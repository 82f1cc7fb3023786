// @ts-check
// A request body declared as `text/plain; utf-8`, against the real mock: the well-formed value the
// generated clients send is accepted, where Prism answered 415 before (and 500 to the key as written).
import { fileURLToPath } from "node:url";
import { wellFormedMediaType } from "@sdkit/openapi";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const specPath = fileURLToPath(new URL("../test/fixtures/malformed-media-types.json", import.meta.url));

/** @type {import("../src/index.js").MockServer} */
let mock;
beforeAll(async () => {
  mock = await startMock({ specPath, host: "127.0.0.1", port: 0, log: false });
});
afterAll(() => mock?.stop());

it("accepts the body sent with the well-formed Content-Type the clients send", async () => {
  const response = await fetch(`${mock.url}/imports/dockerfile`, {
    method: "POST",
    headers: { "content-type": wellFormedMediaType("text/plain; utf-8") },
    body: "FROM scratch\n",
  });
  expect({ status: response.status, violations: response.headers.get("sl-violations") }).toEqual({
    status: 200,
    violations: null,
  });
  expect(await response.json()).toEqual({ ok: true });
});
