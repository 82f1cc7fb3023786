// @ts-check
import { createServer } from "node:http";
import { startMock } from "@sdkit/mock";
import { metric } from "../metric.js";
import { pairedRatios } from "../stats.js";

const body = JSON.stringify({ source: "custom:website-quote-form", firstName: "Dana", phoneNumber: "6364618187" });
const headers = { authorization: "Bearer bench-key", "content-type": "application/json" };

/**
 * Sends `POST /v1/contacts` with `concurrency` requests in flight until `maxRequests` are done or
 * `maxMs` has passed, whichever comes first (a load loop must stop by itself), and returns the rate.
 *
 * @param {string} baseUrl a 127.0.0.1 URL
 * @param {{ maxRequests: number, maxMs: number, concurrency: number }} limits
 */
export async function requestsPerSecond(baseUrl, { maxRequests, maxMs, concurrency }) {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl)) throw new Error(`load only goes to 127.0.0.1, not ${baseUrl}`);
  const url = `${baseUrl}/v1/contacts`;
  const deadline = performance.now() + maxMs;
  let started = 0;
  let completed = 0;
  const begin = performance.now();
  const worker = async () => {
    while (started < maxRequests && performance.now() < deadline) {
      started++;
      const response = await fetch(url, { method: "POST", headers, body });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}, expected 200`);
      completed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return completed / ((performance.now() - begin) / 1000);
}

/** A bare node:http server answering like the mock, as the baseline for what loopback HTTP costs here. */
async function startBaseline() {
  const reply = JSON.stringify({ data: { id: "4856cea1-0fdc-458b-9e76-57b9bbd4c891" } });
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(reply) });
      res.end(reply);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * Prism on our bundled spec against a bare node:http server, alternating in each round.
 *
 * @param {{ runs: number, log: (line: string) => void, maxRequests?: number, maxMs?: number, concurrency?: number }} options
 * @returns {Promise<Array<import("../metric.js").Metric>>}
 */
export async function prismSuite({ runs, log, maxRequests = 1000, maxMs = 15_000, concurrency = 8 }) {
  const limits = { maxRequests, maxMs, concurrency };
  const mock = await startMock({ port: 0, log: false });
  const baseline = await startBaseline();
  /** @type {number[]} */
  const prism = [];
  /** @type {number[]} */
  const bare = [];
  try {
    await requestsPerSecond(mock.url, { ...limits, maxRequests: 50 }); // warm-up
    for (let round = 0; round < runs; round++) {
      prism.push(await requestsPerSecond(mock.url, limits));
      bare.push(await requestsPerSecond(baseline.url, limits));
      log(
        `prism run ${round + 1}/${runs}: ${prism.at(-1)?.toFixed(0)} req/s (bare node:http ${bare.at(-1)?.toFixed(0)})`,
      );
    }
  } finally {
    await mock.stop();
    await baseline.stop();
  }
  const how = `POST /v1/contacts, ${concurrency} in flight, up to ${maxRequests} requests or ${maxMs / 1000} s per run`;
  return [
    metric({ id: "prism.rps", label: "Prism (@sdkit/mock) on our spec", unit: "req/s", samples: prism, note: how }),
    metric({ id: "prism.baselineRps", label: "bare node:http, same reply", unit: "req/s", samples: bare, note: how }),
    metric({
      id: "prism.ratio",
      label: "Prism / bare node:http throughput",
      unit: "x",
      samples: pairedRatios(prism, bare),
    }),
  ];
}
