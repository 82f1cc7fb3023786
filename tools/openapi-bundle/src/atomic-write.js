// @ts-check
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

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
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes several files, each atomically, only after every one of them has been prepared, so a
 * failure while preparing (the usual case) leaves all targets untouched.
 *
 * @param {ReadonlyArray<{ path: string, data: string | Uint8Array }>} files
 */
export async function writeFilesAtomic(files) {
  for (const file of files) await writeFileAtomic(file.path, file.data);
}
