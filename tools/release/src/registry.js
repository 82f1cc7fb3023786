// @ts-check
import { ReleaseError } from "./errors.js";

export const PUBLIC_REGISTRY = "https://registry.npmjs.org/";

/**
 * The registry to publish to: `npm_config_registry` from the environment (npm and pnpm both read it),
 * else the public npm registry. Always returned with a trailing slash.
 *
 * @param {NodeJS.ProcessEnv} env
 * @returns {string}
 */
export function resolveRegistry(env) {
  const configured = env.npm_config_registry || env.NPM_CONFIG_REGISTRY || PUBLIC_REGISTRY;
  let url;
  try {
    url = new URL(configured);
  } catch {
    throw new ReleaseError(`npm_config_registry is not a URL: "${configured}".`, { step: "registry" });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ReleaseError(`npm_config_registry must be an http(s) URL, got protocol "${url.protocol}".`, {
      step: "registry",
    });
  }
  if (url.username || url.password) {
    // Never echo the URL itself: it carries credentials.
    throw new ReleaseError("npm_config_registry must not contain credentials; put the token in NPM_TOKEN.", {
      step: "registry",
    });
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}
