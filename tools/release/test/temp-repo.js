// @ts-check
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** @type {string[]} */
const created = [];

/** Deletes every directory tempRepo made; call it from afterAll. */
export async function removeTempRepos() {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/**
 * A directory shaped like the repo root as far as the release cares: a `.changeset` folder with its
 * README and the given pending changeset files.
 *
 * @param {string[]} changesets file names to create in .changeset
 */
export async function tempRepo(changesets = []) {
  const dir = await mkdtemp(join(tmpdir(), "hatch-release-test-"));
  created.push(dir);
  await mkdir(join(dir, ".changeset"));
  await writeFile(join(dir, ".changeset", "README.md"), "# Changesets\n");
  await writeFile(join(dir, ".changeset", "config.json"), "{}\n");
  for (const name of changesets) {
    await writeFile(join(dir, ".changeset", name), '---\n"@hatch-api/client": minor\n---\n\nA change.\n');
  }
  return dir;
}
