// @ts-check
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { ReleaseError } from "./errors.js";

/**
 * Lists changeset files that `changeset version` has not consumed yet.
 *
 * @param {string} cwd the repository root
 * @returns {Promise<string[]>}
 */
export async function listPendingChangesets(cwd) {
  const entries = await readdir(join(cwd, ".changeset"));
  return entries.filter((name) => name.endsWith(".md") && name !== "README.md").sort();
}

/**
 * A release publishes the versions already in the package.json files. Pending changesets mean
 * `changeset version` was not run (or not committed), so the release would publish stale versions.
 *
 * @param {string} cwd
 */
export async function assertNoPendingChangesets(cwd) {
  const pending = await listPendingChangesets(cwd);
  if (pending.length > 0) {
    throw new ReleaseError(
      `Refusing to release: ${pending.length} changeset(s) not yet applied (${pending.join(", ")}). ` +
        "Run `pnpm version-packages`, review and commit the version bumps, changelogs and API change record, then release.",
      { step: "pending changesets" },
    );
  }
}
