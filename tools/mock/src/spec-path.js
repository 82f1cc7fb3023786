// @ts-check
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SpecNotFoundError } from "./errors.js";

/**
 * Where the bundled spec lives. `import.meta.resolve` maps the package export to a path without
 * requiring the file to exist, which lets us name the exact missing file in the error.
 */
export function defaultSpecPath() {
  return fileURLToPath(import.meta.resolve("@hatch-api/spec/openapi.json"));
}

/**
 * Resolves the spec to serve (the bundled one unless a path is given) and checks it is there.
 *
 * @param {string | undefined} specPath
 * @returns {string} an absolute path
 */
export function resolveSpecPath(specPath) {
  const path = specPath ? resolve(specPath) : defaultSpecPath();
  if (!existsSync(path)) throw new SpecNotFoundError(path, { isDefault: !specPath });
  return path;
}
