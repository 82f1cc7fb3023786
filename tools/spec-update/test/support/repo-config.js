// @ts-check
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The config files that name a repo-shaped test folder's packages (as this repository names them),
 * for tests that build such a folder by hand instead of copying the repository.
 *
 * @param {string} root
 */
export function writeRepoConfig(root) {
  const write = (/** @type {string} */ path, /** @type {unknown} */ value) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), typeof value === "string" ? value : JSON.stringify(value));
  };
  write("pnpm-workspace.yaml", "packages:\n  - spec\n  - packages/*\n");
  write("sdk.config.json", { packages: { types: "@hatch-api/types", client: "@hatch-api/client" } });
  write("spec/package.json", { name: "@hatch-api/spec", private: true });
  write("packages/types/package.json", { name: "@hatch-api/types", version: "1.0.0" });
  write("packages/client/package.json", { name: "@hatch-api/client", version: "1.0.0" });
}
