// @ts-check
import { access } from "node:fs/promises";
import { dirname, join } from "node:path";
import { SpecUpdateError } from "./errors.js";

/**
 * The repository root: the nearest folder up from `start` with pnpm-workspace.yaml (pnpm runs
 * root scripts from the root, but the commands also work from a package folder).
 *
 * @param {string} start
 */
export async function findRoot(start) {
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      await access(join(dir, "pnpm-workspace.yaml"));
      return dir;
    } catch {
      if (dirname(dir) === dir)
        throw new SpecUpdateError(`not inside the repository (no pnpm-workspace.yaml above ${start})`);
    }
  }
}
