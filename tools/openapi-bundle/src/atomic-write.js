// @ts-check
import { randomBytes } from "node:crypto";
import * as fsPromises from "node:fs/promises";
import { basename, dirname, join } from "node:path";

const { mkdir, open, rename, rm } = fsPromises;

/**
 * Writes `data` to `path` so that readers see either the old file or the whole new one, never a
 * half-written file: the bytes go to a temporary file in the same directory (same filesystem, so
 * the rename is atomic), are flushed to disk, then renamed over the target.
 *
 * @param {string} path
 * @param {string | Uint8Array} data
 */
export async function writeFileAtomic(path, data) {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeAndSync(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes several files, each atomically, one after another. A failure while preparing the data
 * leaves all of them untouched, but a failure between two renames leaves some new and some old:
 * when the files belong together, use `replaceDirAtomic`.
 *
 * @param {ReadonlyArray<{ path: string, data: string | Uint8Array }>} files
 */
export async function writeFilesAtomic(files) {
  for (const file of files) await writeFileAtomic(file.path, file.data);
}

/**
 * The file-system calls `replaceDirAtomic` makes, injectable so tests can fail one of them.
 *
 * @typedef {Pick<typeof fsPromises, "mkdir" | "open" | "rename">} DirFs
 */

/**
 * Replaces the whole directory `dir` with exactly `files` (paths relative to `dir`), so readers
 * and a failure see either the complete old directory or the complete new one, never a mix:
 *
 * 1. every file is written and flushed into a fresh sibling `.<name>.<id>.new`;
 * 2. the old `dir` (if any) is renamed to `.<name>.<id>.old`, the new one renamed to `dir`;
 * 3. the old one is removed.
 *
 * If step 1 or the second rename fails, the old directory is put back and the new one removed.
 * Between the two renames (microseconds) `dir` does not exist; it never holds a mix. Files a
 * previous build wrote that this one does not are gone afterwards, so `dir` holds exactly this
 * build's output.
 *
 * @param {string} dir
 * @param {ReadonlyArray<{ path: string, data: string | Uint8Array }>} files
 * @param {{ fs?: DirFs }} [options]
 */
export async function replaceDirAtomic(dir, files, options = {}) {
  const fs = options.fs ?? fsPromises;
  const parent = dirname(dir);
  const id = `${process.pid}.${randomBytes(4).toString("hex")}`;
  const fresh = join(parent, `.${basename(dir)}.${id}.new`);
  const old = join(parent, `.${basename(dir)}.${id}.old`);
  await fs.mkdir(parent, { recursive: true });
  try {
    await fs.mkdir(fresh);
    for (const file of files) {
      const target = join(fresh, file.path);
      if (!target.startsWith(`${fresh}/`)) throw new Error(`${file.path} is not a path inside ${dir}`);
      await fs.mkdir(dirname(target), { recursive: true });
      await writeAndSync(target, file.data, fs.open);
    }
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }

  let movedOld = false;
  try {
    await fs.rename(dir, old);
    movedOld = true;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "ENOENT") {
      await rm(fresh, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    await fs.rename(fresh, dir);
  } catch (error) {
    if (movedOld) await rename(old, dir);
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  if (movedOld) await rm(old, { recursive: true, force: true });
}

/**
 * @param {string} path
 * @param {string | Uint8Array} data
 * @param {typeof open} [openFile]
 */
async function writeAndSync(path, data, openFile = open) {
  const handle = await openFile(path, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
