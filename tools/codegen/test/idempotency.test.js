// @ts-check
import { describe, expect, it } from "vitest";
import { idempotencyHeaderOf } from "../src/idempotency.js";
import { buildModel } from "../src/model.js";
import { tinySpec } from "./helpers.js";

const body = { required: true, content: { "application/json": { schema: { type: "object" } } } };

/** The idempotency header of the document's only operation. @param {Record<string, unknown>} operation @param {string} [configured] */
function headerOf(operation, configured) {
  const spec = tinySpec({
    "POST /orders": { operationId: "createOrder", tags: ["orders"], requestBody: body, ...operation },
  });
  const model = buildModel(spec, "openapi.json");
  return idempotencyHeaderOf(/** @type {any} */ (model.operations[0]), configured, "openapi.json");
}

const keyParam = (/** @type {string} */ name) => ({ parameters: [{ name, in: "header", schema: { type: "string" } }] });

describe("idempotency header of an operation", () => {
  it("x-sdk-idempotency-key names the header; true means Idempotency-Key; false opts out of the config", () => {
    expect(headerOf({ "x-sdk-idempotency-key": "X-Dedupe" })).toBe("X-Dedupe");
    expect(headerOf({ "x-sdk-idempotency-key": true })).toBe("Idempotency-Key");
    expect(headerOf({ "x-sdk-idempotency-key": false, ...keyParam("Idempotency-Key") }, "Idempotency-Key")).toBe(
      undefined,
    );
  });

  it("a declared parameter keeps its spelling", () => {
    expect(headerOf({ "x-sdk-idempotency-key": "idempotency-key", ...keyParam("Idempotency-Key") })).toBe(
      "Idempotency-Key",
    );
  });

  it("the config's idempotencyHeader marks operations declaring that header parameter, case-insensitively", () => {
    expect(headerOf(keyParam("idempotency-key"), "Idempotency-Key")).toBe("idempotency-key");
    expect(headerOf({}, "Idempotency-Key")).toBe(undefined);
    expect(headerOf(keyParam("Idempotency-Key"))).toBe(undefined);
  });

  it.each([["has space"], [""], [42]])("refuses %j with the pointer", (value) => {
    expect(() => headerOf({ "x-sdk-idempotency-key": value })).toThrow(
      /#\/paths\/~1orders\/post\/x-sdk-idempotency-key: must be an HTTP header name/,
    );
  });
});
