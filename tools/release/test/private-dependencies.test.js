// @ts-check
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { assertNoPrivateDependencies, privateDependencyLeaks, workspacePackages } from "../src/private-dependencies.js";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));

/** @type {string[]} */
const made = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** @param {Record<string, Record<string, unknown>>} manifests folder → package.json */
function workspace(manifests) {
  const root = mkdtempSync(join(tmpdir(), "private-deps-"));
  made.push(root);
  writeFileSync(join(root, "pnpm-workspace.yaml"), 'packages:\n  - "libs/*"\n  - app # the app\n');
  for (const [dir, manifest] of Object.entries(manifests)) {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, "package.json"), JSON.stringify(manifest));
  }
  return root;
}

describe("published packages never depend on private workspace packages", () => {
  it("holds for this repository's workspace", async () => {
    const packages = await workspacePackages(REPO);
    // The walk found the workspace, private and published packages alike.
    expect(packages.some((item) => item.manifest.private)).toBe(true);
    expect(packages.some((item) => !item.manifest.private)).toBe(true);
    expect(await privateDependencyLeaks(REPO)).toEqual([]);
  });

  it("names each leak (package, field, private dependency) and refuses the release", async () => {
    const root = workspace({
      "libs/helpers": { name: "@acme/helpers", private: true },
      "libs/sdk": {
        name: "@acme/sdk",
        dependencies: { "@acme/helpers": "workspace:*" },
        devDependencies: { "@acme/helpers": "workspace:*" },
      },
      app: { name: "@acme/app", peerDependencies: { "@acme/helpers": "*", "@acme/sdk": "*" } },
    });
    expect(await privateDependencyLeaks(root)).toEqual([
      "libs/sdk/package.json: @acme/sdk dependencies → @acme/helpers (private)",
      "app/package.json: @acme/app peerDependencies → @acme/helpers (private)",
    ]);
    await expect(assertNoPrivateDependencies(root)).rejects.toMatchObject({
      step: "private dependencies",
      message: expect.stringContaining("Move each to devDependencies"),
    });
  });

  it("allows private packages as devDependencies", async () => {
    const root = workspace({
      "libs/helpers": { name: "@acme/helpers", private: true },
      "libs/sdk": { name: "@acme/sdk", devDependencies: { "@acme/helpers": "workspace:*" } },
    });
    expect(await privateDependencyLeaks(root)).toEqual([]);
  });
});
