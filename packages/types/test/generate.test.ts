import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { defaultInputPath, GENERATED_HEADER, generateTypes } from "../scripts/generate.js";

const script = fileURLToPath(new URL("../scripts/generate.js", import.meta.url));

function runGenerate(args: string[]) {
  return spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "hatch-types-generate-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("generate", () => {
  test("defaults to the spec bundle that @hatch-api/spec exports", () => {
    expect(defaultInputPath().replaceAll("\\", "/")).toMatch(/spec\/dist\/openapi\.json$/);
  });

  test("writes the header and the types for every operation of the bundled spec", async () => {
    const output = join(dir, "nested", "openapi.ts");
    const result = await generateTypes({ output });
    const text = await readFile(output, "utf8");
    expect(text.startsWith(GENERATED_HEADER)).toBe(true);
    expect(text).toMatch(/Do not edit it by hand/);
    expect(text).toContain("export interface paths");
    expect(text).toContain('"/v1/contacts"');
    expect(text).toContain("upsertContact: {");
    expect(text).toContain("putContact: {");
    expect(result.bytes).toBe(Buffer.byteLength(text));
  });

  test("follows the input and output given on the command line", async () => {
    const input = join(dir, "tiny.json");
    const output = join(dir, "tiny.ts");
    const spec = {
      openapi: "3.0.3",
      info: { title: "tiny", version: "1" },
      paths: { "/ping": { get: { operationId: "ping", responses: { 204: { description: "pong" } } } } },
    };
    await writeFile(input, JSON.stringify(spec));
    const run = runGenerate(["--input", input, "--output", output]);
    expect(run.status, run.stderr).toBe(0);
    const text = await readFile(output, "utf8");
    expect(text).toContain('"/ping"');
    expect(text).not.toContain("/v1/contacts");
  });

  describe("bad input", () => {
    const previous = "// the last good output\n";
    const cases: Array<[string, string, RegExp]> = [
      ["not JSON", "{ openapi: 3", /is not valid JSON/],
      ["not an object", "[1, 2]", /must hold an OpenAPI document/],
      ["Swagger 2", JSON.stringify({ swagger: "2.0", paths: {} }), /\/openapi must be a 3\.x version/],
      [
        "no paths",
        JSON.stringify({ openapi: "3.0.3", info: { title: "x", version: "1" } }),
        /\/paths must be an object/,
      ],
      [
        "a dangling $ref",
        JSON.stringify({
          openapi: "3.0.3",
          info: { title: "x", version: "1" },
          paths: { "/a": { get: { responses: { 200: { $ref: "#/components/responses/Missing" } } } } },
        }),
        /openapi-typescript failed: .*\$ref/,
      ],
    ];

    test.each(cases)("%s: names the file, exits non-zero, keeps the previous output", async (_name, body, reason) => {
      const input = join(dir, "broken.json");
      const output = join(dir, "openapi.ts");
      await writeFile(input, body);
      await writeFile(output, previous);
      const run = runGenerate(["--input", input, "--output", output]);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(input);
      expect(run.stderr).toMatch(reason);
      expect(await readFile(output, "utf8")).toBe(previous);
    });

    test("a missing input file names the file", async () => {
      const input = join(dir, "does-not-exist.json");
      const run = runGenerate(["--input", input, "--output", join(dir, "out.ts")]);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(input);
      expect(run.stderr).toMatch(/cannot read the OpenAPI document/);
    });
  });
});
