// @ts-check
// The smoke suite every runtime of the matrix runs against the built @hatch-api/client (and, for the
// capabilities Hatch's spec does not use yet, the built capabilities fixture SDK). It must stay
// portable: no imports, no Node built-ins, only fetch, timers, AbortController and JSON, so that the
// very same file runs in Node, Bun, Deno, workerd and Chromium. Each check settles within its own
// watchdog, so a hanging client reports a failed check instead of stalling the runtime.

/** Contact ids the smoke server answers with, so a check can tell that its answer came from there. */
export const SMOKE_SOURCES = Object.freeze({
  upsert: "smoke:upsert",
  invalid: "smoke:invalid",
  hang: "smoke:hang",
});

/** The API key a run sends; the server checks it per run id, and no error may ever show it. */
export function smokeApiKey(/** @type {string} */ runId) {
  return `hatch-smoke-key-${runId}`;
}

/** The id the smoke server returns for a run's upsert. */
export function smokeContactId(/** @type {string} */ runId, /** @type {"POST" | "PUT"} */ method) {
  return `ct_${method.toLowerCase()}_${runId}`;
}

/** Answers (204) once the server has received this run's request with this `externalID`. */
export const SMOKE_RECEIVED_PATH = "/__smoke/received";

/** The checks of a report, in order; a runtime's report must hold exactly these. */
export const SMOKE_CHECKS = Object.freeze([
  "exports",
  "browser guard",
  "upsert (POST)",
  "upsert (PUT)",
  "typed error (422)",
  "abort",
  "timeout",
  "pagination",
  "webhooks.unwrap",
]);

/** The smoke server's contact list: this many contacts, asked for in pages of SMOKE_PAGE_SIZE. */
export const SMOKE_LIST_TOTAL = 25;
export const SMOKE_PAGE_SIZE = 10;

/** The id of the n-th contact of a run's list. */
export function smokeListedId(/** @type {string} */ runId, /** @type {number} */ n) {
  return `ct_${runId}_${n}`;
}

/** Answers a signed webhook delivery for the run: `{ body, headers, secret }` (signed by node:crypto). */
export const SMOKE_WEBHOOK_PATH = "/__smoke/webhook";

/** The text of the message in a run's webhook event. */
export function smokeMessageText(/** @type {string} */ runId) {
  return `smoke message ${runId}`;
}

const CHECK_WATCHDOG_MS = 20_000;
// Long enough for a request to reach the server on a loaded machine, so the server can see the
// client give up (the test asserts that it does).
const TIMEOUT_MS = 1_000;

/**
 * @typedef {object} SmokeCheck
 * @property {string} name
 * @property {boolean} ok
 * @property {string} detail what was observed (the failure's reason when not ok)
 */

/**
 * @typedef {object} SmokeReport
 * @property {{ name: string, version: string }} runtime as the runtime itself reports it
 * @property {string} runId
 * @property {SmokeCheck[]} checks
 */

/**
 * Runs every check against the server at `baseUrl` and never throws: failures are in the report.
 *
 * @param {Record<string, any>} client the module namespace of the built `@hatch-api/client`
 * @param {{ baseUrl: string, runId: string, browser?: boolean, capabilities?: Record<string, any> }} options
 *   `browser`: running in a page, where the client must refuse to start without
 *   `dangerouslyAllowBrowser`; `capabilities`: the module namespace of the built capabilities
 *   fixture SDK (pagination, webhooks), whose checks fail without it
 * @returns {Promise<SmokeReport>}
 */
