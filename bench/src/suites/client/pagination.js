#!/usr/bin/env node
// @ts-check
/**
 * Auto-pagination's cost: iterating 10,000 items over pages of 100 (`for await` over a generated
 * list method, `x-sdk-pagination` cursor style, rate limiter off) against a hand-written loop of
 * bare openapi-fetch calls following the same cursor, both against one node:http server on
 * 127.0.0.1 in a child process. The SDK is generated from the client core's capabilities fixture
 * (tools/client-core/test/fixture/capabilities) into bench/.tmp and transpiled with TypeScript, as
 * a user's build would. Each run walks both sides over all 10,000 items in lockstep, page by page:
 * page k of one side, then page k of the other, the order alternating (ABBA). The figure a budget
 * judges is the median of the per-page ratios (for await's page over the loop's page, measured
 * back to back): on a shared, loaded machine a busy moment lands on both halves of a pair, and the
 * pairs it spoils are outvoted. Each side's whole-run time (the sum of its pages) is reported too.
 * `--client-loop` adds a diagnostic pairing, in passes of its own: the same hand-written loop on the
 * SDK's typed `GET` (the client's per-call cost, no pagination) against the bare loop, so the two
 * ratios tell what the client costs per request and what pagination adds on top.
 * Not a test. `--json` for `pnpm bench`: each side's run totals, the per-page ratios, the load average.
 * Run after `pnpm build`: `node bench/src/suites/client/pagination.js`.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import createClient from "openapi-fetch";
import ts from "typescript";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    runs: { type: "string", default: "5" },
    items: { type: "string", default: "10000" },
    "page-size": { type: "string", default: "100" },
    // "memory": both sides call an in-process fetch instead (the client's own work, no network)
    transport: { type: "string", default: "loopback" },
    "client-loop": { type: "boolean", default: false },
  },
});
const RUNS = Number(values.runs);
const ITEMS = Number(values.items);
const PAGE = Number(values["page-size"]);
const API_KEY = "bench-key";
const repo = fileURLToPath(new URL("../../../../", import.meta.url));
const fixture = join(repo, "tools/client-core/test/fixture/capabilities");
const out = join(repo, "bench/.tmp/pagination-sdk");

/** Generates the fixture's SDK and transpiles it to JavaScript next to it; returns its entry. */
async function buildSdk() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const generated = join(out, "src");
  const cli = join(repo, "tools/codegen/src/cli.js");
  const args = ["sdk", "--spec", join(fixture, "openapi.json"), "--sdk-config", join(fixture, "sdk.config.json")];
  const run = spawnSync(process.execPath, [cli, ...args, "--types-module", "../types/index.js", "--out", generated], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`openapi-codegen sdk failed:\n${run.stderr}`);
  /** @param {string} dir */
  const transpile = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) transpile(path);
      else if (entry.name.endsWith(".ts")) {
        const { outputText } = ts.transpileModule(readFileSync(path, "utf8"), {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        });
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path.replace(/\.ts$/, ".js"), outputText);
      }
    }
  };
  transpile(generated);
  return import(pathToFileURL(join(generated, "index.js")).href);
}

