// @ts-check
// What a scaffolded repo consists of, without installing anything: the API's own files, manifests
// that name the toolchain through the catalog, and no toolchain source.
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFECTS_FILE } from "@sdkit/codegen";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { defaultSdkConfig } from "../src/sdk-config-defaults.js";
import { repoFiles } from "../src/written-files.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/lantern-bookings.yaml", import.meta.url));
const versions = {
  "@sdkit/bundle": "1.2.3",
  "@sdkit/codegen": "1.2.3",
  "@sdkit/contract": "1.2.3",
  "@sdkit/docs": "1.2.3",
  "@sdkit/mock": "1.2.3",
};

async function lantern() {
  const spec = YAML.parse(await readFile(FIXTURE, "utf8"));
  const { config } = defaultSdkConfig({ spec });
  return { config, files: repoFiles({ config, versions }) };
}

describe("the files of a scaffolded repo", () => {
  it("give `pnpm mock` arguments the installed sdkit-mock accepts", async () => {
    // The script once passed the document as a positional argument, which sdkit-mock refuses.
    const { files } = await lantern();
    const script = JSON.parse(/** @type {string} */ (files.get("package.json"))).scripts.mock;
    const command = /sdkit-mock(?<args>( [^&|;]+)?)$/.exec(script);
    expect(command, script).not.toBeNull();
    const manifest = createRequire(import.meta.url).resolve("@sdkit/mock/package.json");
    const bin = join(dirname(manifest), JSON.parse(await readFile(manifest, "utf8")).bin["sdkit-mock"]);
    const args = (command?.groups?.args ?? "").trim().split(/\s+/).filter(Boolean);
    // --help: the arguments are read (and refused if wrong) before anything starts.
    const run = spawnSync(process.execPath, [bin, ...args, "--help"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("hold no toolchain code: the only code files are two one-line entries, the type index, the samples' env types and five configs", async () => {
    const { files } = await lantern();
    const code = [...files.keys()].filter((path) => /\.(c|m)?[jt]s$/.test(path)).sort();
    expect(code).toEqual([
      "packages/cli/tsdown.config.ts",
      "packages/client/src/index.ts",
      "packages/client/tsdown.config.ts",
      "packages/contract-tests/vitest.config.ts",
      "packages/docs/sample-env.d.ts",
      "packages/mcp/tsdown.config.ts",
      "packages/types/src/index.ts",
      "packages/types/tsdown.config.ts",
    ]);
    expect(files.get("packages/client/src/index.ts")).toMatch(/^export \* from "\.\/generated\/index\.js";$/m);
  });

  it("give the docs type check an input of its own, so a document with no operations (no samples) still checks", () => {
    const { config } = defaultSdkConfig({
      spec: { openapi: "3.0.3", info: { title: "Empty", version: "1" }, paths: {} },
    });
    const files = repoFiles({ config, versions });
    const tsconfig = JSON.parse(/** @type {string} */ (files.get("packages/docs/tsconfig.json")));
    const written = tsconfig.include.filter((/** @type {string} */ path) => files.has(`packages/docs/${path}`));
    expect(written).toEqual(["sample-env.d.ts"]);
    expect(files.get("packages/docs/sample-env.d.ts")).toContain(`readonly ${config.env.apiKey}?: string;`);
  });

  it("include the command-line package, named from the config and built from the generated entry", async () => {
    const { config, files } = await lantern();
    expect(config.packages.cli).toBe("@lantern-bookings/cli");
    expect(config.cli?.bin).toBe("lantern-bookings");
    const manifest = JSON.parse(/** @type {string} */ (files.get("packages/cli/package.json")));
    expect(manifest.name).toBe(config.packages.cli);
    expect(manifest.bin).toEqual({ [config.cli?.bin ?? ""]: "./dist/bin.mjs" });
    expect(manifest.dependencies).toEqual({ [config.packages.client]: "workspace:*" });
    expect(manifest.scripts.generate).toMatch(/^openapi-codegen cli .*--sdk-config \.\.\/\.\.\/sdk\.config\.json/);
    expect(files.get("packages/cli/tsdown.config.ts")).toContain('"src/generated/bin.ts"');
    const renamed = repoFiles({
      config: { ...config, packages: { ...config.packages, cli: "@lantern-bookings/tool" }, cli: { bin: "lb" } },
      versions,
    });
    expect(JSON.parse(/** @type {string} */ (renamed.get("packages/cli/package.json")))).toMatchObject({
      name: "@lantern-bookings/tool",
      bin: { lb: "./dist/bin.mjs" },
    });
  });

  it("include the MCP server package, named from the config, on the client and the official MCP SDK", async () => {
    const { config, files } = await lantern();
    expect(config.packages.mcp).toBe("@lantern-bookings/mcp");
    expect(config.mcp?.bin).toBe("lantern-bookings-mcp");
    const manifest = JSON.parse(/** @type {string} */ (files.get("packages/mcp/package.json")));
    expect(manifest.name).toBe(config.packages.mcp);
    expect(manifest.bin).toEqual({ "lantern-bookings-mcp": "./dist/bin.mjs" });
    expect(manifest.dependencies).toEqual({
      [config.packages.client]: "workspace:*",
      "@modelcontextprotocol/sdk": "catalog:",
      zod: "catalog:",
    });
    expect(manifest.scripts.generate).toMatch(/^openapi-codegen mcp .*--sdk-config \.\.\/\.\.\/sdk\.config\.json/);
    expect(files.get("packages/mcp/tsdown.config.ts")).toContain('"src/generated/bin.ts"');
    expect(files.get(".changeset/first-release.md")).toContain('"@lantern-bookings/mcp": minor');
    expect(files.get("README.md")).toContain("`lantern-bookings-mcp` MCP server");
    const renamed = repoFiles({
      config: { ...config, packages: { ...config.packages, mcp: "@lantern-bookings/agent" }, mcp: { bin: "lb-agent" } },
      versions,
    });
    expect(JSON.parse(/** @type {string} */ (renamed.get("packages/mcp/package.json")))).toMatchObject({
      name: "@lantern-bookings/agent",
      bin: { "lb-agent": "./dist/bin.mjs" },
    });
  });

  it("list the toolchain once, as ~ ranges in the catalog, and every manifest refers to it", async () => {
    const { files } = await lantern();
    const workspace = YAML.parse(/** @type {string} */ (files.get("pnpm-workspace.yaml")));
    for (const name of Object.keys(versions)) expect(workspace.catalog[name], name).toBe("~1.2.3");
    for (const [path, text] of files) {
      if (!path.endsWith("package.json")) continue;
      const manifest = JSON.parse(text);
      for (const field of ["dependencies", "devDependencies"]) {
        for (const [name, range] of Object.entries(manifest[field] ?? {})) {
          expect(range === "catalog:" || range === "workspace:*", `${path}: ${name}@${range}`).toBe(true);
          if (range === "catalog:") expect(workspace.catalog[name], `${path}: ${name}`).toBeDefined();
        }
      }
    }
  });

  it("are named after the API: no word of the toolchain's first user", async () => {
    const { config, files } = await lantern();
    expect(config.client.factory).toBe("createLanternBookingsClient");
    for (const [path, text] of files) expect(text, path).not.toMatch(/hatch|usehatchapp|\bcontacts?\b/i);
  });

  it("tell the README's reader how to upgrade the toolchain without editing a file", async () => {
    const { files } = await lantern();
    const readme = /** @type {string} */ (files.get("README.md"));
    expect(readme).toContain('pnpm -r up --no-save "@sdkit/*" && pnpm build');
    expect(readme).toContain("pnpm install --frozen-lockfile && pnpm build");
    expect(readme).toContain("pnpm lint && pnpm test");
  });

  it("explain the document's defects in one place: the generated list beside the contract bindings, fixed by overlays", async () => {
    const { files } = await lantern();
    const readme = /** @type {string} */ (files.get("README.md"));
    // The path the README names is where the contract package's build writes the list.
    const contract = JSON.parse(/** @type {string} */ (files.get("packages/contract-tests/package.json")));
    const out = /--out (\S+)/.exec(contract.scripts.generate)?.[1];
    expect(out).toBeDefined();
    expect(readme).toContain(`\`packages/contract-tests/${out}/${DEFECTS_FILE}\``);
    expect(readme).toContain("`spec/overlays/`");
    expect(readme).toContain("`waived: document defect at <pointer>: <reason>`");
    // No second, hand-maintained list of defects beside it.
    expect([...files.keys()].filter((path) => /defect/i.test(path))).toEqual([]);
    expect(readme).not.toContain("led nowhere");
  });

  it("list the references the scaffold dropped, which the generated list cannot know of", async () => {
    const { config } = await lantern();
    const dropped = [
      { pointer: "/components/schemas/Gone", ref: "#/components/schemas/Nope", reason: "the $ref leads nowhere" },
    ];
    const readme = /** @type {string} */ (repoFiles({ config, versions, dropped }).get("README.md"));
    expect(readme).toContain("dropped 1 reference(s) that led nowhere");
    expect(readme).toContain("| `#/components/schemas/Gone` | `#/components/schemas/Nope` |");
  });
});
