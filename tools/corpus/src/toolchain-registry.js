// @ts-check
// A full run installs the toolchain the way a new user does: from a registry. The scaffold writes
// `@sdkit/*` dependencies as version ranges, so before the first document the toolchain of the
// checkout under test is packed and published, once, to a Verdaccio of the run's own on 127.0.0.1
// (the helpers the scaffold's end-to-end test uses). Every scaffolded repo then installs with a user
// npmrc outside the repo that sends the `@sdkit` scope there; third-party packages keep coming from
// the npm registry the machine is configured with, through the warm pnpm store first.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { assertLoopbackRegistry } from "@hatch-api/registry-test/loopback-guard";
import { isolatedRegistryEnv } from "@hatch-api/registry-test/registry-env";
import { listToolchainPackages, packToolchain, publishFolders } from "@hatch-api/registry-test/toolchain";
import { startVerdaccio } from "@hatch-api/registry-test/verdaccio";

/** The npm scope of the toolchain packages (what the scaffolded repos depend on). */
export const TOOLCHAIN_SCOPE = "@sdkit";

/**
 * The user npmrc of a run: the toolchain's scope from the local registry, and the token to publish
 * there. Nothing is written into the scaffolded repos; only their install's environment points here.
 *
 * @param {string} registry the local registry's URL
 * @param {string} token
 */
export function registryUserconfig(registry, token) {
  const url = assertLoopbackRegistry(registry);
  const host = new URL(url).host;
  return `${TOOLCHAIN_SCOPE}:registry=${url}\n//${host}/:_authToken=${token}\n`;
}

/**
 * The environment every stage of a scaffolded repo runs in: the caller's, without the settings pnpm
 * hands to the scripts it runs (`pnpm corpus` is one), the telemetry off, and, when a registry is
 * up, its npmrc.
 *
 * @param {NodeJS.ProcessEnv} base
 * @param {{ userconfig?: string }} [registry] `userconfig`: the npmrc written by `startToolchainRegistry`
 * @returns {NodeJS.ProcessEnv}
 */
export function repoEnv(base, registry = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(base)) {
    if (!/^(npm|pnpm)_|^(TURBO_|VITEST)|^NODE_OPTIONS$/i.test(key)) env[key] = value;
  }
  Object.assign(env, { CI: "true", TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off" });
  if (registry.userconfig) {
    Object.assign(env, {
      npm_config_userconfig: registry.userconfig,
      // Third-party packages the pnpm store holds need no round trip to the registry.
      pnpm_config_prefer_offline: "true",
      // pnpm installs only releases older than a day by default; the toolchain was published seconds ago.
      pnpm_config_minimum_release_age: "0",
    });
  }
  return env;
}

/**
 * @typedef {object} ToolchainRegistry
 * @property {string} url
 * @property {string} userconfig the npmrc the scaffolded repos install with
 * @property {Array<{ name: string, version: string }>} packages what was published
 * @property {number} seconds start and publish
 * @property {() => Promise<void>} stop stops Verdaccio and removes its storage; safe to call twice
 */

/**
 * Starts Verdaccio under `dir` and publishes the toolchain of `toolchain` (a checkout, built) to it.
 *
 * @param {{ toolchain: string, dir: string }} options
 * @returns {Promise<ToolchainRegistry>}
 */
export async function startToolchainRegistry({ toolchain, dir }) {
  const started = performance.now();
  await mkdir(dir, { recursive: true });
  const registry = await startVerdaccio(join(dir, "verdaccio"));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await registry.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const url = assertLoopbackRegistry(registry.url);
    const userconfig = join(dir, "npmrc");
    await writeFile(userconfig, registryUserconfig(url, registry.token));
    const env = await isolatedRegistryEnv({ registry: url, token: registry.token, userconfig, dir });
    const packages = await listToolchainPackages(toolchain);
    if (packages.length === 0) throw new Error(`${toolchain}: no publishable ${TOOLCHAIN_SCOPE}/* package found`);
    const folders = await packToolchain(packages, { dest: join(dir, "release") });
    await publishFolders(folders, { registry: url, env });
    return {
      url,
      userconfig,
      packages: packages.map(({ name, version }) => ({ name, version })),
      seconds: (performance.now() - started) / 1000,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
