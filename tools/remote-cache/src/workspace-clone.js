// @ts-check
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { execOk } from "@hatch-api/test-support";

/**
 * Variables a parent pnpm or turbo sets for its scripts. A nested pnpm/turbo in a clone must not
 * inherit them (they name the parent's package, its lifecycle event, its remote cache).
 */
const PARENT_TOOL_VARIABLES =
  /^(npm_config_|pnpm_config_|npm_package_|npm_lifecycle_|TURBO_)|^(INIT_CWD|PNPM_SCRIPT_SRC_DIR)$/i;

/**
 * The caller's environment without what its own pnpm/turbo set, telemetry off.
 *
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {NodeJS.ProcessEnv}
 */
export function cleanToolEnv(env = process.env) {
  /** @type {NodeJS.ProcessEnv} */
  const clean = {};
  for (const [key, value] of Object.entries(env)) if (!PARENT_TOOL_VARIABLES.test(key)) clean[key] = value;
  return { ...clean, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", FORCE_COLOR: "0", NO_COLOR: "1" };
}

/**
 * The top of the git work tree that holds `dir`, and the commit checked out there.
 *
 * @param {string} dir
 */
export async function gitHead(dir) {
  const root = (await execOk("git", ["rev-parse", "--show-toplevel"], { cwd: dir })).output.trim();
  const commit = (await execOk("git", ["rev-parse", "HEAD"], { cwd: root })).output.trim();
  return { root, commit };
}

/**
 * A clean clone of `source` at `commit` in `dir` (which must not exist), with its dependencies
 * installed from the local pnpm store only: what a new machine or CI job has after checkout and
 * install, and no network. Uncommitted changes in `source` are not part of it.
 *
 * @param {{ source: string, commit: string, dir: string, env?: NodeJS.ProcessEnv }} options
 */
export async function cloneWorkspace({ source, commit, dir, env = cleanToolEnv() }) {
  await execOk("git", ["clone", "--quiet", "--no-checkout", source, dir], { cwd: source, env });
  await execOk("git", ["checkout", "--quiet", "--detach", commit], { cwd: dir, env });
  // --prefer-offline: every package is in the store, but pnpm may still want registry metadata it
  // has not cached (its lockfile policy check), which --offline would refuse.
  await execOk("pnpm", ["install", "--frozen-lockfile", "--prefer-offline", "--reporter=silent"], {
    cwd: dir,
    env,
    timeoutMs: 600_000,
  });
  return dir;
}

/**
 * Puts a clone back into its freshly-cloned state, dependencies kept: removes every untracked and
 * ignored file (build outputs, turbo's local cache) except node_modules.
 *
 * @param {string} dir
 */
export async function resetClone(dir) {
  await execOk("git", ["clean", "-fdxq", "-e", "node_modules"], { cwd: dir, env: cleanToolEnv() });
}

/**
 * What a build left in a clone: every file git does not track, outside node_modules, .git and
 * turbo's own folder, with its SHA-256. Two builds produced the same outputs when these are equal.
 *
 * @param {string} dir
 * @returns {Promise<Map<string, string>>} relative path → sha256
 */
export async function untrackedFileDigests(dir) {
  const tracked = new Set(
    (await execOk("git", ["ls-files", "-z"], { cwd: dir, env: cleanToolEnv() })).output.split("\0").filter(Boolean),
  );
  /** @type {Map<string, string>} */
  const digests = new Map();
  /** @param {string} folder */
  const walk = async (folder) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === ".git" || entry.name === ".turbo") continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const rel = relative(dir, path).split("\\").join("/");
        if (!tracked.has(rel))
          digests.set(
            rel,
            createHash("sha256")
              .update(await readFile(path))
              .digest("hex"),
          );
      }
    }
  };
  await walk(dir);
  return new Map([...digests].sort(([a], [b]) => a.localeCompare(b)));
}