export async function runSmokeSuite(client, { baseUrl, runId, browser = false, capabilities }) {
  const apiKey = smokeApiKey(runId);
  /** @param {Record<string, unknown>} [extra] */
  const create = (extra = {}) =>
    client.createHatchClient({
      apiKey,
      baseUrl,
      userAgent: `runtime-matrix/${runId}`,
      ...(browser ? { dangerouslyAllowBrowser: true } : {}),
      ...extra,
    });

  /** @param {"POST" | "PUT"} method */
  const upsert = async (method) => {
    const result = await create().contacts.upsert(
      { source: SMOKE_SOURCES.upsert, email: "dana.whitfield@example.com", phoneNumber: "6364618187" },
      { method },
    );
    const expected = smokeContactId(runId, method);
    if (result?.id !== expected) throw new Error(`expected { id: ${expected} }, got ${JSON.stringify(result)}`);
    return `resolved { id: ${result.id} }`;
  };

  /** @type {[string, () => Promise<string>][]} */
  const checks = [
    ["exports", async () => checkExports(client)],
    [
      "browser guard",
      async () => {
        let created;
        try {
          created = client.createHatchClient({ apiKey, baseUrl });
        } catch (error) {
          if (!browser) throw new Error(`refused outside a browser: ${describe(error)}`);
          expectInstance(error, client.HatchError, "HatchError");
          return "refused without dangerouslyAllowBrowser, as a browser must";
        }
        if (browser) throw new Error("created a client in a browser without dangerouslyAllowBrowser");
        return created ? "created without dangerouslyAllowBrowser (not a browser)" : "no client returned";
      },
    ],
    ["upsert (POST)", () => upsert("POST")],
    ["upsert (PUT)", () => upsert("PUT")],
    [
      "typed error (422)",
      async () => {
        const error = await rejection(
          create({ maxRetries: 0 }).contacts.upsert({ source: SMOKE_SOURCES.invalid, email: "not-an-email" }),
        );
        expectInstance(error, client.ValidationError, "ValidationError");
        expectInstance(error, client.HatchApiError, "HatchApiError");
        if (error.status !== 422) throw new Error(`status ${error.status}, expected 422`);
        const messages = error.fieldErrors?.email;
        if (!Array.isArray(messages) || messages.length === 0) {
          throw new Error(`fieldErrors does not name email: ${JSON.stringify(error.fieldErrors)}`);
        }
        if (`${error.message} ${error.stack ?? ""} ${safeJson(error)}`.includes(apiKey)) {
          throw new Error("the error shows the API key");
        }
        return `ValidationError, fieldErrors.email = ${JSON.stringify(messages)}`;
      },
    ],
    [
      "abort",
      async () => {
        const controller = new AbortController();
        const pending = create({ maxRetries: 0 }).contacts.upsert(
          { source: SMOKE_SOURCES.hang, externalID: "abort" },
          { signal: controller.signal },
        );
        // Abort once the server holds the request: the abort then has a request in flight to end.
        await fetch(`${baseUrl}${SMOKE_RECEIVED_PATH}?${new URLSearchParams({ runId, externalID: "abort" })}`).catch(
          () => undefined,
        );
        controller.abort();
        const error = await rejection(pending);
        if (error?.name !== "AbortError") throw new Error(`expected an AbortError, got ${describe(error)}`);
        return `rejected with ${error.name}`;
      },
    ],
    [
      "timeout",
      async () => {
        const error = await rejection(
          create({ maxRetries: 0, timeoutMs: TIMEOUT_MS }).contacts.upsert({
            source: SMOKE_SOURCES.hang,
            externalID: "timeout",
          }),
        );
        expectInstance(error, client.HatchTimeoutError, "HatchTimeoutError");
        expectInstance(error, client.HatchConnectionError, "HatchConnectionError");
        if (error.timeoutMs !== TIMEOUT_MS) throw new Error(`timeoutMs ${error.timeoutMs}, expected ${TIMEOUT_MS}`);
        return `HatchTimeoutError after timeoutMs ${error.timeoutMs}`;
      },
    ],
  ];

  const fixture = () => {
    if (typeof capabilities?.createHatchClient !== "function") throw new Error("no capabilities fixture SDK given");
    return capabilities.createHatchClient({
      apiKey,
      baseUrl,
      userAgent: `runtime-matrix/${runId}`,
      ...(browser ? { dangerouslyAllowBrowser: true } : {}),
    });
  };
  checks.push(
    [
      "pagination",
      async () => {
        const ids = [];
        for await (const contact of fixture().contacts.list({ limit: SMOKE_PAGE_SIZE })) ids.push(contact.id);
        const expected = Array.from({ length: SMOKE_LIST_TOTAL }, (_, n) => smokeListedId(runId, n));
        if (JSON.stringify(ids) !== JSON.stringify(expected)) {
          throw new Error(`for await yielded ${JSON.stringify(ids)}, expected ${SMOKE_LIST_TOTAL} ids in order`);
        }
        return `for await over ${SMOKE_LIST_TOTAL} contacts in pages of ${SMOKE_PAGE_SIZE}`;
      },
    ],
    [
      "webhooks.unwrap",
      async () => {
        const answer = await fetch(`${baseUrl}${SMOKE_WEBHOOK_PATH}?${new URLSearchParams({ runId })}`);
        const delivery = await answer.json();
        const hatch = fixture();
        const event = await hatch.webhooks.unwrap(delivery.body, delivery.headers, { secret: delivery.secret });
        if (event?.type !== "message.received" || event?.data?.body !== smokeMessageText(runId)) {
          throw new Error(`unwrap returned ${safeJson(event)}`);
        }
        // The same delivery with one byte changed: refused, with the class that says why.
        const tampered = await rejection(
          hatch.webhooks.unwrap(delivery.body.replace("smoke", "smoky"), delivery.headers, { secret: delivery.secret }),
        );
        expectInstance(tampered, capabilities?.WebhookSignatureError, "WebhookSignatureError");
        expectInstance(tampered, capabilities?.HatchError, "HatchError");
        if (tampered.reason !== "no-matching-signature") throw new Error(`reason ${tampered.reason}`);
        return "verified a Standard Webhooks delivery signed by node:crypto; refused it tampered";
      },
    ],
  );

  /** @type {SmokeCheck[]} */
  const results = [];
  for (const [name, check] of checks) {
    try {
      results.push({ name, ok: true, detail: await withWatchdog(name, check()) });
    } catch (error) {
      results.push({ name, ok: false, detail: describe(error) });
    }
  }
  return { runtime: detectRuntime(), runId, checks: results };
}

