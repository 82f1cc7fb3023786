// @ts-check
// Prism refuses a request whose path, query or header values break their schemas (422): the
// contract bindings must send values within each parameter's bounds, and an operation for which
// none can be built is waived with a reason, never sent to fail.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conformsTo } from "../src/example-check.js";
import { renderTarget } from "../src/generate.js";
import { buildModel } from "../src/model.js";
import { parameterWaiver } from "../src/targets/contract-waivers.js";
import { requestExample } from "../src/targets/samples.js";
import { CONTRACT_OPTIONS } from "./helpers.js";

const fixture = () => JSON.parse(readFileSync(new URL("./fixtures/parameter-bounds.json", import.meta.url), "utf8"));

/** @param {string} operationId */
function exampleOf(operationId) {
  const spec = fixture();
  const m = /** @type {import("../src/model.js").OperationModel} */ (buildModel(spec).byId.get(operationId));
  return { spec, m, example: requestExample(spec, m) };
}

describe("parameter values of the example request", () => {
  it("match a pattern within minLength and maxLength, not just the pattern's shortest match", () => {
    const { example } = exampleOf("acceptConnection");
    const id = String(example.path.ConnectionId);
    expect(id).toMatch(/[a-z][a-z0-9-]+/);
    expect(id.length).toBeGreaterThanOrEqual(10);
    expect(id.length).toBeLessThanOrEqual(256);
  });

  it("leave out a document example that breaks minLength", () => {
    const { example } = exampleOf("acceptConnection");
    expect(example.query.note).not.toBe("ab");
    expect(String(example.query.note).length).toBeGreaterThanOrEqual(5);
  });

  it("keep numbers within exclusive bounds and on their multipleOf", () => {
    const { example } = exampleOf("acceptConnection");
    expect(example.query.limit).toBe(8);
    expect(example.query.below).toBeLessThanOrEqual(-3);
  });

  it("take an enum's value and a pattern the `u` flag refuses (`[\\w\\-]`)", () => {
    const { example } = exampleOf("acceptConnection");
    expect(example.headers["X-Mode"]).toBe("fast");
    expect(String(example.query.tag)).toMatch(/^[\w-]{3,}$/);
  });

  it("need no waiver when every value fits", () => {
    const { spec, m, example } = exampleOf("acceptConnection");
    expect(parameterWaiver(spec, m, example)).toBeUndefined();
  });
});

describe("an operation whose parameter bounds leave no value", () => {
  it("is waived with a reason naming the parameter and its bounds", () => {
    const { spec, m, example } = exampleOf("getCode");
    expect(parameterWaiver(spec, m, example)).toBe(
      'no value of the path parameter code satisfies its schema (pattern "^[A-Z]{3}$", maxLength 2), so Prism would refuse every request',
    );
  });

  it("carries the waiver in its contract binding; the others carry none", async () => {
    const files = await renderTarget("contract", fixture(), CONTRACT_OPTIONS);
    const operations = String(files.get("operations.ts"));
    const entries = operations.split(/\n {2}\{\n/).slice(1);
    const getCode = entries.find((entry) => entry.includes('operationId: "getCode"'));
    const accept = entries.find((entry) => entry.includes('operationId: "acceptConnection"'));
    expect(getCode).toContain('waived: "no value of the path parameter code satisfies its schema');
    expect(accept).toBeDefined();
    expect(accept).not.toContain("waived:");
  });
});

describe("a pattern only the `u` flag refuses", () => {
  it("is still checked (without the flag), not taken to accept everything", () => {
    const schema = { type: "string", pattern: "^[\\w\\-]+$" };
    expect(conformsTo({}, schema, "a-b_1")).toBe(true);
    expect(conformsTo({}, schema, "a b")).toBe(false);
  });

  it("makes a binding whose value breaks it waived", () => {
    const spec = fixture();
    const tag = spec.paths["/connections/{ConnectionId}/accept"].put.parameters.find(
      (/** @type {{ name: string }} */ param) => param.name === "tag",
    );
    tag.example = "has spaces";
    tag.schema.maxLength = 2;
    const m = /** @type {import("../src/model.js").OperationModel} */ (buildModel(spec).byId.get("acceptConnection"));
    expect(parameterWaiver(spec, m, requestExample(spec, m))).toMatch(/^no value of the query parameter tag satisfies/);
  });
});
