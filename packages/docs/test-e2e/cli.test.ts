import { spawnSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySamples, samplesDir, scratchDir, specPath } from "../test/helpers.js";

// sdkit-docs, as this package's scripts run it (its bin, resolved from here).
const cli = join(createRequire(import.meta.url).resolve("@sdkit/docs/package.json"), "..", "src", "cli.js");

let dir: string;
beforeAll(async () => {
  dir = await scratchDir("cli");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(command: string, args: string[]) {
  const result = spawnSync(process.execPath, [cli, command, ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("sdkit-docs bundle", () => {
  it("writes the docs bundle for the spec it is given", async () => {
    const out = join(dir, "docs-bundle.json");
    const { status, stdout } = run("bundle", ["--spec", specPath, "--samples", samplesDir, "--out", out]);
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
    const { status, stderr } = run("bundle", ["--spec", specPath, "--out", out, "--samples", samples]);
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /^sdkit-docs: Code samples do not match the spec:\n- .*archiveContact\.ts: names operation "archiveContact"/,
    );
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace for an input problem
    expect(await readFile(out, "utf8")).toBe("previous");
    await rm(join(samples, ".."), { recursive: true, force: true });
  });

  it("explains its usage when --samples or --out is missing", () => {
    const { status, stderr } = run("bundle", ["--spec", specPath]);
    expect(status).toBe(2);
    expect(stderr).toContain("bundle needs --spec, --samples and --out");
    expect(stderr).toContain("usage: sdkit-docs <command>");
  });
});

describe("sdkit-docs build", () => {
  it("exits 1 naming the spec when it cannot be read", () => {
    const { status, stderr } = run("build", [
      "--spec",
      join(dir, "absent.json"),
      "--samples",
      samplesDir,
      "--out",
      join(dir, "site"),
    ]);
    expect(status).toBe(1);
    expect(stderr).toContain(`sdkit-docs: Cannot read the bundled spec ${join(dir, "absent.json")}`);
  });
});

describe("sdkit-docs preview", () => {
  it("refuses a port that is not a number", () => {
    const { status, stderr } = run("preview", ["--port", "eighty"]);
    expect(status).toBe(2);
    expect(stderr).toContain('--port must be a port number (0-65535), got "eighty"');
  });

  it("says to build first when the folder has no site", () => {
    const { status, stderr } = run("preview", ["--dir", dir, "--port", "0"]);
    expect(status).toBe(1);
    expect(stderr).toContain("has no index.html: build the site first");
  });
});
