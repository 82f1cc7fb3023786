// @ts-check
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Every file below `dir` (paths relative to it, `/`-separated) with its contents, for comparing a
 * directory before and after: `utf8` text, or `base64` for a byte-for-byte comparison.
 *
 * @param {string} dir
 * @param {{ encoding?: "utf8" | "base64" }} [options]
 * @returns {Record<string, string>}
 */
export function readTree(dir, { encoding = "utf8" } = {}) {
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return Object.fromEntries(
    paths.map((path) => [relative(dir, path).replaceAll("\\", "/"), readFileSync(path).toString(encoding)]),
  );
}
