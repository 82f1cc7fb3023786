#!/usr/bin/env node
// @ts-check
/**
 * Per-call overhead of @hatch-api/client against bare openapi-fetch, both in this process, both
 * calling the same fetch, so the difference is the client's own work: headers, the rate limiter,
 * the timeout and abort wiring, the buffered body, the request kept for retries, and (for
 * contacts.upsert) result unwrapping. By default the fetch is in memory (no network), which shows
 * the overhead at its largest; `BENCH_TRANSPORT=loopback` uses the real fetch against a node:http
 * server on 127.0.0.1, as users meet it. Not a test: numbers vary by machine.
 * Run after `pnpm build`: `pnpm --filter @hatch-api/client bench`.
 */
import { createServer } from "node:http";
import createClient from "openapi-fetch";
import { createHatchClient } from "../dist/index.js";

const LOOPBACK = process.env.BENCH_TRANSPORT === "loopback";
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? (LOOPBACK ? 2_000 : 20_000));
const ROUNDS = 7;
const body = { source: "custom:website-quote-form", firstName: "Dana", phoneNumber: "6364618187" };
const reply = JSON.stringify({ data: { id: "4856cea1-0fdc-458b-9e76-57b9bbd4c891" } });

/** @param {Request} request */
async function memoryFetch(request) {
  await request.text(); // read the body as a server would
  return new Response(reply, { status: 200, headers: { "content-type": "application/json" } });
}

let baseUrl = "https://api.usehatchapp.com";
/** @type {(request: Request) => Promise<Response>} */
let benchFetch = memoryFetch;
const server = LOOPBACK
  ? createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(reply) });
        res.end(reply);
      });
    })
  : undefined;
if (server) {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  baseUrl = `http://127.0.0.1:${address.port}`;
  benchFetch = (request) => fetch(request);
}

/** @type {import("openapi-fetch").Client<import("@hatch-api/types").paths>} */
const bare = createClient({ baseUrl, fetch: benchFetch });
const hatchNoLimiter = createHatchClient({ apiKey: "bench-key", baseUrl, fetch: benchFetch, rateLimit: false });
// A limit far above what the loop reaches, so the limiter does its bookkeeping but never waits.
const hatch = createHatchClient({
  apiKey: "bench-key",
  baseUrl,
  fetch: benchFetch,
  rateLimit: { limit: 10_000_000, intervalMs: 1 },
});

/** @type {Record<string, () => Promise<unknown>>} */
const cases = {
  "openapi-fetch POST (bare)": () =>
    bare.POST("/v1/contacts", { body, headers: { Authorization: "Bearer bench-key" } }),
  "hatch.POST (limiter on)": () => hatch.POST("/v1/contacts", { body }),
  "hatch.POST (rateLimit: false)": () => hatchNoLimiter.POST("/v1/contacts", { body }),
  "hatch.contacts.upsert (limiter on)": () => hatch.contacts.upsert(body),
};

/**
 * Wall time and this process's CPU time (user + system) per call, in µs. CPU time is the steadier
 * figure on a shared machine: a busy neighbour stretches wall time, not this process's CPU time.
 * @param {() => Promise<unknown>} call
 */
async function timeRound(call) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < ITERATIONS; i++) await call();
  const used = process.cpuUsage(cpu);
  return { wall: ((performance.now() - start) * 1000) / ITERATIONS, cpu: (used.user + used.system) / ITERATIONS };
}

/** @type {Record<string, Array<{ wall: number, cpu: number }>>} */
const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (const call of Object.values(cases)) await timeRound(call); // warm-up (JIT, undici)
// Interleave the cases round by round so drift (GC, a busy neighbour) hits them all alike.
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, call] of Object.entries(cases)) samples[name]?.push(await timeRound(call));
}

const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const bareSamples = samples["openapi-fetch POST (bare)"] ?? [];
const baseWall = median(bareSamples.map((x) => x.wall));
const baseCpu = median(bareSamples.map((x) => x.cpu));
process.stdout.write(
  `node ${process.version}, ${LOOPBACK ? "loopback HTTP" : "in-memory fetch"}, ${ITERATIONS} sequential calls x ${ROUNDS} rounds, medians per call\n`,
);
for (const [name, xs] of Object.entries(samples)) {
  const wall = median(xs.map((x) => x.wall));
  const cpu = median(xs.map((x) => x.cpu));
  process.stdout.write(
    `${name.padEnd(38)} wall ${wall.toFixed(1).padStart(7)} µs  x${(wall / baseWall).toFixed(2)}   ` +
      `cpu ${cpu.toFixed(1).padStart(7)} µs  x${(cpu / baseCpu).toFixed(2)}   +${(cpu - baseCpu).toFixed(1)} µs\n`,
  );
}
server?.close();
