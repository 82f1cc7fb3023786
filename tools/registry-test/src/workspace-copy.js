// @ts-check
import { cp, mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { execOk } from "@hatch-api/test-support";

/**
 * @typedef {object} WorkspacePackage
 * @property {string} name
 * @property {string} dir the package's directory in the copy
 * @property {string} relativeDir its path relative to the workspace root
 * @property {boolean} isPrivate
 */

const ROOT_FILES = ["package.json", "pnpm-workspace.yaml", "LICENSE", ".changeset/config.json"];
const SKIPPED_DIRS = new Set(["node_modules", ".turbo", "coverage", "test-results"]);
const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];

/**
 * Copies the workspace into `dest` so the test can version and publish without touching the real
 * repository's package.json files, changelogs or changesets. Public packages are copied whole with
 * their built `dist` (what `files` selects is what gets packed); private ones only as a package.json,
 * enough for changesets to see them and for the test to check they were left alone. Pending changesets
 * of the real repo are not copied: the test's own changeset is the only one.
 *
 * `publishes` picks the public packages this copy releases; any other is copied as a private one
 * (its manifest only, marked private), so that changesets leaves it alone: the toolchain's own
 * packages are released and tested by the scaffold's end-to-end test, not here.
 *
 * @param {{ repoRoot: string, dest: string, publishes?: (name: string) => boolean }} options
 * @returns {Promise<WorkspacePackage[]>}
 */
export async function copyWorkspace({ repoRoot, dest, publishes = () => true }) {
  const listing = await execOk("pnpm", ["ls", "--recursive", "--depth", "-1", "--json"], { cwd: repoRoot });
  /** @type {Array<{ name: string, path: string, private?: boolean }>} */
  const projects = JSON.parse(listing.stdout);

  for (const file of ROOT_FILES) {
    await mkdir(dirname(join(dest, file)), { recursive: true });
    await cp(join(repoRoot, file), join(dest, file));
  }

  /** @type {WorkspacePackage[]} */
  const packages = [];
  for (const project of projects) {
    const relativeDir = relative(repoRoot, project.path);
    if (relativeDir === "") continue;
    const dir = join(dest, relativeDir);
    const manifest = JSON.parse(await readFile(join(project.path, "package.json"), "utf8"));
    const isPrivate = manifest.private === true || !publishes(manifest.name);
    if (isPrivate) {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, "package.json"), `${JSON.stringify({ ...manifest, private: true }, null, 2)}\n`);
    } else {
      await cp(project.path, dir, {
        recursive: true,
        filter: (source) => !SKIPPED_DIRS.has(source.split("/").at(-1) ?? ""),
      });
    }
    packages.push({ name: manifest.name, dir, relativeDir, isPrivate });
  }
  await linkWorkspaceDependencies(packages);
  return packages;
}

/**
 * pnpm resolves `workspace:` ranges at publish time from the dependency's installed manifest, so each
 * copied package gets node_modules symlinks to its workspace dependencies (as `pnpm install` would
 * create), without installing anything else.
 *
 * @param {WorkspacePackage[]} packages
 */
async function linkWorkspaceDependencies(packages) {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  for (const pkg of packages) {
    const manifest = JSON.parse(await readFile(join(pkg.dir, "package.json"), "utf8"));
    for (const field of DEPENDENCY_FIELDS) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        const target = byName.get(name);
        if (!String(range).startsWith("workspace:") || !target) continue;
        const link = join(pkg.dir, "node_modules", name);
        await mkdir(dirname(link), { recursive: true });
        await symlink(relative(dirname(link), target.dir), link).catch((error) => {
          if (error.code !== "EEXIST") throw error;
        });
      }
    }
  }
}

/**
 * Makes the copy a git repository with one commit, as a real checkout is when releasing
 * (`changeset publish` tags the release in git).
 *
 * @param {string} dir
 * @param {NodeJS.ProcessEnv} env
 * @param {string} message
 */
export async function commitAll(dir, env, message) {
  const gitEnv = {
    ...env,
    GIT_AUTHOR_NAME: "Registry Test",
    GIT_AUTHOR_EMAIL: "registry-test@example.invalid",
    GIT_COMMITTER_NAME: "Registry Test",
    GIT_COMMITTER_EMAIL: "registry-test@example.invalid",
  };
  await execOk("git", ["init", "--quiet", "--initial-branch", "main"], { cwd: dir, env: gitEnv });
  await writeFile(join(dir, ".gitignore"), "node_modules/\n");
  await execOk("git", ["add", "--all"], { cwd: dir, env: gitEnv });
  await execOk("git", ["commit", "--quiet", "--allow-empty", "-m", message], { cwd: dir, env: gitEnv });
  return gitEnv;
}
