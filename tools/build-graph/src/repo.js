// @ts-check
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo's root folder (this package lives in tools/build-graph). */
export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** The turbo launcher the root package installs, run by our own Node. */
export function turboBin(root = REPO_ROOT) {
  return createRequire(join(root, "package.json")).resolve("turbo/bin/turbo");
}

/**
 * The user's arguments for a command we run in-process: what follows the script name, without
 * the `--` separator some package managers keep.
 *
 * @param {string[]} argv
 */
export function userArgs(argv = process.argv) {
  const args = argv.slice(2);
  return args[0] === "--" ? args.slice(1) : args;
}
