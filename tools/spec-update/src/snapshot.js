// @ts-check
import { cp, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

/** Build outputs (git-ignored) a spec update regenerates, per package folder. */
const OUTPUT_DIRS = ["dist", "src/generated", "test/generated", "test-e2e/generated"];

/**
 * Copies the given files and folders, and every package's build outputs, so that a failed
 * update can put the tree back exactly as it was, ignored outputs included.
 *
 * @param {string} root the repository root
 * @param {string[]} paths repository-relative files and folders the update may write
 * @param {{ outputs?: boolean }} [options] `outputs: false` leaves build outputs out
 */
export async function snapshotTree(root, paths, { outputs: withOutputs = true } = {}) {
  const store = await mkdtemp(join(tmpdir(), "spec-update-snapshot-"));
  const packages = withOutputs ? [join(root, "spec")] : [];
  for (const group of withOutputs ? ["packages", "tools"] : []) {
    const entries = await readdir(join(root, group), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isDirectory()) packages.push(join(root, group, entry.name));
  }
  const outputs = packages.flatMap((dir) => OUTPUT_DIRS.map((sub) => relative(root, join(dir, sub))));
  /** @type {Array<{ path: string, existed: boolean }>} */
  const saved = [];
  for (const path of [...new Set([...paths, ...outputs])]) {
    const existed = await stat(join(root, path)).then(
      () => true,
      () => false,
    );
    if (existed) await cp(join(root, path), join(store, path), { recursive: true, preserveTimestamps: true });
    saved.push({ path, existed });
  }
  return {
    /** Puts every saved path back as it was (removing what did not exist). */
    async restore() {
      for (const { path, existed } of saved) {
        await rm(join(root, path), { recursive: true, force: true });
        if (existed) await cp(join(store, path), join(root, path), { recursive: true, preserveTimestamps: true });
      }
    },
    async discard() {
      await rm(store, { recursive: true, force: true });
    },
  };
}
