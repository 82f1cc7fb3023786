// @ts-check
// GitHub's description (~1,000 operations) made the MCP server's tools.ts fail to compile: one
// literal array of every tool made tsc build the union of all their types, and stop with TS2590
// ("Expression produces a union type that is too complex to represent"). Each tool is now a
// constant of its own, annotated with ToolSpec, so each literal is checked alone.
import { describe, expect, it } from "vitest";
import { buildModel } from "../src/model.js";
import { mcpTarget } from "../src/targets/mcp.js";
import { acmeConfig, typeErrors } from "./helpers.js";
import { manyOperations } from "./many-operations.js";

const COUNT = 2000;

const config = acmeConfig;

describe(`the mcp target on a document of ${COUNT} operations`, () => {
  const spec = manyOperations(COUNT);
  const files = mcpTarget({ spec, model: buildModel(spec, "many.json"), header: "g", config: config(), version: "1" });
  const tools = /** @type {string} */ (files.get("tools.ts"));

  it("writes one ToolSpec constant per operation and lists them all in TOOLS, in order", () => {
    expect(tools.match(/^const tool\d+: ToolSpec = \{$/gm)).toHaveLength(COUNT);
    const list = tools.slice(tools.indexOf("export const TOOLS"));
    expect(list.match(/^ {2}tool\d+,$/gm)).toEqual(Array.from({ length: COUNT }, (_, i) => `  tool${i},`));
  });

  // The check that failed before: tools.ts with its one import, type-checked in memory (strict).
  it("type-checks without errors (no TS2590)", { timeout: 120_000 }, async () => {
    const errors = await typeErrors(
      new Map([
        ["tools.ts", tools],
        ["runtime/tool-spec.ts", /** @type {string} */ (files.get("runtime/tool-spec.ts"))],
      ]),
    );
    expect(errors).toEqual([]);
  });
});
