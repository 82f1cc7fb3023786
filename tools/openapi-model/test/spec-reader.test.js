// @ts-check
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSpecFile, reportCliError, SpecError, ToolError, UsageError } from "../src/index.js";

/** @type {string} */
let dir;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "spec-reader-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * @param {string} name
 * @param {string | Uint8Array} data
 */
function file(name, data) {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

describe("readSpecFile", () => {
  it("reads JSON and YAML", async () => {
    expect((await readSpecFile(file("a.json", '{"openapi":"3.0.3"}'))).document).toEqual({ openapi: "3.0.3" });
    expect((await readSpecFile(file("a.yaml", "openapi: 3.0.3\n"))).document).toEqual({ openapi: "3.0.3" });
  });

  it("names the file, line and column of a JSON syntax error", async () => {
    const path = file("bad.json", '{\n  "openapi": "3.0.3",\n  "info": }\n');
    await expect(readSpecFile(path, { displayPath: "spec/bad.json" })).rejects.toThrow(
      /^spec\/bad\.json:3:\d+: is not valid JSON/,
    );
  });

  it("names the file and line of a YAML syntax error and of a duplicate key", async () => {
    await expect(readSpecFile(file("bad.yaml", "openapi: 3.0.3\ninfo:\n  title: [unclosed\n"))).rejects.toThrow(
      /bad\.yaml:\d+:\d+: is not valid YAML/,
    );
    await expect(readSpecFile(file("dup.yaml", "openapi: 3.0.3\nopenapi: 3.1.0\n"))).rejects.toThrow(
      /dup\.yaml:2:1: is not valid YAML: duplicated mapping key/,
    );
  });

  it("refuses bytes that are not UTF-8, naming where", async () => {
    const path = file(
      "latin1.yaml",
      Buffer.concat([Buffer.from("openapi: 3.0.3\ninfo:\n  title: Caf"), Buffer.from([0xe9]), Buffer.from("\n")]),
    );
    await expect(readSpecFile(path)).rejects.toThrow(/latin1\.yaml:3:13: is not UTF-8: invalid byte 0xe9/);
  });

  it("stops a YAML alias bomb before it expands", async () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i += 1)
      levels.push(
        `${"abcdefghij"[i]}: &${"abcdefghij"[i]} [${Array(10)
          .fill(`*${"abcdefghij"[i - 1]}`)
          .join(", ")}]`,
      );
    await expect(readSpecFile(file("bomb.yaml", `${levels.join("\n")}\n`))).rejects.toThrow(
      /bomb\.yaml: YAML aliases expand too far/,
    );
  });

  it("refuses a file over the size limit without reading it", async () => {
    await expect(readSpecFile(file("big.json", `{"x":"${"y".repeat(2048)}"}`), { maxBytes: 1024 })).rejects.toThrow(
      /big\.json: 0\.0 MB is over the 0\.0 MB limit.*--max-size-mb/,
    );
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
