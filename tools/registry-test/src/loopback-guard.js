// @ts-check

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Throws unless `registry` is an http(s) URL on this machine. Called before every publish the
 * registry test makes, so no test can ever publish to the public registry, whatever the environment.
 *
 * @param {string | undefined} registry
 * @returns {string} the registry, unchanged
 */
export function assertLoopbackRegistry(registry) {
  let url;
  try {
    url = new URL(String(registry));
  } catch {
    throw new Error(`Refusing to publish: registry "${registry}" is not a URL.`);
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`Refusing to publish: registry ${url.origin} is not on the loopback interface.`);
  }
  return /** @type {string} */ (registry);
}
