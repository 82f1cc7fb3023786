// @ts-check
import { readFile, rm } from "node:fs/promises";
import { basename, join } from "node:path";
import { changedPaths, repositoryRoot } from "./work-tree-changes.js";

/**
 * A changelog heading of a snapshot version: changesets' snapshot template with
 * `useCalculatedVersion` is `<next version>-<tag>-<UTC yyyymmddhhmmss>`.
 */
export const SNAPSHOT_HEADING = /^## \d+\.\d+\.\d+-[0-9A-Za-z-]+-\d{14}\s*$/;

/**
 * Untracked CHANGELOG.md files that hold nothing but snapshot versions: what the old snapshot
 * cleanup (`git restore .`) left behind, and which would put an unpublished version on the docs
 * changelog page. Removes them and returns their paths, so `--undo` cleans up after older
 * snapshots too.
 *
 * @param {{ run: import("./run-command.js").Runner, cwd: string }} context
 * @returns {Promise<string[]>}
 */
export async function removeStraySnapshotChangelogs({ run, cwd }) {
  const root = await repositoryRoot({ run, cwd });
  /** @type {string[]} */
  const removed = [];
  for (const [path, { tracked }] of await changedPaths({ run, cwd: root })) {
    if (tracked || basename(path) !== "CHANGELOG.md") continue;
    const headings = (await readFile(join(root, path), "utf8")).split("\n").filter((line) => line.startsWith("## "));
    if (headings.length > 0 && headings.every((line) => SNAPSHOT_HEADING.test(line))) {
      await rm(join(root, path));
      removed.push(path);
    }
  }
  return removed;
}
