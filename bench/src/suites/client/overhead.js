#!/usr/bin/env node
// @ts-check
/**
 * Per-call cost of the built @hatch-api/client (rate limiter off) against bare openapi-fetch and
 * plain fetch, measured two ways:
 * - in-process: every side calls the same in-memory fetch (no network), so the difference is the
 *   client's own work (headers, per-attempt timeout and abort wiring, the cloned request kept for
 *   retries, error mapping, and for contacts.upsert the result unwrapping);
 * - loopback: every side calls a node:http server on 127.0.0.1 (in a child process) through the
 *   runtime's fetch, which is what a user's process pays per request.
 * Cases are interleaved round by round so drift (GC, a busy neighbour) hits them all alike.
 * Not a test: numbers vary by machine. `--json` prints the raw rounds for `pnpm bench`.
 * Run after `pnpm build`: `node bench/src/suites/client/overhead.js`.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { createHatchClient } from "@hatch-api/client";
import createClient from "openapi-fetch";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    rounds: { type: "string", default: "5" },
    "in-process-calls": { type: "string", default: "3000" },
    "loopback-calls": { type: "string", default: "500" },
  },
});
const ROUNDS = Number(values.rounds);
const body = { source: "custom:website-quote-form", firstName: "Dana", phoneNumber: "6364618187" };
const reply = JSON.stringify({ data: { id: "4856cea1-0fdc-458b-9e76-57b9bbd4c891" } });
const API_KEY = "bench-key";

/** @param {Request} request */
async function memoryFetch(request) {
  await request.text(); // read the body as a server would
  return new Response(reply, { status: 200, headers: { "content-type": "application/json" } });
}

/**
 * The four ways to make the same call, against `baseUrl` with `fetchImpl`.
 *
 * @param {string} baseUrl
 * @param {(request: Request) => Promise<Response>} fetchImpl
 * @returns {Record<string, () => Promise<unknown>>}
 */
function cases(baseUrl, fetchImpl) {
  /** @type {import("openapi-fetch").Client<import("@hatch-api/types").paths>} */
  const bare = createClient({ baseUrl, fetch: fetchImpl });
  const hatch = createHatchClient({ apiKey: API_KEY, baseUrl, fetch: fetchImpl, rateLimit: false });
  const url = `${baseUrl}/v1/contacts`;
  return {
    "plain fetch": async () => {
      const response = await fetchImpl(
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
 * @param {Record<string, () => Promise<unknown>>} calls
 * @param {number} iterations
 * @returns {Promise<Record<string, number[]>>} µs per call, one entry per round
 */
async function measure(calls, iterations) {
  /** @param {() => Promise<unknown>} call */
  const timeRound = async (call) => {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) await call();
    return ((performance.now() - start) * 1000) / iterations;
  };
  /** @type {Record<string, number[]>} */
  const samples = Object.fromEntries(Object.keys(calls).map((name) => [name, []]));
  for (const call of Object.values(calls)) await timeRound(call); // warm-up (JIT, connection pool)
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, call] of Object.entries(calls)) samples[name]?.push(await timeRound(call));
  }
  return samples;
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

const inProcess = await measure(cases("https://api.usehatchapp.com", memoryFetch), Number(values["in-process-calls"]));
const server = await startLoopbackServer();
let loopback;
try {
  loopback = await measure(
    cases(server.url, (request) => fetch(request)),
    Number(values["loopback-calls"]),
  );
} finally {
  server.stop();
}

if (values.json) {
  process.stdout.write(`${JSON.stringify({ inProcess, loopback })}\n`);
} else {
  const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  for (const [title, samples] of /** @type {const} */ ([
    ["in-process (stub fetch)", inProcess],
    ["loopback (node:http on 127.0.0.1)", loopback],
  ])) {
    const baseline = median(samples["openapi-fetch (bare)"] ?? []);
    process.stdout.write(`${title}, ${ROUNDS} rounds, median µs per call\n`);
    for (const [name, xs] of Object.entries(samples)) {
      const us = median(xs);
      process.stdout.write(`  ${name.padEnd(24)} ${us.toFixed(1).padStart(8)} µs   x${(us / baseline).toFixed(2)}\n`);
    }
  }
}
