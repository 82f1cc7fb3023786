import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import {
  AcmeConnectionError,
  AcmeTimeoutError,
  DEFAULT_TOTAL_TIMEOUT_MS,
  RateLimitError,
} from "./.generated/sdk/index.js";
import { contact, createObservedClient, hang, json, ok } from "./helpers/observed-client.js";
import { outcomeOf } from "./helpers/outcome.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("timeouts", () => {
  test("each attempt times out after timeoutMs; after the retries, AcmeTimeoutError", async () => {
    const { client, calls } = createObservedClient(hang, { timeoutMs: 1_000, maxRetries: 1 });
    const outcome = outcomeOf(client.contacts.upsert(contact));
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[0]?.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    const { error } = await outcome;
    expect(calls).toHaveLength(2);
    expect(error).toBeInstanceOf(AcmeTimeoutError);
    expect(error).toBeInstanceOf(AcmeConnectionError);
    expect((error as AcmeTimeoutError).timeoutMs).toBe(1_000);
    expect((error as Error).message).toBe("The Acme API did not respond within 1000 ms");
  });

  test("a timeout then a response succeeds", async () => {
    const { client, calls } = createObservedClient([hang, () => ok("second")], { timeoutMs: 500 });
    const outcome = outcomeOf(client.contacts.upsert(contact));
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await outcome).value).toEqual({ id: "second" });
    expect(calls).toHaveLength(2);
  });

  test("a per-call timeoutMs overrides the client's", async () => {
    const { client } = createObservedClient(hang, { timeoutMs: 60_000, maxRetries: 0 });
    const outcome = outcomeOf(client.contacts.upsert(contact, { timeoutMs: 250 }));
    await vi.advanceTimersByTimeAsync(250);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(AcmeTimeoutError);
    expect((error as AcmeTimeoutError).timeoutMs).toBe(250);
  });

  test("a fetch that ignores its signal still times out", async () => {
    const { client } = createObservedClient(() => new Promise<Response>(() => {}), { timeoutMs: 100, maxRetries: 0 });
    const outcome = outcomeOf(client.contacts.upsert(contact));
    await vi.advanceTimersByTimeAsync(100);
    expect((await outcome).error).toBeInstanceOf(AcmeTimeoutError);
  });
});

describe("AbortSignal", () => {
  test("an abort during a backoff wait rejects at once and sends nothing more", async () => {
    const { client, calls } = createObservedClient(() => json(429, { errors: [] }, { "retry-after": "30" }));
    const controller = new AbortController();
    const outcome = outcomeOf(client.contacts.upsert(contact, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(1);
    const reason = new Error("caller gave up");
    controller.abort(reason);
    const { error } = await outcome; // no timer advance needed: the wait ends with the abort
    expect(error).toBe(reason);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  test("an abort during a request rejects with an AbortError and is not retried", async () => {
    const { client, calls } = createObservedClient(hang);
    const controller = new AbortController();
    const outcome = outcomeOf(client.contacts.upsert(contact, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const { error } = await outcome;
    expect((error as Error).name).toBe("AbortError");
    expect(calls[0]?.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(1);
  });

  test("an already-aborted signal sends nothing", async () => {
    const { client, calls } = createObservedClient(() => ok());
    const { error } = await outcomeOf(client.contacts.upsert(contact, { signal: AbortSignal.abort() }));
    expect((error as Error).name).toBe("AbortError");
    expect(calls).toHaveLength(0);
  });

  test("the typed surface takes a signal too", async () => {
    const { client, calls } = createObservedClient(() => json(503, { errors: [] }));
    const controller = new AbortController();
    const outcome = outcomeOf(client.POST("/v1/contacts", { body: contact, signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    expect((await outcome).error).toBeInstanceOf(DOMException);
    expect(calls).toHaveLength(1);
  });

  test("an abort while queued behind the rate limiter rejects at once", async () => {
    const { client, calls } = createObservedClient(() => ok(), { rateLimit: { limit: 1, intervalMs: 60_000 } });
    await client.contacts.upsert(contact);
    const controller = new AbortController();
    const outcome = outcomeOf(client.contacts.upsert(contact, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(1);
    controller.abort();
    expect((await outcome).error).toMatchObject({ name: "AbortError" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
  });
});

describe("the whole call is bounded by totalTimeoutMs (defect 7)", () => {
  test("three 429s asking for an hour each: the call ends within the default bound, as a RateLimitError", async () => {
    const { client, calls } = createObservedClient(() => json(429, { errors: [] }, { "retry-after": "3600" }), {
      maxRetries: 5,
    });
    let settled = false;
    const outcome = outcomeOf(client.contacts.upsert(contact)).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(DEFAULT_TOTAL_TIMEOUT_MS);
    expect(settled).toBe(true);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    // Waits are capped at 60 s, and a wait that would pass the deadline is not started.
    expect(calls.length).toBeLessThanOrEqual(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  test("a per-call totalTimeoutMs bounds attempts and backoff together", async () => {
    const { client, calls } = createObservedClient(hang, { timeoutMs: 4_000, maxRetries: 10 });
    const outcome = outcomeOf(client.contacts.upsert(contact, { totalTimeoutMs: 10_000 }));
    await vi.advanceTimersByTimeAsync(10_000);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(AcmeTimeoutError);
    expect((error as AcmeTimeoutError).timeoutMs).toBe(10_000);
    expect((error as Error).message).toMatch(/did not complete within totalTimeoutMs \(10000 ms; rate-limit waits/);
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) expect(call.signal.aborted).toBe(true);
  });

  test("a wait for the rate limiter counts: a call queued past its deadline fails unsent", async () => {
    const { client, calls } = createObservedClient(() => ok(), {
      rateLimit: { limit: 1, intervalMs: 60_000 },
      totalTimeoutMs: 5_000,
    });
    await client.contacts.upsert(contact);
    const outcome = outcomeOf(client.contacts.upsert(contact));
    await vi.advanceTimersByTimeAsync(5_000);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(AcmeTimeoutError);
    expect((error as AcmeTimeoutError).mayHaveBeenApplied).toBe(false);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(1);
  });

  test("an attempt never outlives the call: its own timeout is cut to what is left", async () => {
    const { client } = createObservedClient(hang, { timeoutMs: 60_000, totalTimeoutMs: 2_000 });
    const outcome = outcomeOf(client.contacts.upsert(contact));
    await vi.advanceTimersByTimeAsync(2_000);
    expect((await outcome).error).toMatchObject({ name: "AcmeTimeoutError", timeoutMs: 2_000 });
  });
});
