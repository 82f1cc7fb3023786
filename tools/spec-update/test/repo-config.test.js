// @ts-check
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { changesetText, pendingChangesets } from "../src/changeset.js";
import { readRepoConfig } from "../src/repo-config.js";
import { buildSteps } from "../src/spec-update.js";

/** @type {string[]} */
const made = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A minimal SDK repository of some other API: the package names live only in its config files.
 *
 * @param {{ sdk?: unknown, specName?: string }} [options]
 */
function repoOf({
  sdk = { packages: { types: "@acme/types", client: "@acme/sdk" } },
  specName = "@acme/api-spec",
} = {}) {
  const root = mkdtempSync(join(tmpdir(), "repo-config-"));
  made.push(root);
  const write = (/** @type {string} */ path, /** @type {string} */ text) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("pnpm-workspace.yaml", "packages:\n  - api\n  - libs/*\n");
  write("sdk.config.json", JSON.stringify(sdk));
  write("spec/package.json", JSON.stringify({ name: specName }));
  write("api/package.json", JSON.stringify({ name: specName }));
  write("libs/model/package.json", JSON.stringify({ name: "@acme/types", version: "2.3.0" }));
  write("libs/sdk/package.json", JSON.stringify({ name: "@acme/sdk", version: "2.3.0" }));
  return root;
}

describe("the repository's package names, read from its config", () => {
  it("takes the public packages from sdk.config.json and the spec package from spec/package.json", async () => {
    const config = await readRepoConfig(repoOf());
    expect(config).toEqual({
      publicPackages: ["@acme/types", "@acme/sdk"],
      specPackage: "@acme/api-spec",
      typesDir: "libs/model",
      clientTypes: { "@acme/sdk": "libs/sdk/dist/index.d.ts" },
    });
  });

  it("writes and reads changesets for those packages, and filters the tests to what depends on the spec", async () => {
    const root = repoOf();
    const { publicPackages, specPackage } = await readRepoConfig(root);
    mkdirSync(join(root, ".changeset"));
    writeFileSync(join(root, ".changeset", "one.md"), changesetText("minor", "Summary.", [], publicPackages));
    expect(await pendingChangesets(root)).toEqual([{ name: "one", bump: "minor" }]);
    expect(buildSteps(specPackage).at(-1)?.[1]).toContain("--filter=...@acme/api-spec");
  });

  it("names the file and field when a package is not configured or not in the workspace", async () => {
    await expect(readRepoConfig(repoOf({ sdk: { packages: { types: "@acme/types" } } }))).rejects.toThrow(
      "sdk.config.json: `packages.client` must name a package",
    );
    await expect(
      readRepoConfig(repoOf({ sdk: { packages: { types: "@acme/types", client: "@acme/nope" } } })),
    ).rejects.toThrow("sdk.config.json: no workspace package named @acme/nope");
    await expect(readRepoConfig(repoOf({ specName: "" }))).rejects.toThrow("spec/package.json: `name`");
  });
});
