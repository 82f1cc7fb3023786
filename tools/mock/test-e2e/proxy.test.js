// @ts-check
import { once } from "node:events";
import { createServer } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock } from "../src/index.js";
import { postContact } from "../test/helpers.js";

/** @type {string} what the fake upstream puts in data.id: a string per spec, or a number to break it */
let nextId = "contact-1";
const upstream = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ data: { id: nextId === "break" ? 42 : nextId } }));
});
/** @type {import("../src/index.js").MockServer} */
let proxy;

beforeAll(async () => {
  upstream.listen(0, "127.0.0.1");
  await once(upstream, "listening");
  const { port } = /** @type {import("node:net").AddressInfo} */ (upstream.address());
  proxy = await startMock({ upstream: `http://127.0.0.1:${port}`, errors: true, log: false });
});
afterAll(async () => {
  await proxy?.stop();
  upstream.close();
});

it("forwards to the upstream and passes answers that follow the spec", async () => {
  expect(proxy.mode).toBe("proxy");
  nextId = "contact-from-upstream";
  expect(await postContact(proxy.url)).toEqual({ status: 200, body: { data: { id: "contact-from-upstream" } } });
});

it("turns an upstream answer that breaks the spec into an error naming the violation", async () => {
  nextId = "break";
  const { status, body } = await postContact(proxy.url);
  expect(status).toBe(500);
  expect(JSON.stringify(body.validation)).toContain("data.id must be string");
});
