// @ts-check
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const cli = join(here, "../src/cli.js");

/** A copy of the petstore fixture in a fresh temporary folder. */
export function copyFixture() {
  const work = mkdtempSync(join(tmpdir(), "openapi-bundle-test-"));
  cpSync(join(here, "fixtures/petstore"), work, { recursive: true });
  return work;
}

/**
 * Runs the CLI in `cwd` with a plain shell's environment (no INIT_CWD or package name from the
 * pnpm that runs vitest) plus `env`.
 *
 * @param {string[]} args
 * @param {{ cwd: string, env?: Record<string, string> }} options
 */
export function runCli(args, { cwd, env = {} }) {
  const { INIT_CWD: _initCwd, npm_package_name: _name, TURBO_HASH: _hash, ...base } = process.env;
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { ...base, ...env } });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}`, stdout: result.stdout };
}
