import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createClient } from "./.generated/sdk/core/openapi-fetch.js";
import { createTransport } from "./.generated/sdk/core/transport.js";
import {
  AcmeConnectionError,
  AcmeTimeoutError,
  bodyHasMatchingKey,
  matchKeysResendRule,
  RateLimitError,
  type ResendRequest,
  type ResendRule,
  ServerError,
} from "./.generated/sdk/index.js";
import type { paths } from "./.generated/types/index.js";
import { transportOptions } from "./helpers/definition.js";
import { contact, createObservedClient, hang, json, ok, type Reply } from "./helpers/observed-client.js";
import { outcomeOf } from "./helpers/outcome.js";

// The retry policy for requests that may have reached the server: never send one again unless a
// second delivery cannot create a duplicate (README, "Retries and duplicates").

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const noKey = { source: "custom:website-quote-form", firstName: "Dana", details: { service: "boiler" } };
const emailOnly = { source: "custom:website-quote-form", email: "dana@example.com" };

/** A reset after the server read the request: what undici reports as `TypeError: terminated`. */
const resetAfterSend: Reply = () => {
  throw new TypeError("terminated", {
    cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
  });
};
/** A refused connection: nothing was sent. */
const refused: Reply = () => {
  throw new TypeError("fetch failed", {
    cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
  });
};

async function run<T>(promise: Promise<T>) {
  const outcome = outcomeOf(promise);
  await vi.advanceTimersByTimeAsync(300_000);
  return outcome;
}

describe("after a failure once sent", () => {
  test.each([
    ["phoneNumber", contact],
    ["email", emailOnly],
  ])("an upsert matching by %s is re-sent (a second delivery updates, never duplicates)", async (_key, body) => {
    const { client, calls } = createObservedClient([resetAfterSend, () => ok("second")]);
    expect((await run(client.contacts.upsert(body))).value).toEqual({ id: "second" });
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body).toBe(calls[0]?.body);
  });

  test("an upsert with neither phoneNumber nor email is sent once; the error says it may have been applied", async () => {
    const { client, calls } = createObservedClient([resetAfterSend, () => ok("duplicate!")]);
    const { error } = await run(client.contacts.upsert(noKey));
    expect(calls).toHaveLength(1);
    expect(error).toBeInstanceOf(AcmeConnectionError);
    expect((error as AcmeConnectionError).mayHaveBeenApplied).toBe(true);
    expect((error as Error).message).toMatch(/may have been applied, so it was not sent again/);
    expect((error as Error).message).toMatch(/neither phoneNumber nor email/);
  });

  test("the typed PUT surface follows the same rule", async () => {
    const { client, calls } = createObservedClient([resetAfterSend, () => ok()]);
    const { error } = await run(client.PUT("/v1/contacts", { body: noKey }));
    expect(error).toBeInstanceOf(AcmeConnectionError);
    expect(calls).toHaveLength(1);
  });

  test("empty or null keys do not count as matching keys", async () => {
    const { client, calls } = createObservedClient([resetAfterSend, () => ok()]);
    await run(client.contacts.upsert({ ...noKey, phoneNumber: null as unknown as string, email: "  " }));
    expect(calls).toHaveLength(1);
  });

  test("a timeout after sending is not re-sent without a key either", async () => {
    const { client, calls } = createObservedClient([hang, () => ok()], { timeoutMs: 1_000 });
    const { error } = await run(client.contacts.upsert(noKey));
    expect(error).toBeInstanceOf(AcmeTimeoutError);
    expect((error as AcmeTimeoutError).mayHaveBeenApplied).toBe(true);
    expect((error as Error).message).toMatch(/may have been applied/);
    expect(calls).toHaveLength(1);
  });

  test.each([500, 502, 504])("a %i without a key is not retried, and the ServerError says why", async (status) => {
    const { client, calls } = createObservedClient([() => json(status, { errors: [] }), () => ok()]);
    const { error } = await run(client.contacts.upsert(noKey));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as Error).message).toMatch(/Not retried: the request may have been applied/);
    expect(calls).toHaveLength(1);
  });
});

describe("mayHaveBeenApplied tells the caller what to check", () => {
  test("with maxRetries 0 there is no retry to skip: the plain error, still marked", async () => {
    const { client } = createObservedClient(resetAfterSend, { maxRetries: 0 });
    const { error } = await run(client.contacts.upsert(noKey));
    expect(error).toBeInstanceOf(AcmeConnectionError);
    expect((error as AcmeConnectionError).mayHaveBeenApplied).toBe(true);
    expect((error as Error).message).not.toMatch(/not sent again/);
  });

  test("a refused connection was never applied", async () => {
    const { client } = createObservedClient(refused, { maxRetries: 0 });
    const { error } = await run(client.contacts.upsert(noKey));
    expect((error as AcmeConnectionError).mayHaveBeenApplied).toBe(false);
  });

  test("a call that ran out of time queued for a retry is marked if an earlier attempt was sent", async () => {
    // The first attempt times out after sending; its retry waits behind the limiter past the deadline.
    const { client, calls } = createObservedClient(hang, {
      timeoutMs: 1_000,
      totalTimeoutMs: 30_000,
      rateLimit: { limit: 1, intervalMs: 60_000 },
    });
    const { error } = await run(client.contacts.upsert(contact));
    expect(calls).toHaveLength(1);
    expect(error).toBeInstanceOf(AcmeTimeoutError);
    expect((error as AcmeTimeoutError).timeoutMs).toBe(30_000);
    expect((error as AcmeTimeoutError).mayHaveBeenApplied).toBe(true);
  });
});

