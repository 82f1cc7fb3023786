// @ts-check
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const specDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = createRequire(import.meta.url).resolve("@sdkit/bundle/cli");

/**
 * Runs `openapi-bundle <args>` in `cwd` and returns its exit code and combined output.
 *
 * @param {string[]} args
 * @param {string} cwd
 */
export function runBundleCli(args, cwd) {
  // As from a plain shell in `cwd`: without the INIT_CWD of the pnpm running vitest, paths print relative to `cwd`.
  const { INIT_CWD: _initCwd, npm_package_name: _name, TURBO_HASH: _hash, ...env } = process.env;
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Copies the spec sources (not dist) into a fresh temporary directory and returns its path. */
export function copySpecSources() {
  const dir = mkdtempSync(join(tmpdir(), "hatch-spec-"));
  for (const name of ["openapi.yaml", "redocly.yaml", "overlays"]) {
    cpSync(join(specDir, name), join(dir, name), { recursive: true });
  }
  return dir;
}

export function removeDir(/** @type {string} */ dir) {
  rmSync(dir, { recursive: true, force: true });
}
