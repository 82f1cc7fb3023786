// @ts-check
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The built client's ESM entry and the ESM entry of the openapi-fetch it depends on, as files on
 * disk: for runtimes that are handed modules (workerd) or fetch them by URL (Chromium) instead of
 * resolving packages themselves.
 */
export function clientModuleFiles() {
  const client = fileURLToPath(import.meta.resolve("@hatch-api/client"));
  const clientRequire = createRequire(client);
  const openapiFetchDir = dirname(clientRequire.resolve("openapi-fetch/package.json"));
  const manifest = JSON.parse(readFileSync(join(openapiFetchDir, "package.json"), "utf8"));
  const entry = manifest.exports?.["."]?.import ?? manifest.module;
  if (typeof entry !== "string") throw new Error(`openapi-fetch at ${openapiFetchDir} has no ESM entry`);
  // The capabilities fixture SDK (pagination, webhooks) imports the same openapi-fetch version.
  const capabilities = fileURLToPath(import.meta.resolve("@hatch-api/capabilities-fixture"));
  return { client, capabilities, openapiFetch: join(openapiFetchDir, entry) };
}

/** What the smoke server serves under /modules/ for the Chromium page (see smoke-server.js). */
export function browserModuleFiles() {
  const { client, capabilities, openapiFetch } = clientModuleFiles();
  /** @param {string} name */
  const suiteFile = (name) => fileURLToPath(new URL(`suite/${name}`, import.meta.url));
  return {
    "client.js": client,
    "capabilities.js": capabilities,
    "openapi-fetch.js": openapiFetch,
    "smoke-suite.js": suiteFile("smoke-suite.js"),
    "browser-entry.js": suiteFile("browser-entry.js"),
  };
}
