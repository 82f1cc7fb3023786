// @ts-check
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSpecFile } from "../src/index.js";

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
