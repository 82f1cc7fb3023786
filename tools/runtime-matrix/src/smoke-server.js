// @ts-check
import { createHmac, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import {
  SMOKE_LIST_TOTAL,
  SMOKE_RECEIVED_PATH,
  SMOKE_SOURCES,
  SMOKE_WEBHOOK_PATH,
  smokeApiKey,
  smokeContactId,
  smokeListedId,
  smokeMessageText,
} from "./suite/smoke-suite.js";

/** How long a "hang" request is held at most, so that a client that never gives up cannot leak it. */
const HANG_CAP_MS = 30_000;
const MAX_BODY_BYTES = 64 * 1024;

/**
 * @typedef {object} SmokeRequest what the server saw of one API request
 * @property {string} method
 * @property {string | undefined} source the body's `source`
 * @property {string | undefined} externalID the body's `externalID`, which tells the abort and timeout checks apart
 * @property {number | "closed by client"} outcome the status sent, or that the client gave up first
 * @property {string | null} [cursor] a list request's `cursor` (GET only)
 */

/**
 * @typedef {object} SmokeServer
 * @property {string} url base URL, no trailing slash
 * @property {(runId: string) => SmokeRequest[]} requestsOf the API requests made with that run's key
 * @property {() => Promise<void>} close stops the server and drops every open connection
 */

/**
 * A local stand-in for the Hatch API, on 127.0.0.1 and a free port, for the smoke suite: `POST` and
 * `PUT /v1/contacts` answer by the body's `source` (an id, a JSON:API 422 naming `email`, or no answer
 * at all, for the abort and timeout checks). Requests are attributed to a run by their API key, which
 * is checked (401 otherwise). It also serves the files a browser page needs under `/modules/`.
 *
 * @param {{ modules?: Record<string, string> }} [options] `modules`: URL name → file to serve as JavaScript
 * @returns {Promise<SmokeServer>}
 */
export async function startSmokeServer({ modules = {} } = {}) {
  /** @type {Map<string, SmokeRequest[]>} */
  const requests = new Map();
  /** @type {Set<ReturnType<typeof setTimeout>>} */
  const hangTimers = new Set();
  /** @type {Set<() => void>} called on every recorded request, by the waits of SMOKE_RECEIVED_PATH */
  const onRecord = new Set();
  /** @param {string} runId @param {string | null} externalID */
  const received = (runId, externalID) =>
    (requests.get(runId) ?? []).some((record) => record.externalID === externalID);

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      if (!response.headersSent)
        send(response, 500, { errors: [{ title: "smoke server error", detail: String(error) }] });
      else response.destroy();
    });
  });

  /**
   * @param {import("node:http").IncomingMessage} request
   * @param {import("node:http").ServerResponse} response
   */
  async function handle(request, response) {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (request.method === "GET" && url.pathname === "/browser.html") return sendBrowserPage(response);
    if (request.method === "GET" && url.pathname === SMOKE_RECEIVED_PATH) {
      const runId = url.searchParams.get("runId") ?? "";
      const externalID = url.searchParams.get("externalID");
      if (!received(runId, externalID)) {
        await new Promise((resolve) => {
          const check = () => {
            if (!received(runId, externalID)) return;
            onRecord.delete(check);
            clearTimeout(timer);
            resolve(undefined);
          };
          // Bounded: a request that never arrives makes the check fail on its own, not hang here.
          const timer = setTimeout(() => {
            onRecord.delete(check);
            resolve(undefined);
          }, HANG_CAP_MS);
          onRecord.add(check);
          response.on("close", () => {
            onRecord.delete(check);
            clearTimeout(timer);
          });
        });
      }
      response.writeHead(received(runId, externalID) ? 204 : 404).end();
      return;
    }
    if (request.method === "GET" && url.pathname.startsWith("/modules/")) {
      const file = modules[url.pathname.slice("/modules/".length)];
      if (!file) return send(response, 404, { errors: [{ title: "no such module" }] });
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" });
      return void response.end(await readFile(file));
    }
    if (request.method === "GET" && url.pathname === SMOKE_WEBHOOK_PATH) {
      return send(response, 200, signedDelivery(url.searchParams.get("runId") ?? ""));
    }
    const isList = request.method === "GET" && url.pathname === "/v1/contacts";
    if (url.pathname !== "/v1/contacts" || (request.method !== "POST" && request.method !== "PUT" && !isList)) {
      return send(response, 404, { errors: [{ title: "Not Found", detail: `${request.method} ${url.pathname}` }] });
    }

    const runId = /^Bearer hatch-smoke-key-([\w-]+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (!runId || request.headers.authorization !== `Bearer ${smokeApiKey(runId)}`) {
      return send(response, 401, { errors: [{ title: "Unauthorized", detail: "missing or unknown API key" }] });
    }
    if (isList) {
      // The list of the capabilities fixture: `limit` contacts from `cursor` (an index), and the next cursor.
      const cursor = url.searchParams.get("cursor");
      const from = Number(cursor ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 25);
      const ids = [];
      for (let n = from; n < Math.min(from + limit, SMOKE_LIST_TOTAL); n++) ids.push(smokeListedId(runId, n));
      const log = requests.get(runId) ?? [];
      requests.set(runId, log);
      log.push({ method: "GET", source: undefined, externalID: undefined, outcome: 200, cursor });
      const next = from + limit < SMOKE_LIST_TOTAL ? String(from + limit) : null;
      return send(response, 200, { data: ids.map((id) => ({ id })), nextCursor: next });
    }
    const method = /** @type {"POST" | "PUT"} */ (request.method);
    const body = await readJson(request);
    /** @type {SmokeRequest} */
    const record = { method, source: body?.source, externalID: body?.externalID, outcome: 0 };
    const log = requests.get(runId) ?? [];
    requests.set(runId, log);
    log.push(record);
    for (const check of onRecord) check();

    if (body?.source === SMOKE_SOURCES.upsert) {
      record.outcome = 200;
      return send(response, 200, { data: { id: smokeContactId(runId, method) } });
    }
    if (body?.source === SMOKE_SOURCES.invalid) {
      record.outcome = 422;
      return send(response, 422, {
        errors: [{ title: "Invalid Attribute", detail: "is not a valid email address", source: { pointer: "/email" } }],
      });
    }
    if (body?.source === SMOKE_SOURCES.hang) {
      // No answer: the client's abort or timeout must end the exchange. The cap only bounds a leak.
      const timer = setTimeout(() => {
        hangTimers.delete(timer);
        record.outcome = 200;
        send(response, 200, { data: { id: "too-late" } });
      }, HANG_CAP_MS);
      hangTimers.add(timer);
      response.on("close", () => {
        clearTimeout(timer);
        hangTimers.delete(timer);
        if (record.outcome === 0) record.outcome = "closed by client";
      });
      return;
    }
    record.outcome = 400;
    return send(response, 400, { errors: [{ title: "Bad Request", detail: `unknown source ${body?.source}` }] });
  }

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(undefined));
  });
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());

  return {
    url: `http://127.0.0.1:${address.port}`,
    requestsOf: (runId) => [...(requests.get(runId) ?? [])],
    async close() {
      for (const timer of hangTimers) clearTimeout(timer);
      hangTimers.clear();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/**
 * A Standard Webhooks delivery of the fixture's `message.received` event, signed here with
 * node:crypto (an implementation independent of the SDK's WebCrypto one) under a fresh secret.
 *
 * @param {string} runId
 */
function signedDelivery(runId) {
  const key = randomBytes(32);
  const id = `msg_${runId}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const body = JSON.stringify({
    type: "message.received",
    timestamp: new Date().toISOString(),
    data: { id, contactId: smokeListedId(runId, 0), from: "+16364618187", body: smokeMessageText(runId) },
  });
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return {
    body,
    headers: { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` },
    secret: `whsec_${key.toString("base64")}`,
  };
}