describe("failures that prove nothing was applied are retried for any body", () => {
  test.each([
    ["a refused connection", refused],
    ["a 503", () => json(503, { errors: [] })],
    ["a 429", () => json(429, { errors: [] }, { "retry-after": "1" })],
    ["a 408", () => json(408, { errors: [] })],
  ] as Array<[string, Reply]>)("%s", async (_what, first) => {
    const { client, calls } = createObservedClient([first, () => ok("retried")]);
    expect((await run(client.contacts.upsert(noKey))).value).toEqual({ id: "retried" });
    expect(calls).toHaveLength(2);
  });

  test("a 429 that persists ends as RateLimitError after maxRetries", async () => {
    const { client, calls } = createObservedClient(() => json(429, { errors: [] }), { maxRetries: 1 });
    expect((await run(client.contacts.upsert(noKey))).error).toBeInstanceOf(RateLimitError);
    expect(calls).toHaveLength(2);
  });
});

describe("the rule is an input", () => {
  test("the client option `safeToResend: false` stops even keyed upserts from being re-sent", async () => {
    const { client, calls } = createObservedClient([resetAfterSend, () => ok()], { safeToResend: false });
    expect((await run(client.contacts.upsert(contact))).error).toBeInstanceOf(AcmeConnectionError);
    expect(calls).toHaveLength(1);
  });

  test("the transport applies the rule it is given, and no other", async () => {
    const bodies: string[] = [];
    const transportWith = (safeToResend?: ResendRule) =>
      createTransport(
        transportOptions({
          apiKey: "k",
          fetch: async (request) => {
            bodies.push(await request.text());
            if (bodies.length % 2 === 1) throw new TypeError("terminated");
            return ok("by-rule");
          },
          timeoutMs: 1_000,
          safeToResend,
          random: () => 0,
        }),
      );
    const api = createClient<paths>({ baseUrl: "https://api.test.example" });
    const body = { source: "custom:crm", externalID: "lead-1" };
    // With the client's default (the definition has no match keys: POST is not idempotent) it is sent once...
    const once = await run(api.POST("/v1/contacts", { body, fetch: transportWith()() }));
    expect(once.error).toBeInstanceOf(AcmeConnectionError);
    expect(bodies).toHaveLength(1);
    // ...with a rule ("externalID matches"), it is re-sent.
    bodies.length = 0;
    const sent = await run(
      api.POST("/v1/contacts", { body, fetch: transportWith(bodyHasMatchingKey(["externalID"]))() }),
    );
    expect(sent.value?.data?.data.id).toBe("by-rule");
    expect(bodies).toHaveLength(2);
  });
});

describe("matchKeysResendRule: the default rule, from the spec's x-sdk-match-keys", () => {
  const rule = matchKeysResendRule([{ method: "POST", path: "/v1/things/{thingId}/items", keys: ["sku"] }]) as (
    request: ResendRequest,
  ) => boolean;
  const request = (method: string, url: string, body?: unknown): ResendRequest => ({
    method,
    url: new URL(url),
    json: () => body,
  });

  test("a marked operation is safe to resend only when the body carries one of its keys", () => {
    expect(rule(request("POST", "https://api.example.com/v1/things/t-1/items", { sku: "A1" }))).toBe(true);
    expect(rule(request("POST", "https://api.example.com/v1/things/t-1/items/", { sku: "A1" }))).toBe(true);
    expect(rule(request("POST", "https://api.example.com/v1/things/t-1/items", { sku: "" }))).toBe(false);
    expect(rule(request("POST", "https://api.example.com/v1/things/t-1/items", { name: "A1" }))).toBe(false);
  });

  test("the path template matches behind a base path, and only whole segments", () => {
    expect(rule(request("POST", "https://proxy.example.com/base/v1/things/t-1/items", { sku: "A1" }))).toBe(true);
    expect(rule(request("POST", "https://api.example.com/v1/things/t-1/x/items", { sku: "A1" }))).toBe(false);
  });

  test("anything else follows HTTP: idempotent methods only", () => {
    expect(rule(request("PUT", "https://api.example.com/v1/things/t-1/items"))).toBe(true);
    expect(rule(request("POST", "https://api.example.com/v1/other", { sku: "A1" }))).toBe(false);
  });
});
