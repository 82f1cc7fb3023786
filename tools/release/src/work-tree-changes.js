// @ts-check
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join } from "node:path";
import { ReleaseError } from "./errors.js";

/**
 * What a file held before a command changed it (`null`: it did not exist) and a hash of what the
 * command left there, so an undo can tell the command's change from a later hand edit.
 *
 * @typedef {{ path: string, original: string | null, written: string | null }} FileChange
 */

/** @param {string | null} content */
export function contentHash(content) {
  return content === null ? null : createHash("sha256").update(content).digest("hex");
}

/**
 * @param {import("./run-command.js").Runner} run
 * @param {string} cwd
 * @param {string[]} args
 * @param {string} step
 */
async function git(run, cwd, args, step) {
  const result = await run("git", args, { cwd, capture: true });
  if (result.code !== 0) {
    throw new ReleaseError(`\`git ${args.join(" ")}\` failed (exit ${result.code}) in ${cwd}.`, { step });
  }
  return result.output;
}

/**
 * The repository's top-level directory: `git status` reports paths relative to it.
 *
 * @param {{ run: import("./run-command.js").Runner, cwd: string }} context
 */
export async function repositoryRoot({ run, cwd }) {
  return (await git(run, cwd, ["rev-parse", "--show-toplevel"], "git")).trim();
}

/**
 * A path inside the `.git` directory (worktree-aware), for state that must never show in the work tree.
 *
 * @param {{ run: import("./run-command.js").Runner, cwd: string }} context
 * @param {string} name
 */
export async function gitStatePath({ run, cwd }, name) {
  const path = (await git(run, cwd, ["rev-parse", "--git-path", name], "git")).trim();
  return isAbsolute(path) ? path : join(cwd, path);
}

/**
 * Every path `git status` reports (modified, deleted, staged or untracked, each untracked file on its
 * own), mapped to whether git tracks it. Ignored files (build outputs) are not reported.
 *
 * @param {{ run: import("./run-command.js").Runner, cwd: string }} context
 * @returns {Promise<Map<string, { tracked: boolean }>>}
 */
export async function changedPaths({ run, cwd }) {
  const out = await git(run, cwd, ["status", "--porcelain=v1", "-z", "--untracked-files=all"], "git status");
  const entries = out.split("\0");
  /** @type {Map<string, { tracked: boolean }>} */
  const paths = new Map();
  for (let i = 0; i < entries.length; i++) {
    const entry = /** @type {string} */ (entries[i]);
    if (entry.length < 4) continue;
    const code = entry.slice(0, 2);
    paths.set(entry.slice(3), { tracked: code !== "??" });
    // A rename or copy is followed by its source path, which changed too (it is gone or was copied).
    if (code.includes("R") || code.includes("C")) {
      const source = entries[++i];
      if (source) paths.set(source, { tracked: true });
    }
  }
  return paths;
}

/** @param {string} path */
async function readOrNull(path) {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Records the work tree before a command that edits files, and answers afterwards exactly which files
 * the command changed, created or deleted and what they held before, including files that were
 * already uncommitted (an uncommitted changeset) and new untracked files (a new CHANGELOG.md).
 *
 * @param {{ run: import("./run-command.js").Runner, cwd: string }} context
 */
export async function recordWorkTree({ run, cwd }) {
  const root = await repositoryRoot({ run, cwd });
  const before = await changedPaths({ run, cwd: root });
  /** @type {Map<string, string | null>} */
  const contentBefore = new Map();
  for (const path of before.keys()) contentBefore.set(path, await readOrNull(join(root, path)));

  return {
    root,
    /** @returns {Promise<FileChange[]>} */
    async changes() {
      const after = await changedPaths({ run, cwd: root });
      const candidates = [...new Set([...before.keys(), ...after.keys()])].sort();
      /** @type {FileChange[]} */
      const changes = [];
      for (const path of candidates) {
        /** @type {string | null} */
        let original;
        if (contentBefore.has(path)) original = contentBefore.get(path) ?? null;
        else if (after.get(path)?.tracked) original = await git(run, root, ["show", `HEAD:${path}`], "git show");
        else original = null;
        const now = await readOrNull(join(root, path));
        if (now !== original) changes.push({ path, original, written: contentHash(now) });
      }
      return changes;
    },
  };
}

/**
 * Puts back what each file held before (deleting files that did not exist).
 *
 * @param {string} root
 * @param {ReadonlyArray<FileChange>} changes
 */
export async function restoreFiles(root, changes) {
  for (const { path, original } of changes) {
    const target = join(root, path);
    if (original === null) await rm(target, { force: true });
    else {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, original);
    }
  }
}

/**
 * The files whose content is no longer what the recorded command left (edited by hand since).
 *
 * @param {string} root
 * @param {ReadonlyArray<FileChange>} changes
 */
export async function editedSince(root, changes) {
  /** @type {string[]} */
  const edited = [];
  for (const { path, written } of changes) {
    if (contentHash(await readOrNull(join(root, path))) !== written) edited.push(path);
  }
  return edited;
}
