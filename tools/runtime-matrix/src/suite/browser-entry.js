// @ts-check
// Loaded by the smoke server's page in Chromium (`/browser.html?runId=`): resolves the built client
// through the page's import map, runs the smoke suite against the page's own origin, and leaves the
// report on `window.hatchSmokeReport` for the test to collect.
import * as capabilities from "@hatch-api/capabilities-fixture";
import * as client from "@hatch-api/client";
import { runSmokeSuite } from "./smoke-suite.js";

const runId = new URL(location.href).searchParams.get("runId") ?? "";
const report = await runSmokeSuite(client, { baseUrl: location.origin, runId, browser: true, capabilities });
Object.assign(window, { hatchSmokeReport: report });
