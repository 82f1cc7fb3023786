// @ts-check
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/**
 * The file a package's `bin` entry names (read from its package.json, since `exports` may hide the
 * bin path from require.resolve).
 *
 * @param {string} packageName
 * @param {string} [binName] default: the package name without its scope
 */
function binOf(packageName, binName = packageName.replace(/^@[^/]+\//, "")) {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifestPath, "utf8"));
  const file = typeof bin === "string" ? bin : bin?.[binName];
  if (!file) throw new Error(`${packageName} has no "${binName}" bin`);
  return join(dirname(manifestPath), file);
}

/** Entry points of the raw tools, as pinned in bench/package.json, and of ours in the workspace. */
export const tools = {
  redocly: binOf("@redocly/cli", "redocly"),
  openapiTypescript: binOf("openapi-typescript"),
  tsc: binOf("typescript", "tsc"),
  openapiBundle: binOf("@sdkit/bundle", "openapi-bundle"),
  /** @param {string} repoRoot */
  codegen: (repoRoot) => join(repoRoot, "tools/codegen/src/cli.js"),
};

/**
 * A text as one single-quoted shell word.
 *
 * @param {string} text
 */
export function quoted(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * A shell line running a node script with its arguments, each quoted: the raw sides that are more
 * than one command (`redocly lint && redocly bundle`) run as such lines through `/bin/sh -c`.
 *
 * @param {string} script
 * @param {string[]} args
 */
export function nodeLine(script, args) {
  return [process.execPath, script, ...args].map(quoted).join(" ");
}
