// @ts-check
// The scaffold writes versions it knows: the toolchain's from the packages installed with it (so
// it must depend on each), the rest from a table that must stay equal to what this repo builds with.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import {
  THIRD_PARTY_VERSIONS,
  TOOLCHAIN_PACKAGES,
  toolchainRange,
  toolchainVersions,
} from "../src/toolchain-versions.js";

const root = new URL("../../../", import.meta.url);
/** @param {string} path */
const readJson = async (path) => JSON.parse(await readFile(new URL(path, root), "utf8"));

describe("toolchain versions", () => {
  it("depends on every toolchain package it writes into a repo, from this workspace", async () => {
    const manifest = await readJson("tools/scaffold/package.json");
    for (const name of TOOLCHAIN_PACKAGES) expect(manifest.dependencies?.[name], name).toBe("workspace:*");
  });

  it("reads each installed toolchain package's own version", async () => {
    const versions = toolchainVersions();
    const codegen = await readJson("tools/codegen/package.json");
    expect(versions["@sdkit/codegen"]).toBe(codegen.version);
    for (const name of TOOLCHAIN_PACKAGES) expect(versions[name], name).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("declares a patch-only range: ~x.y.z", () => {
    expect(toolchainRange("0.3.1")).toBe("~0.3.1");
  });

  it("names the third-party versions this repo builds and tests with", async () => {
    const workspace = YAML.parse(await readFile(new URL("pnpm-workspace.yaml", root), "utf8"));
    const rootManifest = await readJson("package.json");
    const client = await readJson("tools/client-core/package.json").catch(() =>
      readJson("packages/client/package.json"),
    );
    /** @type {Record<string, string>} */
    const here = {
      ...workspace.catalog,
      "@biomejs/biome": rootManifest.devDependencies["@biomejs/biome"],
      turbo: rootManifest.devDependencies.turbo,
      "openapi-fetch":
        client.dependencies?.["openapi-fetch"] ??
        client.peerDependencies?.["openapi-fetch"] ??
        client.devDependencies?.["openapi-fetch"],
    };
    for (const [name, version] of Object.entries(THIRD_PARTY_VERSIONS)) expect(version, name).toBe(here[name]);
  });
});
