// @ts-check
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Replaces the directory `dir` with exactly `files` (relative path → contents), atomically for
 * readers of the directory as a whole: the new tree is written in full beside the old one, then the
 * old directory is moved aside and the new one moved in, two renames on the same filesystem. A
 * failure while writing leaves the old directory untouched; a failure of the second rename puts the
 * old directory back. Files the new tree does not hold are gone, so no stale output survives.
 *
 * @param {string} dir
 * @param {Map<string, string>} files
 * @param {{ beforeSwap?: () => Promise<void> | void }} [hooks] tests inject failures here
 */
export async function replaceDirectory(dir, files, hooks = {}) {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = join(parent, `.${basename(dir)}.new-${suffix}`);
  const previous = join(parent, `.${basename(dir)}.old-${suffix}`);
  try {
    await mkdir(staging);
    for (const path of [...files.keys()].sort()) {
      const target = join(staging, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, /** @type {string} */ (files.get(path)));
    }
    await hooks.beforeSwap?.();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadPrevious = await stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (hadPrevious) await rename(dir, previous);
  try {
    await rename(staging, dir);
  } catch (error) {
    if (hadPrevious) await rename(previous, dir);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}
