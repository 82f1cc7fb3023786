// @ts-check
// The one CLI error handler every node-run tool ends through: what it prints and the exit code.
import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { reportCliError, SpecError, ToolError, UsageError } from "../src/index.js";

class SomeToolError extends ToolError {}

/** @param {unknown} error */
function report(error) {
  /** @type {string[]} */
  const printed = [];
  const code = reportCliError(error, { name: "tool", usage: "usage: tool <x>", print: (text) => printed.push(text) });
  return { code, printed: printed.join("\n") };
}

/** @param {() => unknown} fn */
function thrownBy(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("reportCliError", () => {
  it("a UsageError: the message and the usage, exit 2", () => {
    expect(report(new UsageError("--port must be a number"))).toEqual({
      code: 2,
      printed: "tool: --port must be a number\n\nusage: tool <x>",
    });
  });

  it("a parseArgs error counts as a usage error", () => {
    const error = thrownBy(() => parseArgs({ args: ["--colour"], options: {} }));
    const { code, printed } = report(error);
    expect(code).toBe(2);
    expect(printed).toMatch(/^tool: Unknown option '--colour'/);
    expect(printed).toContain("usage: tool <x>");
  });

  it("any ToolError: its message only, no stack, exit 1", () => {
    for (const error of [new SomeToolError("bad input"), new SpecError("is broken", { file: "a.yaml", line: 3 })]) {
      const { code, printed } = report(error);
      expect(code).toBe(1);
      expect(printed).toBe(`tool: ${error.message}`);
      expect(printed).not.toContain("usage:");
    }
  });

  it("anything else is a bug: its stack, exit 1", () => {
    const { code, printed } = report(new RangeError("oops"));
    expect(code).toBe(1);
    expect(printed).toMatch(/^RangeError: oops\n\s+at /);
  });

  it("error classes name themselves after their class", () => {
    expect([new SomeToolError("x").name, new UsageError("x").name, new SpecError("x").name]).toEqual([
      "SomeToolError",
      "UsageError",
      "SpecError",
    ]);
  });
});
