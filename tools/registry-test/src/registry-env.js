// @ts-check
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { assertLoopbackRegistry } from "./loopback-guard.js";

// Settings inherited from the caller (pnpm sets many npm_config_* for scripts, a developer may have
// a registry or token configured) must not leak into the isolated publish/install.
const INHERITED_CONFIG = /^(npm_config_|pnpm_config_|npm_package_|npm_lifecycle_)|^NPM_TOKEN$/i;

/**
 * The environment for every npm/pnpm/changeset child of the registry test: the loopback registry
 * only, credentials through the same `${NPM_TOKEN}` .npmrc the release uses, and private caches.
 *
 * @param {{ registry: string, token: string, userconfig: string, dir: string }} options
 *   `userconfig` is the .npmrc written by `writePublishUserconfig`; `dir` a scratch directory
 * @returns {Promise<NodeJS.ProcessEnv>}
 */
export async function isolatedRegistryEnv({ registry, token, userconfig, dir }) {
  assertLoopbackRegistry(registry);
  const globalconfig = join(dir, "global-npmrc");
  await writeFile(globalconfig, "");
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!INHERITED_CONFIG.test(key)) env[key] = value;
  }
  return {
    ...env,
    NPM_TOKEN: token,
    npm_config_registry: registry,
    npm_config_userconfig: userconfig,
    npm_config_globalconfig: globalconfig,
    npm_config_cache: join(dir, "npm-cache"),
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
    // Provenance needs a CI OIDC identity; the packages ask for it in publishConfig for real releases.
    npm_config_provenance: "false",
    // pnpm 12 otherwise resolves its own version (the root `packageManager`) from the registry, which
    // this offline registry does not hold. The running pnpm is that version already.
    pnpm_config_pm_on_fail: "ignore",
  };
}
