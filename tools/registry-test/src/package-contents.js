// @ts-check
import { readFile } from "node:fs/promises";
import { dirname, join, normalize } from "node:path/posix";

const ALLOWED_TOP_LEVEL = new Set(["package.json", "README.md", "LICENSE", "CHANGELOG.md"]);
const TEST_FILE = /(^|\/)(tests?|__tests__|__mocks__|fixtures?)\/|\.(test|spec|test-d|bench)\.[cm]?[jt]sx?$/;

/**
 * Files a published package may contain: built output under dist/, the manifest, README, LICENSE and
 * CHANGELOG (the issue's `files` rule). Returns the ones outside that list.
 *
 * @param {string[]} files paths relative to the package root
 */
export function findUnexpectedFiles(files) {
  return files.filter((file) => !ALLOWED_TOP_LEVEL.has(file) && !file.startsWith("dist/"));
}

/** @param {string[]} files */
export function findTestFiles(files) {
  return files.filter((file) => TEST_FILE.test(file));
}

/**
 * Source maps must not point at files the package lacks. Checks both directions: every
 * `sourceMappingURL` comment names a map that is in the package, and every `sources` entry of every
 * map is either in the package or embedded in `sourcesContent`.
 *
 * @param {string} root the unpacked package directory
 * @param {string[]} files paths relative to root
 * @returns {Promise<string[]>} one line per problem
 */
export async function findBrokenSourceMaps(root, files) {
  const present = new Set(files);
  /** @type {string[]} */
  const problems = [];
  for (const file of files.filter((f) => /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(f))) {
    const text = await readFile(join(root, file), "utf8");
    for (const match of text.matchAll(/[#@] sourceMappingURL=(\S+)/g)) {
      const target = match[1] ?? "";
      if (target.startsWith("data:")) continue;
      const resolved = normalize(join(dirname(file), target));
      if (!present.has(resolved)) problems.push(`${file} references ${target}, which is not in the package`);
    }
  }
  for (const file of files.filter((f) => f.endsWith(".map"))) {
    /** @type {{ sources?: string[], sourcesContent?: Array<string | null>, sourceRoot?: string }} */
    const map = JSON.parse(await readFile(join(root, file), "utf8"));
    (map.sources ?? []).forEach((source, index) => {
      if (typeof map.sourcesContent?.[index] === "string") return;
      const resolved = normalize(join(dirname(file), map.sourceRoot ?? "", source));
      if (!present.has(resolved)) problems.push(`${file} maps to ${source}, which is not in the package`);
    });
  }
  return problems;
}

/**
 * Bare module specifiers (packages) imported or required by built JS and declaration files.
 *
 * @param {string} text
 * @returns {string[]} package names (scope included), without subpaths
 */
export function findImportedPackages(text) {
  const specifiers = [
    ...text.matchAll(/\bfrom\s*["']([^"']+)["']/g),
    ...text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...text.matchAll(/\bimport\s*["']([^"']+)["']/g),
    ...text.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1] ?? "");
  const names = specifiers
    .filter((specifier) => !specifier.startsWith(".") && !specifier.startsWith("/") && !specifier.startsWith("node:"))
    .map((specifier) =>
      specifier
        .split("/")
        .slice(0, specifier.startsWith("@") ? 2 : 1)
        .join("/"),
    );
  return [...new Set(names)].sort();
}
