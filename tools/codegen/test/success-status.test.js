// @ts-check
// The success suite calls each operation without asking for a status, and Prism answers with the
// lowest 2xx declared, else `default` as 200. An operation that declares only `default` (a common
// way to write "the answer") had no success test, and a document of nothing else got a success
// entry that registered no test: vitest fails such a file ("No test suite found").
import { describe, expect, it } from "vitest";
import { renderTarget } from "../src/generate.js";
import { successStatusOf } from "../src/index.js";
import { CONTRACT_OPTIONS, tinySpec } from "./helpers.js";

describe("successStatusOf", () => {
  it("is the lowest 2xx, an exact code before the range", () => {
    expect(successStatusOf({ statuses: ["404", "202", "201", "default"] })).toEqual({ declared: "201", status: 201 });
    expect(successStatusOf({ statuses: ["2XX", "204"] })).toEqual({ declared: "204", status: 204 });
    expect(successStatusOf({ statuses: ["2XX", "400"] })).toEqual({ declared: "2XX", status: 200 });
  });

  it("is `default`, answered as 200, when no 2xx is declared", () => {
    expect(successStatusOf({ statuses: ["400", "default"] })).toEqual({ declared: "default", status: 200 });
  });

  it("is undefined when neither is declared (redirects and errors only)", () => {
    expect(successStatusOf({ statuses: ["302", "404"] })).toBeUndefined();
    expect(successStatusOf({ statuses: [] })).toBeUndefined();
  });
});

describe("the success suite's entry", () => {
  const body = { description: "an answer", content: { "application/json": { schema: { type: "object" } } } };

  /** @param {Record<string, unknown>} responses of the one operation */
  async function entries(responses) {
    const spec = tinySpec({ "GET /nutrition": { operationId: "getNutrition", tags: ["nutrition"], responses } });
    const files = await renderTarget("contract", spec, CONTRACT_OPTIONS);
    return [...files.keys()].filter((name) => name.endsWith(".test.ts"));
  }

  it("is written for an operation whose only response is `default`", async () => {
    expect(await entries({ default: body })).toContain("success.test.ts");
  });

  it("is left out when no operation has a success status, so no entry registers no test", async () => {
    const files = await entries({ 302: { description: "moved" }, 404: body });
    expect(files).not.toContain("success.test.ts");
    expect(files).toContain("declared-statuses.test.ts");
  });

  it("is left out, as the declared-statuses one, for operations that declare no response", async () => {
    const files = await entries({});
    expect(files).not.toContain("success.test.ts");
    expect(files).not.toContain("declared-statuses.test.ts");
    expect(files).toContain("coverage-gate.test.ts");
  });
});
