// @ts-check
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildModel, cliCommands, generate, readSdkConfig } from "@sdkit/codegen";
import { readSpec } from "@sdkit/openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// A test helper of this repository, by path: as a devDependency its name would be in the published manifest.
import { runNode } from "../../test-support/src/exec.js";
import { buildSite, DocsBuildError } from "../src/index.js";

// A site of a document of our own, with a client package of another name: everything API-specific
// on it comes from the document, the SDK config and the repository's files, nothing from here.
const fixtures = fileURLToPath(new URL("fixtures/", import.meta.url));
const spec = join(fixtures, "pets.yaml");
const sdkConfig = join(fixtures, "sdk.config.json");
const cli = fileURLToPath(new URL("../src/cli.js", import.meta.url));
/** @type {string} */
let dir;
/** @type {string} */
let samples;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sdkit-docs-test-"));
  samples = join(dir, "samples");
  await generate("samples", { spec, sdkConfig, out: join(samples, "generated") });
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** @param {string} site @param {string} file */
const read = (site, file) => readFile(join(site, file), "utf8");

describe("sdkit-docs build", () => {
  it("writes the site from the document, the samples and the SDK config, naming only them", async () => {
    const site = join(dir, "site");
    const result = await runNode([
      cli,
      "build",
      "--spec",
      spec,
      "--samples",
      samples,
      "--sdk-config",
      sdkConfig,
      "--out",
      site,
    ]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/Docs site from .*pets\.yaml: \d+ files in /);
    for (const file of ["index.html", "quick-start.html", "reference.html", "changelog.html", "search.html"]) {
      expect(existsSync(join(site, file)), file).toBe(true);
    }
    for (const file of ["index.md", "quick-start.md", "reference.md", "llms.txt", "llms-full.txt"]) {
      expect(existsSync(join(site, file)), file).toBe(true);
    }

    // The default quick start: the configured package, its key variable, the first operation's sample.
    const quickStart = await read(site, "quick-start.md");
    expect(quickStart).toContain("npm install @acme/petstore");
    expect(quickStart).toContain('export PETSTORE_API_KEY="<your API key>"');
    expect(quickStart).toContain('import { createPetstore } from "@acme/petstore"');
    expect(quickStart).toContain("`POST /pets` (addPet)");
    expect(quickStart).not.toMatch(/generated from .* do not edit/);

    // The guide's sections summarise it; the client package is the configured one.
    const llms = await read(site, "llms.txt");
    expect(llms).toContain("# Petstore docs");
    expect(llms).toContain("The TypeScript client is `@acme/petstore`.");
    expect(llms).toContain("(index.md): API keys, errors");
    expect(llms).toContain("(quick-start.md): install, keep your API key in the environment, make a first call");
    expect(await read(site, "reference.md")).toContain("New here? Read the [guide](index.md) first (API keys, errors)");
    expect(await read(site, "index.html")).toContain("a first call to the API with <code>@acme/petstore</code>");

    // The config has cli and mcp sections: a page for each, linked from the guide and llms.txt.
    const document = await readSpec(spec);
    const cliPage = await read(site, "cli.md");
    for (const command of cliCommands(document, buildModel(document))) {
      expect(cliPage).toContain(`### \`pets ${command.resource} ${command.command}\``);
      expect(cliPage).toMatch(new RegExp(`\`\`\`sh\\npets ${command.resource} ${command.command}( |\\n)`));
    }
    expect(cliPage).toContain("| `PETSTORE_API_KEY` |");
    expect(cliPage).toContain("| 4 | 400 (BadRequestError) or 422 (ValidationError)");
    const mcpPage = await read(site, "mcp.md");
    const snippet = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(mcpPage)?.[1] ?? "null");
    expect(snippet).toEqual({
      mcpServers: {
        petstore: { command: "npx", args: ["-y", "@acme/mcp"], env: { PETSTORE_API_KEY: "<your API key>" } },
      },
    });
    expect(mcpPage).toContain("### `pets_add`");
    expect(mcpPage).not.toContain("pets_list"); // excluded in the config
    expect(mcpPage).toContain("Annotations: not idempotent.");
    const guideHtml = await read(site, "index.html");
    expect(guideHtml).toContain('href="cli.html"');
    expect(guideHtml).toContain('href="mcp.html"');
    expect(await read(site, "cli.html")).toMatch(/<h1[^>]*>.*The <code>pets<\/code> command.*<\/h1>/);
    expect(llms).toContain("[The pets-mcp MCP server](mcp.md): registering the MCP server");
    expect((await readSdkConfig(sdkConfig)).mcp).toBeDefined();

    for (const file of [
      "index.md",
      "quick-start.md",
      "reference.md",
      "cli.md",
      "mcp.md",
      "llms-full.txt",
      "index.html",
      "quick-start.html",
    ]) {
      expect(await read(site, file), file).not.toMatch(/hatch|contact/i);
    }
  });

  it("without an SDK config, names no client package and starts with the curl sample", async () => {
    const site = join(dir, "plain");
    await buildSite({ specPath: spec, outDir: site, samplesDir: samples });
    const quickStart = await read(site, "quick-start.md");
    expect(quickStart).not.toContain("npm install");
    expect(quickStart).toContain('curl --request POST "https://pets.example.com/api/pets"');
    expect(await read(site, "llms.txt")).not.toContain("TypeScript client is");
    for (const file of ["cli.html", "mcp.html", "cli.md", "mcp.md"])
      expect(existsSync(join(site, file)), file).toBe(false);
  });

  it("a quick start of the repository's own, with includes relative to it; a missing include fails by name", async () => {
    const content = join(dir, "content");
    await generate("samples", { spec, sdkConfig, out: join(content, "snippets") });
    const quickStartPath = join(dir, "quick-start.md");
    await writeFile(quickStartPath, "# Start here\n\n## Call it\n\n<!-- include: content/snippets/listPets.ts -->\n");
    const site = join(dir, "own");
    await buildSite({ specPath: spec, outDir: site, samplesDir: samples, quickStartPath });
    expect(await read(site, "quick-start.md")).toContain("await petstore.pets.list()");

    await writeFile(quickStartPath, "# Start here\n\n<!-- include: content/none.ts -->\n");
    const failed = buildSite({ specPath: spec, outDir: join(dir, "bad"), samplesDir: samples, quickStartPath });
    await expect(failed).rejects.toThrow(DocsBuildError);
    await expect(failed).rejects.toThrow('"<!-- include: content/none.ts -->" names a file that does not exist');
    expect(existsSync(join(dir, "bad"))).toBe(false);
  });
});

describe("the CLI refuses bad input with a usage error", () => {
  it.each([
    [["build", "--samples", "x"], "build needs --spec and --samples"],
    [
      ["build", "--spec", "x", "--samples", "y", "--changelog", "no-equals"],
      '--changelog takes <package name>=<file>, got "no-equals"',
    ],
    [["publish"], 'unknown command "publish"'],
    [["preview", "--port", "eighty"], '--port must be a port number (0-65535), got "eighty"'],
  ])("%j", async (args, message) => {
    const result = await runNode([cli, ...args]);
    expect(result.code).toBe(2);
    expect(result.output).toContain(message);
    expect(result.output).toContain("usage: sdkit-docs <command>");
  });

  it("preview of a folder without a site names it and exits 1", async () => {
    const result = await runNode([cli, "preview", "--dir", join(dir, "nothing")]);
    expect(result.code).toBe(1);
    expect(result.output).toContain("has no index.html: build the site first (sdkit-docs build)");
  });
});
