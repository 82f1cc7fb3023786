// @ts-check
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { SpecNotFoundError } from "./errors.js";

/** Where a repository keeps its bundled document, relative to its root (openapi-bundle's output). */
export const BUNDLE_PATH = join("spec", "dist", "openapi.json");

/**
 * The bundled document of the repository `cwd` is in: `spec/dist/openapi.json` in `cwd` or the
 * nearest folder above it that has one, so the CLI finds it from the root or from a package folder.
 * When there is none, the path under `cwd`, which the error then names.
 *
 * @param {string} [cwd]
 */
export function defaultSpecPath(cwd = process.cwd()) {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, BUNDLE_PATH);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return join(resolve(cwd), BUNDLE_PATH);
  }
}

/**
 * Resolves the document to serve (the bundled one unless a path is given) and checks it is there.
 *
 * @param {string | undefined} specPath
 * @param {string} [cwd]
 * @returns {string} an absolute path
 */
export function resolveSpecPath(specPath, cwd = process.cwd()) {
  const path = specPath ? resolve(cwd, specPath) : defaultSpecPath(cwd);
  if (!existsSync(path)) throw new SpecNotFoundError(path, { isDefault: !specPath });
  return path;
}
