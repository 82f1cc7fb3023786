// @ts-check
// The contract target writes an entry for a suite of @sdkit/contract only where the document gives
// it something to check: an entry that registers no test is an empty file, which vitest fails.
import { describe, expect, it } from "vitest";
import { renderTarget } from "../src/generate.js";
import { CONTRACT_OPTIONS } from "./helpers.js";

/**
 * @param {string[]} statuses the responses of `POST /notes`, whose body requires `text`
 * @param {{ root?: unknown[], own?: unknown[] }} [security] the root's and the operation's `security`
 */
function document(statuses, security = { root: [{ key: [] }] }) {
  const answer = { description: "an answer", content: { "application/json": { schema: { type: "object" } } } };
  return {
    openapi: "3.0.3",
    info: { title: "Notes", version: "1.0.0" },
    ...(security.root ? { security: security.root } : {}),
    components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } },
    paths: {
      "/notes": {
        post: {
          operationId: "createNote",
          tags: ["notes"],
          ...(security.own ? { security: security.own } : {}),
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { type: "object", required: ["text"], properties: { text: { type: "string" } } },
              },
            },
          },
          responses: Object.fromEntries(["201", ...statuses].map((status) => [status, answer])),
        },
      },
    },
  };
}

/** @param {string[]} statuses @param {{ root?: unknown[], own?: unknown[] }} [security] */
async function suites(statuses, security) {
  const files = await renderTarget("contract", document(statuses, security), CONTRACT_OPTIONS);
  return [...files.keys()].filter((name) => name.endsWith(".test.ts")).sort();
}

describe("contract suite entries", () => {
  it("leaves out the 401, 422 and 429 suites when no operation declares those statuses", async () => {
    expect(await suites([])).toEqual(["coverage-gate.test.ts", "declared-statuses.test.ts", "success.test.ts"]);
  });

  it("writes each of them once an operation declares its status", async () => {
    expect(await suites(["401", "422", "429"])).toEqual([
      "authentication.test.ts",
      "coverage-gate.test.ts",
      "declared-statuses.test.ts",
      "rate-limit.test.ts",
      "success.test.ts",
      "validation.test.ts",
    ]);
    expect(await suites(["429"])).toContain("rate-limit.test.ts");
    expect(await suites(["429"])).not.toContain("validation.test.ts");
  });

  it("leaves out the authentication suite where every operation declaring a 401 accepts anonymous calls", async () => {
    // No security anywhere, `security: []` over the root's, and an optional alternative `{}`.
    expect(await suites(["401"], {})).not.toContain("authentication.test.ts");
    expect(await suites(["401"], { root: [{ key: [] }], own: [] })).not.toContain("authentication.test.ts");
    expect(await suites(["401"], { own: [{ key: [] }, {}] })).not.toContain("authentication.test.ts");
    // The operation's own security refuses anonymous calls even where the root has none.
    expect(await suites(["401"], { own: [{ key: [] }] })).toContain("authentication.test.ts");
  });
});
