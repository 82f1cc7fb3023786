import { spawnSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySamples, packageDir, scratchDir, specPath } from "./helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await scratchDir("cli");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, [join(packageDir, "src", "cli", script), ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("inject-code-samples CLI", () => {
  it("writes the docs bundle for the spec it is given", async () => {
    const out = join(dir, "docs-bundle.json");
    const { status, stdout } = run("inject-code-samples.js", ["--spec", specPath, "--out", out]);
    expect(status).toBe(0);
    expect(stdout).toContain(out);
    const bundle = JSON.parse(await readFile(out, "utf8"));
    expect(bundle.paths["/v1/contacts"].put["x-codeSamples"][0].source).toContain('hatch.PUT("/v1/contacts"');
  });

  it("exits 1 with the problem and keeps the previous output when a sample names an unknown operation", async () => {
    const out = join(dir, "kept.json");
    await writeFile(out, "previous");
    const samples = await copySamples("cli");
    await writeFile(join(samples, "archiveContact.ts"), "export {};\n");
    const { status, stderr } = run("inject-code-samples.js", ["--spec", specPath, "--out", out, "--samples", samples]);
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /^inject-code-samples: Code samples do not match the spec:\n- .*archiveContact\.ts: names operation "archiveContact"/,
    );
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace for an input problem
    expect(await readFile(out, "utf8")).toBe("previous");
    await rm(join(samples, ".."), { recursive: true, force: true });
  });

  it("explains its usage when --spec or --out is missing", () => {
    const { status, stderr } = run("inject-code-samples.js", ["--spec", specPath]);
    expect(status).toBe(2);
    expect(stderr).toContain("usage: inject-code-samples --spec <openapi.json> --out <file>");
  });
});

describe("build-site CLI", () => {
  it("exits 1 naming the spec when it cannot be read", () => {
    const { status, stderr } = run("build-site.js", ["--spec", join(dir, "absent.json"), "--out", join(dir, "site")]);
    expect(status).toBe(1);
    expect(stderr).toContain(`build-site: Cannot read the bundled spec ${join(dir, "absent.json")}`);
  });
});

describe("preview CLI", () => {
  it("refuses a port that is not a number", () => {
    const { status, stderr } = run("preview.js", ["--port", "eighty"]);
    expect(status).toBe(2);
    expect(stderr).toContain('--port must be a port number (0-65535), got "eighty"');
  });

  it("says to build first when the folder has no site", () => {
    const { status, stderr } = run("preview.js", ["--dir", dir, "--port", "0"]);
    expect(status).toBe(1);
    expect(stderr).toContain("has no index.html: build the site first");
  });
});
