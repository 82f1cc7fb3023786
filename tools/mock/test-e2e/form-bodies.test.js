// @ts-check
// Form-encoded bodies against the real mock, encoded as URLSearchParams (and so the generated SDKs)
// encode them: a deepObject array of objects (`line_items[0][price]=…`), which Prism refused with
// 415 "Cannot deserialize JSON object array" whatever the items, and an array item with a space
// (`tags=new+customer`), which Prism refused as "Reserved characters used in request body". What
// Prism can check of both is still checked. An optional object not sent (`after_completion`) is
// not refused for the fields it would require.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const specPath = fileURLToPath(new URL("../test/fixtures/form-bodies.json", import.meta.url));

/** @type {import("../src/index.js").MockServer} */
let mock;
beforeAll(async () => {
  mock = await startMock({ specPath, host: "127.0.0.1", port: 0, log: false });
});
afterAll(() => mock?.stop());

/** @param {Array<[string, string]>} fields */
async function post(fields) {
  const response = await fetch(`${mock.url}/payment_links`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  return {
    status: response.status,
    violations: response.headers.get("sl-violations") ?? "",
    body: await response.text(),
  };
}

it("answers a deepObject array of objects, one item or several, with the success example", async () => {
  const one = await post([["line_items[0][price]", "price_1"]]);
  expect(one).toMatchObject({ status: 200, violations: "" });
  expect(JSON.parse(one.body)).toEqual({ id: "plink_1" });
  const two = await post([
    ["line_items[0][price]", "price_1"],
    ["line_items[0][quantity]", "2"],
    ["line_items[1][price]", "price_2"],
    ["after_completion[type]", "redirect"],
    ["after_completion[redirect][url]", "https://example.com/thanks"],
  ]);
  expect(two).toMatchObject({ status: 200, violations: "" });
});

it("answers array items with spaces and `*`, as form encoders write them", async () => {
  const tagged = await post([
    ["line_items[0][price]", "price_1"],
    ["tags", "new customer"],
    ["tags", "*"],
  ]);
  expect(tagged).toMatchObject({ status: 200, violations: "" });
});

it("still refuses what Prism can check: no items, and a nested object's missing or wrong field", async () => {
  const empty = await post([["tags", "a"]]);
  expect(empty.status).toBe(422);
  // No 422 is declared: Prism's own problem document lists what it found.
  expect(empty.body).toMatch(/line_items/);
  const wrong = await post([
    ["line_items[0][price]", "price_1"],
    ["after_completion[type]", "somewhere"],
  ]);
  expect(wrong.status).toBe(422);
  expect(wrong.body).toMatch(/after_completion/);
});
