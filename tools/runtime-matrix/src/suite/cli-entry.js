// @ts-check
// Run by Node, Bun and Deno: `<runtime> cli-entry.js <baseUrl> <runId>`. Imports the built client by
// its package name, the way a user's code does, and prints the smoke report as one marked line.
import * as capabilities from "@hatch-api/capabilities-fixture";
import * as client from "@hatch-api/client";
import { REPORT_MARKER } from "./report-marker.js";
import { runSmokeSuite } from "./smoke-suite.js";

const scope = /** @type {any} */ (globalThis);
const [baseUrl, runId] = scope.Deno ? scope.Deno.args : scope.process.argv.slice(2);
const report = await runSmokeSuite(client, { baseUrl, runId, capabilities });
console.log(`${REPORT_MARKER}${JSON.stringify(report)}`);
