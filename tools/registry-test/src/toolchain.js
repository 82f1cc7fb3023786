// @ts-check
// Publishing the toolchain (every non-private @sdkit/* package of this workspace) to the local
// Verdaccio, and a patch release of it, for the upgrade test of a scaffolded repo. Packing with
// `pnpm pack` is what `changeset publish` does per package: `workspace:` and `catalog:` ranges
// become the versions they stand for, `files` picks what ships.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { execOk } from "@hatch-api/test-support";
import { assertLoopbackRegistry } from "./loopback-guard.js";
import { mapWithLimit } from "./map-with-limit.js";
import { unpack } from "./tarball.js";

/** npm processes publishing at once: enough to keep Verdaccio and two cores busy. */
export const PUBLISH_CONCURRENCY = 4;

/** The toolchain's npm scope. */
export const TOOLCHAIN_SCOPE = "@sdkit/";

/**
 * @typedef {object} ToolchainPackage
 * @property {string} name
 * @property {string} version
 * @property {string} dir the package's folder in this workspace
 */

/**
 * The workspace's publishable toolchain packages: `@sdkit/*` and not `private`.
 *
 * @param {string} repoRoot
 * @returns {Promise<ToolchainPackage[]>}
 */
export async function listToolchainPackages(repoRoot) {
  const listing = await execOk("pnpm", ["ls", "--recursive", "--depth", "-1", "--json"], { cwd: repoRoot });
  /** @type {Array<{ name?: string, version?: string, path: string, private?: boolean }>} */
  const projects = JSON.parse(listing.stdout);
  return projects
    .filter((project) => project.name?.startsWith(TOOLCHAIN_SCOPE) && project.private !== true)
    .map((project) => ({ name: String(project.name), version: String(project.version), dir: project.path }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Packs each package as it would be published (`pnpm pack`) and unpacks it into `dest/<name>`, so a
 * release can be published from the folder as is, or edited first.
 *
 * @param {ToolchainPackage[]} packages
 * @param {{ dest: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<Map<string, string>>} package name → unpacked folder (the tarball's `package/`)
 */
export async function packToolchain(packages, { dest, env }) {
  /** @type {Map<string, string>} */
  const folders = new Map();
  const tarballs = join(dest, "tarballs");
  await mkdir(tarballs, { recursive: true });
  await mapWithLimit(packages, PUBLISH_CONCURRENCY, async (pkg) => {
    const packed = await execOk("pnpm", ["pack", "--pack-destination", tarballs, "--json"], {
      cwd: pkg.dir,
      ...(env ? { env } : {}),
    });
    const file = packedFile(packed.stdout, tarballs);
    const unpacked = join(dest, "unpacked", pkg.name);
    await unpack(await readFile(file), unpacked);
    folders.set(pkg.name, join(unpacked, "package"));
  });
  return new Map([...folders].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The tarball `pnpm pack --json` reports (its JSON is an object with `filename`, or an array of them).
 *
 * @param {string} stdout
 * @param {string} dir where it was packed
 */
function packedFile(stdout, dir) {
  const start = stdout.search(/[[{]/);
  const parsed = JSON.parse(stdout.slice(start));
  const entry = Array.isArray(parsed) ? parsed[0] : parsed;
  const filename = String(entry?.filename ?? "");
  if (!filename) throw new Error(`pnpm pack reported no file:\n${stdout}`);
  return filename.startsWith("/") ? filename : join(dir, filename);
}

/**
 * Publishes unpacked packages to the local registry, scripts off (they are packed already). Each is
 * its own npm process and Verdaccio takes different packages in parallel, so a few run at once: more
 * than that only queues npm processes (about 80 MB each) on a two-core machine.
 *
 * @param {Map<string, string>} folders package name → folder
 * @param {{ registry: string, env: NodeJS.ProcessEnv, concurrency?: number }} options
 */
export async function publishFolders(folders, { registry, env, concurrency = PUBLISH_CONCURRENCY }) {
  assertLoopbackRegistry(registry);
  await mapWithLimit([...folders], concurrency, async ([name, dir]) => {
    const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    if (manifest.publishConfig?.registry) assertLoopbackRegistry(manifest.publishConfig.registry);
    await execOk(
      "npm",
      ["publish", dir, "--ignore-scripts", "--tag", "latest", "--registry", registry, "--provenance=false"],
      { cwd: dir, env },
    ).catch((error) => {
      throw new Error(`publishing ${name}: ${error instanceof Error ? error.message : error}`);
    });
  });
}

/**
 * x.y.z → x.y.(z+1); a prerelease or build suffix is not a version the toolchain releases.
 *
 * @param {string} version
 */
export function nextPatch(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`Expected a plain x.y.z version, got "${version}"`);
  return `${match[1]}.${match[2]}.${Number(match[3]) + 1}`;
}

/**
 * Turns unpacked packages into their next patch release, in place: each version bumped, and every
 * dependency on another package of the release moved to its new version (pnpm packs `workspace:*`
 * as the exact version, so an unmoved one would pin the old release).
 *
 * @param {Map<string, string>} folders package name → unpacked folder
 * @returns {Promise<Map<string, string>>} package name → new version
 */
export async function bumpPatch(folders) {
  /** @type {Map<string, string>} */
  const versions = new Map();
  /** @type {Map<string, Record<string, any>>} */
  const manifests = new Map();
  for (const [name, dir] of folders) {
    const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    manifests.set(name, manifest);
    versions.set(name, nextPatch(manifest.version));
  }
  for (const [name, manifest] of manifests) {
    manifest.version = versions.get(name);
    for (const field of ["dependencies", "optionalDependencies", "peerDependencies"]) {
      for (const dependency of Object.keys(manifest[field] ?? {})) {
        const next = versions.get(dependency);
        if (next) manifest[field][dependency] = next;
      }
    }
    await writeFile(join(String(folders.get(name)), "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return versions;
}

/**
 * Replaces `search` with `replacement` in every JavaScript file of an unpacked package, and says
 * where: a release that changes nothing would prove nothing, so no match throws.
 *
 * @param {string} dir
 * @param {string} search
 * @param {string} replacement
 * @returns {Promise<string[]>} the files changed, relative to `dir`
 */
export async function replaceInPackage(dir, search, replacement) {
  /** @type {string[]} */
  const changed = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(c|m)?js$/.test(entry.name)) continue;
    const file = join(entry.parentPath, entry.name);
    const text = await readFile(file, "utf8");
    if (!text.includes(search)) continue;
    await writeFile(file, text.replaceAll(search, replacement));
    changed.push(relative(dir, file));
  }
  if (changed.length === 0) throw new Error(`${dir}: no JavaScript file contains ${JSON.stringify(search)}`);
  return changed.sort();
}
