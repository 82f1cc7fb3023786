// @ts-check
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const bin = fileURLToPath(new URL("../bin/scaffold.js", import.meta.url));

/** @type {string} */
let work;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "scaffold-cli-"));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** @param {string[]} args */
const run = (args) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

describe("sdkit-scaffold refuses bad input with what and where, and writes nothing", () => {
  it("without --spec or --out: usage, exit 2", () => {
    const result = run(["--spec", "x.json"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("scaffold: --spec and --out are required");
    expect(result.stderr).toContain("usage: sdkit-scaffold");
  });

  it("a Swagger 2.0 document: names the file and the version", async () => {
    const spec = require.resolve("@readme/oas-examples/2.0/json/petstore-minimal.json");
    const out = join(work, "out");
    const result = run(["--spec", spec, "--out", out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${spec}: not an OpenAPI 3.0 or 3.1 document (openapi: "2.0")`);
    expect(await readdir(work)).toEqual([]);
  });

  it("a folder that is not empty is left alone", async () => {
    const spec = require.resolve("@readme/oas-examples/3.0/json/petstore.json");
    const out = join(work, "out");
    await mkdir(out);
    await writeFile(join(out, "keep.txt"), "mine");
    const result = run(["--spec", spec, "--out", out, "--no-lockfile"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("exists and is not empty");
    expect(await readdir(out)).toEqual(["keep.txt"]);
  });

  it("a --name that cannot become package and identifier names", () => {
    const spec = require.resolve("@readme/oas-examples/3.0/json/petstore.json");
    const result = run(["--spec", spec, "--out", join(work, "out"), "--name", "Pet Store"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--name "Pet Store": use lowercase letters, digits and single dashes');
  });

  it("a missing file", () => {
    const result = run(["--spec", join(work, "nope.yaml"), "--out", join(work, "out")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("nope.yaml: cannot read the document (ENOENT)");
  });
});
