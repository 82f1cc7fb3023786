// @ts-check
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * The spec's path as generated files name it: relative to the enclosing repository or workspace
 * (the nearest folder with `.git` or `pnpm-workspace.yaml`), so headers read `spec/dist/openapi.json`
 * wherever the repo is checked out, and stay byte-identical between checkouts.
 *
 * @param {string} file
 */
export function specLabel(file) {
  const absolute = resolve(file);
  for (let dir = dirname(absolute); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git")) || existsSync(join(dir, "pnpm-workspace.yaml"))) {
      return relative(dir, absolute).replaceAll("\\", "/");
    }
    if (dirname(dir) === dir) return absolute.split(/[\\/]/).at(-1) ?? absolute;
  }
}

/**
 * The first line of every generated file, after the comment marker of its language.
 *
 * @param {string} label
 */
export function headerText(label) {
  return `generated from ${label} by @sdkit/codegen, do not edit`;
}
