// @ts-check
// The Cloudflare Worker run by workerd (through Miniflare, no nodejs_compat flag): `GET /?baseUrl=&runId=`
// runs the smoke suite from inside the worker and answers with its report.
import * as capabilities from "@hatch-api/capabilities-fixture";
import * as client from "@hatch-api/client";
import { runSmokeSuite } from "./smoke-suite.js";

export default {
  /** @param {Request} request */
  async fetch(request) {
    const url = new URL(request.url);
    const report = await runSmokeSuite(client, {
      baseUrl: url.searchParams.get("baseUrl") ?? "",
      runId: url.searchParams.get("runId") ?? "",
      capabilities,
    });
    return Response.json(report);
  },
};
