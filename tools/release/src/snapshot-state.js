// @ts-check
import { readFile, rm, writeFile } from "node:fs/promises";
import { ReleaseError } from "./errors.js";
import { gitStatePath } from "./work-tree-changes.js";

/** Kept inside `.git`, so an applied snapshot never shows up as a file to commit. */
export const SNAPSHOT_STATE_FILE = "hatch-release-snapshot.json";

/** The one command that puts the tree back; every message that mentions an applied snapshot names it. */
export const UNDO_COMMAND = "pnpm release:snapshot --undo";

/**
 * What `pnpm release:snapshot` changed, so `--undo` can put back exactly that.
 *
 * @typedef {object} SnapshotState
 * @property {string} tag
 * @property {Record<string, string>} versions package name → snapshot version written
 * @property {import("./work-tree-changes.js").FileChange[]} files
 */

/** @param {{ run: import("./run-command.js").Runner, cwd: string }} context */
export function snapshotStatePath(context) {
  return gitStatePath(context, SNAPSHOT_STATE_FILE);
}

/**
 * @param {string} path
 * @returns {Promise<SnapshotState | undefined>}
 */
export async function readSnapshotState(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ReleaseError(
      `The snapshot record ${path} is not valid JSON; check the files it lists by hand, then delete it.`,
      { step: "snapshot record" },
    );
  }
}

/** @param {string} path @param {SnapshotState} state */
export async function writeSnapshotState(path, state) {
  await writeFile(path, `${JSON.stringify(state, null, 2)}\n`);
}

/** @param {string} path */
export async function removeSnapshotState(path) {
  await rm(path, { force: true });
}

/**
 * Refuses to go on while a snapshot's versions are in the tree, naming the command that removes them.
 *
 * @param {{ run: import("./run-command.js").Runner, cwd: string }} context
 * @param {string} doing what the caller was about to do, e.g. "release"
 */
export async function assertNoSnapshotApplied(context, doing) {
  const state = await readSnapshotState(await snapshotStatePath(context));
  if (state === undefined) return;
  const versions = Object.entries(state.versions).map(([name, version]) => `${name}@${version}`);
  throw new ReleaseError(
    `Cannot ${doing}: the snapshot "${state.tag}" is still applied (${versions.join(", ") || "no versions"}). ` +
      `Run \`${UNDO_COMMAND}\` first.`,
    { step: "snapshot applied" },
  );
}