/**
 * A cursor-paged list of ITEMS items on 127.0.0.1 in a child process: `GET /v1/customers?limit&cursor`.
 *
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
async function startServer() {
  const source = `
    const http = require("node:http");
    const total = ${ITEMS};
    const cache = new Map();
    const page = (from, limit) => {
      const key = from + ":" + limit;
      if (!cache.has(key)) {
        const data = [];
        for (let n = from; n < Math.min(total, from + limit); n++) data.push({ id: "cus_" + n, n });
        const next = from + limit < total ? String(from + limit) : null;
        cache.set(key, JSON.stringify({ data, next_cursor: next }));
      }
      return cache.get(key);
    };
    const server = http.createServer((req, res) => {
      const url = new URL(req.url, "http://x");
      const body = page(Number(url.searchParams.get("cursor") ?? 0), Number(url.searchParams.get("limit") ?? 10));
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
    server.keepAliveTimeout = 60000;
    server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
    process.stdin.on("end", () => process.exit(0)).resume();
  `;
  const child = spawn(process.execPath, ["-e", source], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve(Number(String(chunk).trim())));
    child.once("exit", (code) => reject(new Error(`pagination server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

/** The same pages, in process: what the server sends, without the network. */
function memoryServer() {
  /** @type {Map<string, string>} */
  const cache = new Map();
  /** @param {Request} request */
  const fetchImpl = async (request) => {
    const url = new URL(request.url);
    const from = Number(url.searchParams.get("cursor") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 10);
    const key = `${from}:${limit}`;
    if (!cache.has(key)) {
      const data = [];
      for (let n = from; n < Math.min(ITEMS, from + limit); n++) data.push({ id: `cus_${n}`, n });
      cache.set(key, JSON.stringify({ data, next_cursor: from + limit < ITEMS ? String(from + limit) : null }));
    }
    const body = /** @type {string} */ (cache.get(key));
    return new Response(body, {
      headers: { "content-type": "application/json", "content-length": String(body.length) },
    });
  };
  return { url: "http://127.0.0.1:9", fetch: fetchImpl, stop: () => {} };
}

const sdk = await buildSdk();
const loadBefore = loadavg();
/** @type {{ url: string, stop: () => void, fetch?: (request: Request) => Promise<Response> }} */
const server = values.transport === "memory" ? memoryServer() : await startServer();
/** @type {Record<string, number[]>} */
const samples = { "openapi-fetch loop": [], "for await (auto-pagination)": [] };
/** @type {number[]} per page, with --client-loop: the SDK's `GET` loop's time over the bare loop's, paired */
const clientPageRatios = [];
/** @type {number[]} per page: for await's time over the loop's, paired */
const pageRatios = [];
try {
  /** @type {any} the fixture's paths are not typed here; the loop is what a user writes by hand */
  const bare = createClient({ baseUrl: server.url, ...(server.fetch ? { fetch: server.fetch } : {}) });
  const shop = sdk.createShopClient({ apiKey: API_KEY, baseUrl: server.url, rateLimit: false, fetch: server.fetch });
  // Each side as a stepper: one call walks one page (the loop's request and its items; `next()` on
  // the for-await iterator once per item, the first of a page fetching it), and says when it is done.
  /**
   * @param {any} client openapi-fetch's typed surface: bare, or the SDK's (which adds the key itself)
   * @param {Record<string, string>} headers
   * @returns {() => () => Promise<number | undefined>}
   */
  const cursorLoop = (client, headers) => () => {
    /** @type {string | undefined} */
    let cursor;
    let done = false;
    return async () => {
      if (done) return undefined;
      const { data } = await client.GET("/v1/customers", {
        params: { query: { limit: PAGE, ...(cursor === undefined ? {} : { cursor }) } },
        headers,
      });
      let count = 0;
      for (const _ of /** @type {any} */ (data).data) count++;
      cursor = /** @type {any} */ (data).next_cursor ?? undefined;
      done = cursor === undefined;
      return count;
    };
  };
  /** The hand-written loop: one step, one page (its request and its items); undefined once done. */
  const openapiFetchLoop = cursorLoop(bare, { Authorization: `Bearer ${API_KEY}` });
  /** @returns {() => Promise<number | undefined>} */
  const forAwait = () => {
    // What `for await (const item of shop.customers.list(...))` does, one page's worth per step.
    const iterator = shop.customers.list({ limit: PAGE })[Symbol.asyncIterator]();
    let done = false;
    return async () => {
      if (done) return undefined;
      let count = 0;
      while (count < PAGE) {
        const result = await iterator.next();
        if (result.done) {
          done = true;
          break;
        }
        count++;
      }
      return count;
    };
  };
  /** @type {Record<string, () => () => Promise<number | undefined>>} */
  const cases = { "openapi-fetch loop": openapiFetchLoop, "for await (auto-pagination)": forAwait };
  const names = Object.keys(cases);
  /**
   * One pass of both sides over every item, page by page in lockstep: page k of one side, then page
   * k of the other, the order alternating from page to page (ABBA).
   *
   * @param {boolean} record
   * @param {Array<() => () => Promise<number | undefined>>} sides the baseline first
   * @param {number[]} ratios where the per-page ratios go
   * @param {boolean} keepTotals whether each side's run total is a sample (the budgeted pair's)
   */
  const pass = async (record, sides, ratios, keepTotals) => {
    const steppers = sides.map((side) => side());
    const totals = names.map(() => 0);
    const counts = names.map(() => 0);
    for (let page = 0; ; page++) {
      const order = page % 2 === 0 ? [0, 1] : [1, 0];
      /** @type {number[]} */
      const took = [];
      let finished = 0;
      for (const side of order) {
        const start = performance.now();
        const count = await /** @type {() => Promise<number | undefined>} */ (steppers[side])();
        took[side] = performance.now() - start;
        if (count === undefined) finished++;
        else counts[side] = (counts[side] ?? 0) + count;
      }
      if (finished === names.length) break;
      names.forEach((_, side) => {
        totals[side] = (totals[side] ?? 0) + (took[side] ?? 0);
      });
      if (record && finished === 0) ratios.push((took[1] ?? Number.NaN) / (took[0] ?? Number.NaN));
    }
    // Both sides saw every item (also the warm-up's check).
    for (const count of counts) if (count !== ITEMS) throw new Error(`expected ${ITEMS} items, got ${count}`);
    if (record && keepTotals) {
      names.forEach((name, side) => {
        samples[name]?.push(totals[side] ?? Number.NaN);
      });
    }
  };
  const budgeted = names.map((name) => /** @type {() => () => Promise<number | undefined>} */ (cases[name]));
  const clientLoop = [openapiFetchLoop, cursorLoop(shop, {})];
  await pass(false, budgeted, pageRatios, true); // warm-up: JIT, connection pool
  if (values["client-loop"]) await pass(false, clientLoop, clientPageRatios, false);
  for (let run = 0; run < RUNS; run++) {
    await pass(true, budgeted, pageRatios, true);
    if (values["client-loop"]) await pass(true, clientLoop, clientPageRatios, false);
  }
} finally {
  server.stop();
  rmSync(out, { recursive: true, force: true });
}

