#!/usr/bin/env node
// @ts-check
/**
 * Per-call cost of the built @hatch-api/client (rate limiter off) against bare openapi-fetch and
 * plain fetch, measured two ways:
 * - in-process: every side calls the same in-memory fetch (no network), so the difference is the
 *   client's own work (headers, per-attempt timeout and abort wiring, the cloned request kept for
 *   retries, error mapping, and for contacts.upsert the result unwrapping);
 * - loopback: every side calls a node:http server on 127.0.0.1 (in a child process) through the
 *   runtime's fetch, which is what a user's process pays per request (the budgeted figures); and
 *   once more with a wrapper around it injected as `fetch` on every side (reported).
 * Robust to a loaded machine (other processes share the cores): each subject is measured in many
 * short blocks, each block paired with a block of bare openapi-fetch run right before or after it
 * (the order alternates, ABBA, so neither side always runs first), and the figure a budget judges is
 * the median of the per-pair ratios. A busy moment then lands on both halves of a pair, and the
 * pairs it spoils are outvoted by the median. Not a test: numbers vary by machine. `--json` prints
 * every pair for `pnpm bench`, with the load average before and after.
 * Run after `pnpm build`: `node bench/src/suites/client/overhead.js`.
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { createHatchClient } from "@hatch-api/client";
import createClient from "openapi-fetch";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    // Pairs per subject, and calls per block (a block lasts a few milliseconds).
    pairs: { type: "string", default: "200" },
    "in-process-calls": { type: "string", default: "20" },
    "loopback-calls": { type: "string", default: "5" },
  },
});
const PAIRS = Number(values.pairs);
const BASELINE = "openapi-fetch (bare)";
const body = { source: "custom:website-quote-form", firstName: "Dana", phoneNumber: "6364618187" };
const reply = JSON.stringify({ data: { id: "4856cea1-0fdc-458b-9e76-57b9bbd4c891" } });
const API_KEY = "bench-key";

/** @param {Request} request */
async function memoryFetch(request) {
  await request.text(); // read the body as a server would
  return new Response(reply, { status: 200, headers: { "content-type": "application/json" } });
}

/**
 * The four ways to make the same call, against `baseUrl` with `fetchImpl` (undefined: each side's
 * default, the runtime's own fetch, as a user who injects none gets it).
 *
 * @param {string} baseUrl
 * @param {((request: Request) => Promise<Response>) | undefined} fetchImpl
 * @returns {Record<string, () => Promise<unknown>>}
 */
function cases(baseUrl, fetchImpl) {
  /** @type {import("openapi-fetch").Client<import("@hatch-api/types").paths>} */
  const bare = createClient({ baseUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const hatch = createHatchClient({
    apiKey: API_KEY,
    baseUrl,
    rateLimit: false,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  const send = fetchImpl ?? fetch;
  const url = `${baseUrl}/v1/contacts`;
  return {
    "plain fetch": async () => {
      const response = await send(
        new Request(url, {
          method: "POST",
          headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
      return response.json();
    },
    "openapi-fetch (bare)": () => bare.POST("/v1/contacts", { body, headers: { Authorization: `Bearer ${API_KEY}` } }),
    "hatch.POST": () => hatch.POST("/v1/contacts", { body }),
    "hatch.contacts.upsert": () => hatch.contacts.upsert(body),
  };
}

/**
 * Each subject against the baseline in paired blocks: per pair, a block of `iterations` calls of
 * each, back to back, the order alternating from pair to pair.
 *
 * @param {Record<string, () => Promise<unknown>>} calls
 * @param {number} iterations
 * @returns {Promise<Record<string, { us: number[], baselineUs: number[] }>>} µs per call, one entry per pair
 */
async function measure(calls, iterations) {
  /** @param {() => Promise<unknown>} call */
  const block = async (call) => {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) await call();
    return ((performance.now() - start) * 1000) / iterations;
  };
  const baseline = /** @type {() => Promise<unknown>} */ (calls[BASELINE]);
  const subjects = Object.keys(calls).filter((name) => name !== BASELINE);
  // Warm-up (JIT, connection pool): a few blocks of each.
  for (let i = 0; i < 5; i++) for (const call of Object.values(calls)) await block(call);
  /** @type {Record<string, { us: number[], baselineUs: number[] }>} */
  const pairs = Object.fromEntries(subjects.map((name) => [name, { us: [], baselineUs: [] }]));
  for (let pair = 0; pair < PAIRS; pair++) {
    // The subjects' order rotates too, so none always follows the same neighbour.
    for (let k = 0; k < subjects.length; k++) {
      const name = /** @type {string} */ (subjects[(pair + k) % subjects.length]);
      const call = /** @type {() => Promise<unknown>} */ (calls[name]);
      const side = /** @type {{ us: number[], baselineUs: number[] }} */ (pairs[name]);
      if (pair % 2 === 0) {
        side.baselineUs.push(await block(baseline));
        side.us.push(await block(call));
      } else {
        side.us.push(await block(call));
        side.baselineUs.push(await block(baseline));
      }
    }
  }
  return pairs;
}

/**
 * A minimal JSON server on 127.0.0.1 in a child process, so its work does not share our event loop.
 *
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
async function startLoopbackServer() {
  const source = `
    const http = require("node:http");
    const reply = ${JSON.stringify(reply)};
    const server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(reply) });
        res.end(reply);
      });
    });
    server.keepAliveTimeout = 60000;
    server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
    process.stdin.on("end", () => process.exit(0)).resume();
  `;
  const child = spawn(process.execPath, ["-e", source], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve(Number(String(chunk).trim())));
    child.once("exit", (code) => reject(new Error(`loopback server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

const loadBefore = loadavg();
const inProcess = await measure(cases("https://api.usehatchapp.com", memoryFetch), Number(values["in-process-calls"]));
const server = await startLoopbackServer();
let loopback;
let loopbackInjected;
try {
  loopback = await measure(cases(server.url, undefined), Number(values["loopback-calls"]));
  // The same with a fetch injected on every side (a wrapper around the runtime's): the client then
  // builds a Request per attempt itself. Reported, not budgeted: most users inject none.
  loopbackInjected = await measure(
    cases(server.url, (request) => fetch(request)),
    Number(values["loopback-calls"]),
  );
} finally {
  server.stop();
}

const load = { before: loadBefore, after: loadavg() };
if (values.json) {
  process.stdout.write(`${JSON.stringify({ inProcess, loopback, loopbackInjected, load })}\n`);
} else {
  const median = (/** @type {number[]} */ xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  };
  const avg = (/** @type {number[]} */ xs) => xs.map((n) => n.toFixed(2)).join(" / ");
  process.stdout.write(`load average ${avg(load.before)} before, ${avg(load.after)} after\n`);
  for (const [title, pairs] of /** @type {const} */ ([
    ["in-process (stub fetch)", inProcess],
    ["loopback (node:http on 127.0.0.1)", loopback],
    ["loopback, fetch injected", loopbackInjected],
  ])) {
    process.stdout.write(`${title}, ${PAIRS} pairs per subject; median µs per call, median of paired ratios\n`);
    for (const [name, { us, baselineUs }] of Object.entries(pairs)) {
      const ratio = median(us.map((u, i) => u / (baselineUs[i] ?? Number.NaN)));
      process.stdout.write(
        `  ${name.padEnd(24)} ${median(us).toFixed(1).padStart(8)} µs  (bare ${median(baselineUs).toFixed(1).padStart(7)} µs)   x${ratio.toFixed(2)}\n`,
      );
    }
  }
}
