import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { ServerError, ShopConnectionError, ShopError } from "./.generated/capabilities/sdk/index.js";
import { outcomeOf } from "./helpers/outcome.js";
import { createShopTestClient, jsonResponse } from "./helpers/shop-client.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const ALL = 120_000;
const order = () => jsonResponse(201, { id: "o-1", sku: "sku-1" });
const reset = () => {
  throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("idempotency keys", () => {
  test("x-sdk-idempotency-key: a fresh key per call, the same on every retry", async () => {
    const { client, seen } = createShopTestClient((_, index) =>
      index === 0 || index === 2 ? jsonResponse(500, {}) : order(),
    );
    await outcomeOf(client.orders.create({ sku: "sku-1" }), ALL);
    await outcomeOf(client.orders.create({ sku: "sku-1" }), ALL);
    const keys = seen.map((request) => request.headers.get("idempotency-key"));
    expect(seen).toHaveLength(4);
    expect(keys[0]).toMatch(UUID);
    // Retries reuse the key; a second call gets another.
    expect(keys[1]).toBe(keys[0]);
    expect(keys[3]).toBe(keys[2]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  test("a POST with a key is resent after a connection reset (one without is not)", async () => {
    const keyed = createShopTestClient((_, index) => (index === 0 ? reset() : order()));
    const { value } = await outcomeOf(keyed.client.orders.create({ sku: "sku-1" }), ALL);
    expect(value).toEqual({ id: "o-1", sku: "sku-1" });
    expect(keyed.seen).toHaveLength(2);
    expect(keyed.seen[1]?.headers.get("idempotency-key")).toBe(keyed.seen[0]?.headers.get("idempotency-key"));

    const plain = createShopTestClient((_, index) => (index === 0 ? reset() : order()));
    const { error } = await outcomeOf(plain.client.orders.addNote("o-1", { text: "hi" }), ALL);
    expect(error).toBeInstanceOf(ShopConnectionError);
    expect(plain.seen).toHaveLength(1);
    expect(plain.seen[0]?.headers.has("idempotency-key")).toBe(false);
  });

  test("the caller's key is taken: per-call option, or the declared header parameter", async () => {
    const { client, seen } = createShopTestClient((_, index) => (index % 2 === 0 ? jsonResponse(502, {}) : order()));
    await outcomeOf(client.orders.create({ sku: "a" }, { idempotencyKey: "order-7f3a" }), ALL);
    await outcomeOf(client.refunds.create("o-1", { amount: 5 }, { headers: { "X-Request-Key": "refund-91" } }), ALL);
    expect(
      seen.map((request) => request.headers.get("idempotency-key") ?? request.headers.get("x-request-key")),
    ).toEqual(["order-7f3a", "order-7f3a", "refund-91", "refund-91"]);
  });

  test("the SDK config's idempotencyHeader marks operations declaring that header parameter", async () => {
    const { client, seen } = createShopTestClient((_, index) => (index === 0 ? jsonResponse(500, {}) : order()));
    await outcomeOf(client.refunds.create("o-1", { amount: 5 }), ALL);
    expect(seen).toHaveLength(2);
    expect(seen[0]?.headers.get("x-request-key")).toMatch(UUID);
    expect(seen[1]?.headers.get("x-request-key")).toBe(seen[0]?.headers.get("x-request-key"));
  });

  test("the typed surface gets keys too, and middleware sees the key on each attempt", async () => {
    const keysSeen: Array<string | null> = [];
    const { client, seen } = createShopTestClient((_, index) => (index === 0 ? jsonResponse(503, {}) : order()), {
      middleware: [
        async (request, next) => {
          keysSeen.push(request.headers.get("idempotency-key"));
          return next(request);
        },
      ],
    });
    await outcomeOf(client.POST("/v1/orders", { body: { sku: "raw" } }), ALL);
    expect(seen).toHaveLength(2);
    expect(keysSeen[0]).toMatch(UUID);
    expect(keysSeen).toEqual([keysSeen[0], keysSeen[0]]);
  });

  test("a key for an operation without one, or a malformed key, is refused before sending", async () => {
    const { client, seen } = createShopTestClient(() => order());
    const noKey = await outcomeOf(client.orders.addNote("o-1", { text: "x" }, { idempotencyKey: "k-1" }), ALL);
    expect(noKey.error).toBeInstanceOf(ShopError);
    expect((noKey.error as Error).message).toMatch(/POST \/v1\/orders\/o-1\/notes takes no idempotency key/);
    const bad = await outcomeOf(client.orders.create({ sku: "a" }, { idempotencyKey: "two words" }), ALL);
    expect((bad.error as Error).message).toMatch(/idempotencyKey.*printable ASCII/);
    expect(seen).toHaveLength(0);
  });

  test("a 5xx on a keyed call is retried up to maxRetries, then thrown", async () => {
    const { client, seen } = createShopTestClient(() => jsonResponse(500, {}), { maxRetries: 2 });
    const { error } = await outcomeOf(client.orders.create({ sku: "a" }), ALL);
    expect(error).toBeInstanceOf(ServerError);
    expect(new Set(seen.map((request) => request.headers.get("idempotency-key"))).size).toBe(1);
    expect(seen).toHaveLength(3);
  });
});
