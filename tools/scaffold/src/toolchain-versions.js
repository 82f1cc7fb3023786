// @ts-check
// Which versions a scaffolded repo depends on: the toolchain's own packages at the versions this
// scaffold was released with (it depends on each of them, so they are installed next to it), and
// the third-party tools its config files name directly, at the versions the toolchain is built and
// tested with here (test/toolchain-versions.test.js keeps them equal to this repo's).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ToolError } from "@sdkit/cli-kit";

/** The toolchain packages a scaffolded repo installs (the client core comes with @sdkit/codegen). */
export const TOOLCHAIN_PACKAGES = Object.freeze([
  "@sdkit/bundle",
  "@sdkit/codegen",
  "@sdkit/contract",
  "@sdkit/docs",
  "@sdkit/mock",
]);

/**
 * Third-party packages the scaffolded repo's own files use: its root scripts (turbo, Biome,
 * changesets), its packages' builds and checks (tsdown, TypeScript, publint, attw, vitest for the
 * contract tests) and the client's one runtime dependency, openapi-fetch. Exact versions: the
 * lockfile holds them anyway, and a team moves them on purpose.
 */
export const THIRD_PARTY_VERSIONS = Object.freeze({
  "@arethetypeswrong/cli": "0.18.5",
  "@biomejs/biome": "2.6.8",
  "@changesets/cli": "2.31.1",
  "@modelcontextprotocol/sdk": "1.32.2",
  "@types/node": "20.19.43",
  "openapi-fetch": "0.17.0",
  publint: "0.3.25",
  tsdown: "0.21.10",
  turbo: "2.11.11",
  typescript: "5.9.3",
  vitest: "4.1.12",
  zod: "4.6.7",
});

/** The pnpm the scaffolded repo pins (`packageManager`). */
export const PNPM_VERSION = "12.4.2";

/**
 * The range a scaffolded repo declares for a toolchain package: `~x.y.z`, any later patch of the
 * same minor. `pnpm up` then delivers a patch release (a fix to the generators, the client core,
 * the mock or the harness) with no file edited; a minor or major, which may change the generated
 * SDK's surface, is taken on purpose with `pnpm up --latest`. The exact release is in the lockfile.
 *
 * @param {string} version
 */
export function toolchainRange(version) {
  return `~${version}`;
}

/**
 * The installed version of each toolchain package, found from this module the way Node finds it.
 *
 * @param {readonly string[]} [names]
 * @returns {Record<string, string>}
 */
export function toolchainVersions(names = TOOLCHAIN_PACKAGES) {
  /** @type {Record<string, string>} */
  const versions = {};
  for (const name of names) versions[name] = installedVersion(name);
  return versions;
}

/**
 * @param {string} name
 */
function installedVersion(name) {
  let entry;
  try {
    entry = fileURLToPath(import.meta.resolve(name));
  } catch (error) {
    throw new ToolError(
      `${name} is not installed next to the scaffold (${/** @type {Error} */ (error).message}); reinstall @sdkit/scaffold`,
    );
  }
  // The entry point's folder or one of its parents holds the package's manifest.
  for (let dir = dirname(entry); ; dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      if (manifest.name === name) return String(manifest.version);
    } catch {
      // no manifest here: look further up
    }
    if (dirname(dir) === dir) throw new ToolError(`${name}: no package.json above ${entry}`);
  }
}