/** @param {Record<string, any>} client */
function checkExports(client) {
  if (typeof client.createHatchClient !== "function") throw new Error("createHatchClient is not exported");
  /** @type {[string, string][]} */
  const chain = [
    ["ValidationError", "HatchApiError"],
    ["HatchApiError", "HatchError"],
    ["HatchTimeoutError", "HatchConnectionError"],
    ["HatchConnectionError", "HatchError"],
    ["HatchError", "Error"],
  ];
  for (const [child, parent] of chain) {
    const Parent = parent === "Error" ? Error : client[parent];
    if (typeof client[child] !== "function" || !(client[child].prototype instanceof Parent)) {
      throw new Error(`${child} does not extend ${parent}`);
    }
  }
  return `createHatchClient and the error classes, version ${client.VERSION}`;
}

/**
 * @param {Promise<unknown>} promise
 * @returns {Promise<any>} the rejection reason
 */
async function rejection(promise) {
  try {
    const value = await promise;
    throw Object.assign(new Error(`resolved with ${safeJson(value)} instead of rejecting`), { resolved: true });
  } catch (error) {
    if (error && /** @type {{ resolved?: boolean }} */ (error).resolved) throw error;
    return error;
  }
}

/**
 * @param {unknown} value
 * @param {unknown} Class
 * @param {string} name
 */
function expectInstance(value, Class, name) {
  if (typeof Class !== "function" || !(value instanceof Class)) {
    throw new Error(`expected an instance of ${name}, got ${describe(value)}`);
  }
}

/**
 * @template T
 * @param {string} name
 * @param {Promise<T>} promise
 * @returns {Promise<T>}
 */
function withWatchdog(name, promise) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const watchdog = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${name}: did not settle within ${CHECK_WATCHDOG_MS} ms`)),
      CHECK_WATCHDOG_MS,
    );
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, watchdog])).finally(() => clearTimeout(timer));
}

/** @param {unknown} error */
function describe(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === "string" ? error : safeJson(error);
}

/** @param {unknown} value */
function safeJson(value) {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The runtime's own account of what it is; the matrix compares it with the pinned version. */
export function detectRuntime() {
  const scope = /** @type {any} */ (globalThis);
  if (scope.Deno?.version?.deno) return { name: "deno", version: scope.Deno.version.deno };
  if (scope.Bun?.version) return { name: "bun", version: scope.Bun.version };
  const userAgent = scope.navigator?.userAgent ?? "";
  if (userAgent === "Cloudflare-Workers") return { name: "workerd", version: "" };
  const chrome = /(?:HeadlessChrome|Chrome)\/([\d.]+)/.exec(userAgent);
  if (chrome && scope.document) return { name: "chromium", version: chrome[1] ?? "" };
  if (scope.process?.versions?.node) return { name: "node", version: scope.process.versions.node };
  return { name: "unknown", version: userAgent };
}