/**
 * @param {import("node:http").IncomingMessage} request
 * @returns {Promise<any>}
 */
async function readJson(request) {
  let size = 0;
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return undefined;
  }
}

/**
 * @param {import("node:http").ServerResponse} response
 * @param {number} status
 * @param {unknown} body
 */
function send(response, status, body) {
  const text = JSON.stringify(body);
  const type = status >= 400 ? "application/vnd.api+json" : "application/json";
  response.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) });
  response.end(text);
}

/**
 * The page Chromium opens: an import map resolves the built client and openapi-fetch to the files
 * served under /modules/, exactly as published (no bundler in between), and the browser entry runs
 * the smoke suite.
 *
 * @param {import("node:http").ServerResponse} response
 */
function sendBrowserPage(response) {
  const importMap = {
    imports: {
      "@hatch-api/client": "/modules/client.js",
      "@hatch-api/capabilities-fixture": "/modules/capabilities.js",
      "openapi-fetch": "/modules/openapi-fetch.js",
    },
  };
  const html = `<!doctype html><meta charset="utf-8"><title>runtime matrix</title>
<script>addEventListener("error", (event) => { window.hatchPageFailed = String(event.message); });</script>
<script type="importmap">${JSON.stringify(importMap)}</script>
<script type="module" src="/modules/browser-entry.js"
  onerror="window.hatchPageFailed = 'the module graph of browser-entry.js failed to load'"></script>`;
  response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  response.end(html);
}
