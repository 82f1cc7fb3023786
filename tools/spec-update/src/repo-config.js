// @ts-check
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { SpecUpdateError } from "./errors.js";

/** Where the repository names its packages, and where its spec package lives. */
export const CONFIG_FILES = {
  sdk: "sdk.config.json",
  specManifest: "spec/package.json",
  workspace: "pnpm-workspace.yaml",
};

/**
 * @typedef {object} RepoConfig
 * @property {string[]} publicPackages the types and client packages, versioned together
 * @property {string} specPackage the workspace package whose `bundle` task writes the bundled spec
 * @property {string} typesDir repository-relative folder of the types package
 * @property {Record<string, string>} clientTypes the client package → its built declarations (repository-relative)
 */

/**
 * The package names spec:update works with, read from the repository (sdk.config.json's
 * `packages` and spec/package.json's name), so the tool serves any SDK repository.
 *
 * @param {string} root
 * @returns {Promise<RepoConfig>}
 */
export async function readRepoConfig(root) {
  const sdk = await readJson(root, CONFIG_FILES.sdk);
  const spec = await readJson(root, CONFIG_FILES.specManifest);
  const types = sdk.packages?.types;
  const client = sdk.packages?.client;
  for (const [field, value] of [
    ["packages.types", types],
    ["packages.client", client],
  ]) {
    if (typeof value !== "string" || value === "")
      throw new SpecUpdateError(`${CONFIG_FILES.sdk}: \`${field}\` must name a package`, { step: "config" });
  }
  if (typeof spec.name !== "string" || spec.name === "")
    throw new SpecUpdateError(`${CONFIG_FILES.specManifest}: \`name\` must name the spec package`, { step: "config" });
  const dirs = await workspaceDirs(root);
  const typesDir = dirs.get(types);
  const clientDir = dirs.get(client);
  if (!typesDir || !clientDir) {
    const missing = [types, client].filter((name) => !dirs.has(name));
    throw new SpecUpdateError(
      `${CONFIG_FILES.sdk}: no workspace package named ${missing.join(" or ")} (see ${CONFIG_FILES.workspace})`,
      { step: "config" },
    );
  }
  return {
    publicPackages: [types, client],
    specPackage: spec.name,
    typesDir,
    clientTypes: { [client]: `${clientDir}/dist/index.d.ts` },
  };
}

/** @param {string} root @param {string} file */
async function readJson(root, file) {
  let text;
  try {
    text = await readFile(join(root, file), "utf8");
  } catch {
    throw new SpecUpdateError(`${file} is missing (looked in ${root})`, { step: "config" });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SpecUpdateError(`${file} is not valid JSON: ${/** @type {Error} */ (error).message}`, { step: "config" });
  }
}

/**
 * Package name → repository-relative folder, for the workspace's `dir` and `dir/*` entries.
 *
 * @param {string} root
 */
async function workspaceDirs(root) {
  const text = await readFile(join(root, CONFIG_FILES.workspace), "utf8").catch(() => "");
  const globs = /** @type {{ packages?: string[] } | null} */ (parse(text))?.packages ?? [];
  /** @type {Map<string, string>} */
  const dirs = new Map();
  for (const glob of globs) {
    const candidates = glob.endsWith("/*")
      ? (await readdir(join(root, glob.slice(0, -2))).catch(() => [])).map((name) => `${glob.slice(0, -2)}/${name}`)
      : [glob];
    for (const dir of candidates) {
      const manifest = join(root, dir, "package.json");
      if (!existsSync(manifest)) continue;
      const name = JSON.parse(await readFile(manifest, "utf8")).name;
      if (typeof name === "string") dirs.set(name, dir);
    }
  }
  return dirs;
}