const load = { before: loadBefore, after: loadavg() };
if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ ...samples, pageRatios, ...(values["client-loop"] ? { clientPageRatios } : {}), load })}\n`,
  );
} else {
  const median = (/** @type {number[]} */ xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  };
  const loop = samples["openapi-fetch loop"] ?? [];
  const avg = (/** @type {number[]} */ xs) => xs.map((n) => n.toFixed(2)).join(" / ");
  process.stdout.write(`load average ${avg(load.before)} before, ${avg(load.after)} after\n`);
  process.stdout.write(
    `${ITEMS} items over pages of ${PAGE}, ${values.transport}, ${RUNS} runs; median ms per run, median ratio of run totals\n`,
  );
  for (const [name, xs] of Object.entries(samples)) {
    const ratio = median(xs.map((ms, i) => ms / (loop[i] ?? Number.NaN)));
    process.stdout.write(`  ${name.padEnd(30)} ${median(xs).toFixed(1).padStart(8)} ms   x${ratio.toFixed(2)}\n`);
  }
  process.stdout.write(`  median of ${pageRatios.length} paired per-page ratios: x${median(pageRatios).toFixed(2)}\n`);
  if (values["client-loop"]) {
    process.stdout.write(
      `  diagnostic: the same loop on the SDK's GET (no pagination), median of ${clientPageRatios.length} per-page ratios: x${median(clientPageRatios).toFixed(2)}\n`,
    );
  }
}
