// @ts-check
import { access, cp, readFile, realpath, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { assertLoopbackRegistry } from "./loopback-guard.js";
import { publishFolders } from "./toolchain.js";

/**
 * @typedef {object} InstalledPackage
 * @property {string} name
 * @property {string} version
 * @property {string} dir where it is installed in this repo's node_modules
 */

/**
 * Finds an installed package the way Node does: `node_modules/<name>` in `fromDir` or an ancestor.
 *
 * @param {string} name
 * @param {string} fromDir
 */
async function findInstalled(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    try {
      await access(join(candidate, "package.json"));
      // pnpm links packages from its virtual store; their own dependencies sit next to the real path.
      return await realpath(candidate);
    } catch {
      if (dirname(dir) === dir) throw new Error(`${name} is not installed (looked up from ${fromDir})`);
    }
  }
}

/**
 * The transitive runtime dependencies (dependencies, optional and peer dependencies) of the given
 * packages that are not part of this workspace, resolved from the repo's own install, so the local
 * registry can serve them without an uplink to the public registry.
 *
 * @param {string[]} packageDirs directories of the packages to be published (in the real repo)
 * @param {(name: string) => boolean} isWorkspacePackage
 * @returns {Promise<InstalledPackage[]>}
 */
export async function collectThirdPartyDependencies(packageDirs, isWorkspacePackage) {
  /** @type {Map<string, InstalledPackage>} */
  const found = new Map();
  /** @type {Array<{ name: string, fromDir: string }>} */
  const queue = [];
  const enqueueDependencies = async (/** @type {string} */ dir) => {
    const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    const optionalPeers = Object.entries(manifest.peerDependenciesMeta ?? {})
      .filter(([, meta]) => meta?.optional)
      .map(([name]) => name);
    const names = [
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.optionalDependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}).filter((name) => !optionalPeers.includes(name)),
    ];
    for (const name of names) if (!isWorkspacePackage(name)) queue.push({ name, fromDir: dir });
  };
  for (const dir of packageDirs) await enqueueDependencies(dir);
  while (queue.length > 0) {
    const next = /** @type {{ name: string, fromDir: string }} */ (queue.shift());
    const dir = await findInstalled(next.name, next.fromDir);
    const { version } = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    const key = `${next.name}@${version}`;
    if (found.has(key)) continue;
    found.set(key, { name: next.name, version, dir });
    await enqueueDependencies(dir);
  }
  return [...found.values()];
}

/**
 * Publishes each installed dependency to the local registry (scripts off: these are already-built
 * published packages), a few npm processes at a time.
 *
 * @param {InstalledPackage[]} dependencies
 * @param {{ registry: string, env: NodeJS.ProcessEnv, packDir: string }} options
 */
export async function seedRegistry(dependencies, { registry, env, packDir }) {
  assertLoopbackRegistry(registry);
  /** @type {Map<string, string>} */
  const folders = new Map();
  for (const dependency of dependencies) {
    const key = `${dependency.name}@${dependency.version}`;
    // pnpm's store hard-links identical files (e.g. index.d.ts and index.d.mts); npm would pack the
    // second as a tar hard-link entry that installs as an empty file. A plain copy breaks the links.
    const copy = join(packDir, "sources", key);
    await cp(dependency.dir, copy, { recursive: true });
    await dropPublishConfig(join(copy, "package.json"));
    folders.set(key, copy);
  }
  await publishFolders(folders, { registry, env });
}

/**
 * A published package may still carry the publishConfig of its real home (some name
 * https://registry.npmjs.org), which npm publish prefers to npm_config_registry. The copy we seed
 * belongs to the local registry only, so that config is dropped from it, never from the installed
 * package.
 *
 * @param {string} manifestPath
 */
export async function dropPublishConfig(manifestPath) {
  const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
  if (!("publishConfig" in manifest)) return;
  delete manifest.publishConfig;
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}
