#!/usr/bin/env node
// @ts-check
/**
 * What the rate limiter's rule costs in throughput. A permit is held from its send until one
 * window after its response is seen (so a server counting by arrival never sees more than the
 * limit), so a saturated client sustains `limit / (intervalMs + latency)` rather than the ideal
 * `limit / intervalMs`. This script measures the sustained rate of the built @hatch-api/client,
 * saturated (far more calls queued than the limit), against a node:http server on 127.0.0.1
 * that answers after a fixed latency, for several latencies, and reports it as a ratio of the
 * ideal rate (the baseline, computed from the same options). The window is scaled down (the
 * rule's cost depends on latency / intervalMs only), so pass the real window to see Hatch's case:
 * `node bench/src/suites/client/limiter.js --interval-ms 10000 --limit 100`.
 * Not a test: numbers vary by machine. `--json` prints the raw figures.
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { createHatchClient } from "@hatch-api/client";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    limit: { type: "string", default: "50" },
    "interval-ms": { type: "string", default: "1000" },
    windows: { type: "string", default: "4" },
    latencies: { type: "string", default: "0,10,50" },
  },
});
const limit = Number(values.limit);
const intervalMs = Number(values["interval-ms"]);
const windows = Number(values.windows);
const reply = JSON.stringify({ data: { id: "4856cea1-0fdc-458b-9e76-57b9bbd4c891" } });

/** @param {number} latencyMs */
async function measure(latencyMs) {
  /** @type {number[]} */
  const arrivals = [];
  const server = createServer((req, res) => {
    arrivals.push(performance.now());
    req.resume();
    req.on("end", () =>
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(reply);
      }, latencyMs),
    );
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  try {
    const hatch = createHatchClient({
      apiKey: "bench-key",
      baseUrl: `http://127.0.0.1:${address.port}`,
      rateLimit: { limit, intervalMs },
      totalTimeoutMs: 3_600_000,
    });
    // One initial burst plus `windows` saturated windows. Request i + limit can only start once
    // request i's permit frees, so the cycle (arrival of i + limit minus arrival of i, averaged)
    // is what the limiter makes each slot cost; the rate is `limit` per cycle.
    const calls = limit * (windows + 1);
    await Promise.all(
      Array.from({ length: calls }, () => hatch.contacts.upsert({ source: "custom:bench", firstName: "Dana" })),
    );
    let total = 0;
    for (let i = 0; i + limit < arrivals.length; i++) total += (arrivals[i + limit] ?? 0) - (arrivals[i] ?? 0);
    const cycleMs = total / (arrivals.length - limit);
    const rate = limit / (cycleMs / 1000);
    const ideal = limit / (intervalMs / 1000);
    return { latencyMs, cycleMs, rate, ideal, ratio: rate / ideal, predicted: intervalMs / (intervalMs + latencyMs) };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(() => resolve(undefined)));
  }
}

const results = [];
for (const latency of String(values.latencies).split(",").map(Number)) results.push(await measure(latency));
if (values.json) {
  console.log(JSON.stringify({ limit, intervalMs, results }));
} else {
  console.log(`limit ${limit} per ${intervalMs} ms, saturated, ${windows} windows per case`);
  for (const r of results) {
    console.log(
      `latency ${String(r.latencyMs).padStart(4)} ms: ${r.rate.toFixed(2)} req/s = ${(r.ratio * 100).toFixed(1)} % of the ideal ${r.ideal} req/s, a slot every ${r.cycleMs.toFixed(1)} ms (predicted ${(r.predicted * 100).toFixed(1)} %)`,
    );
  }
}
