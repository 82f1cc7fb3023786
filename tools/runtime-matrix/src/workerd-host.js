// @ts-check
// Run by the pinned Node 22 (Miniflare 4 needs Node 22+): `node workerd-host.js <baseUrl> <runId>`.
// Starts workerd through Miniflare with the worker, the smoke suite, the built client and openapi-fetch
// as separate ES modules (as published, no bundler), asks the worker to run the suite, and prints the
// report with the workerd version added, since a worker cannot see it.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { importMiniflare, workerd } from "@hatch-api/runtime-binaries";
import { clientModuleFiles } from "./client-files.js";
import { REPORT_MARKER } from "./suite/report-marker.js";

const [baseUrl = "", runId = ""] = process.argv.slice(2);
const files = clientModuleFiles();
const root = "/hatch-runtime-matrix";
/** @param {string} name @param {string} file */
const module = async (name, file) => ({
  type: /** @type {const} */ ("ESModule"),
  path: `${root}/${name}`,
  contents: await readFile(file, "utf8"),
});

const { Miniflare } = await importMiniflare();
const miniflare = new Miniflare({
  modulesRoot: root,
  modules: [
    await module("worker.js", fileURLToPath(new URL("suite/worker.js", import.meta.url))),
    await module("smoke-suite.js", fileURLToPath(new URL("suite/smoke-suite.js", import.meta.url))),
    await module("@hatch-api/client", files.client),
    await module("@hatch-api/capabilities-fixture", files.capabilities),
    // workerd resolves a bare specifier against the importing module's name, so the client's
    // `import "openapi-fetch"` from the module "@hatch-api/client" looks up "@hatch-api/openapi-fetch".
    await module("@hatch-api/openapi-fetch", files.openapiFetch),
  ],
  compatibilityDate: "2026-07-01",
  host: "127.0.0.1",
  port: 0,
});
try {
  const query = new URLSearchParams({ baseUrl, runId });
  const response = await miniflare.dispatchFetch(`http://worker.invalid/?${query}`);
  if (!response.ok) throw new Error(`the worker answered ${response.status}: ${await response.text()}`);
  const report = /** @type {{ runtime: Record<string, string> }} */ (await response.json());
  const { version, miniflare: miniflareVersion } = workerd();
  report.runtime = { ...report.runtime, version, miniflare: miniflareVersion };
  console.log(`${REPORT_MARKER}${JSON.stringify(report)}`);
} finally {
  await miniflare.dispose();
}
