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

describe("errors", () => {
  it("name themselves after their class", () => {
    expect(new SpecError("x").name).toBe("SpecError");
    expect(new UsageError("x").name).toBe("UsageError");
    class PluginError extends ToolError {}
    expect(new PluginError("x").name).toBe("PluginError");
    expect(new PluginError("x")).toBeInstanceOf(ToolError);
  });

  it("exit 2 with usage for a bad command line, 1 for a tool error or a bug", () => {
    /** @type {unknown[]} */
    const printed = [];
    const original = console.error;
    console.error = (/** @type {unknown} */ value) => printed.push(value);
    try {
      expect(reportCliError(new UsageError("bad flag"), { name: "tool", usage: "Usage: tool" })).toBe(2);
      expect(reportCliError(new SpecError("broken", { file: "a.yaml", line: 3 }), { name: "tool" })).toBe(1);
      expect(reportCliError(new Error("bug"), { name: "tool" })).toBe(1);
    } finally {
      console.error = original;
    }
    expect(printed[0]).toBe("tool: bad flag\n\nUsage: tool");
    expect(printed[1]).toBe("tool: a.yaml:3: broken");
    expect(printed[2]).toBeInstanceOf(Error); // printed whole, stack included: a bug
  });
});
