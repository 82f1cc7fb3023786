import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { MAX_RETRY_AFTER_MS } from "./.generated/sdk/core/retry-policy.js";
import { AcmeConnectionError, AuthenticationError, ServerError, ValidationError } from "./.generated/sdk/index.js";
import { contact, createObservedClient, json, jsonApiErrors, ok } from "./helpers/observed-client.js";
import { outcomeOf } from "./helpers/outcome.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const unavailable = () => jsonApiErrors(503, [{ title: "Unavailable", detail: "try again", pointer: "/" }]);

/** Long enough for every retry of these tests, well within the default totalTimeoutMs. */
const ALL = 120_000;

describe("retries", () => {
  test("503 then 200: upsert retries and returns the id, re-sending the body intact", async () => {
    const { client, calls } = createObservedClient([unavailable, () => ok("after-retry")]);
    const { value } = await outcomeOf(client.contacts.upsert(contact), ALL);
    expect(value).toEqual({ id: "after-retry" });
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body).toBe(calls[0]?.body);
    expect(JSON.parse(calls[1]?.body ?? "")).toEqual(contact);
    expect(calls[1]?.headers.get("authorization")).toBe("Bearer test-key");
  });

  test("the typed POST surface retries too", async () => {
    const { client, calls } = createObservedClient([unavailable, () => ok("raw")]);
    const { value } = await outcomeOf(client.POST("/v1/contacts", { body: contact }), ALL);
    expect(value?.data?.data.id).toBe("raw");
    expect(value?.response.status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  test.each([408, 429, 500, 502, 504])("%i is retried", async (status) => {
    const { client, calls } = createObservedClient([() => json(status, { errors: [] }), () => ok()]);
    await outcomeOf(client.contacts.upsert(contact), ALL);
    expect(calls).toHaveLength(2);
  });

  test("gives up after maxRetries and throws the last error", async () => {
    const { client, calls } = createObservedClient(unavailable, { maxRetries: 3 });
    const { error } = await outcomeOf(client.contacts.upsert(contact), ALL);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(503);
    expect(calls).toHaveLength(4);
  });

  test("a per-call maxRetries overrides the client's, both ways", async () => {
    const { client, calls } = createObservedClient(unavailable, { maxRetries: 1 });
    expect((await outcomeOf(client.contacts.upsert(contact, { maxRetries: 4 }), ALL)).error).toBeInstanceOf(
      ServerError,
    );
    expect(calls).toHaveLength(5);
    calls.length = 0;
    expect((await outcomeOf(client.contacts.upsert(contact, { maxRetries: 0 }), ALL)).error).toBeInstanceOf(
      ServerError,
    );
    expect(calls).toHaveLength(1);
    calls.length = 0;
    await outcomeOf(client.contacts.upsert(contact), ALL);
    expect(calls).toHaveLength(2);
  });

  test("maxRetries 0 sends once", async () => {
    const { client, calls } = createObservedClient(unavailable, { maxRetries: 0 });
    const { error } = await outcomeOf(client.contacts.upsert(contact), ALL);
    expect(error).toBeInstanceOf(ServerError);
    expect(calls).toHaveLength(1);
  });

  test("401 is not retried", async () => {
    const { client, calls } = createObservedClient(() =>
      jsonApiErrors(401, [{ title: "Unauthorized", detail: "bad key", pointer: "/" }]),
    );
    const { error } = await outcomeOf(client.contacts.upsert(contact), ALL);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(calls).toHaveLength(1);
  });

  test("422 is not retried", async () => {
    const { client, calls } = createObservedClient(() =>
      jsonApiErrors(422, [{ detail: "is not a valid email address", pointer: "/data/attributes/email" }]),
    );
    const { error } = await outcomeOf(client.contacts.upsert(contact), ALL);
    expect(error).toBeInstanceOf(ValidationError);
    expect(calls).toHaveLength(1);
  });

  test.each([400, 403, 404, 409])("%i is not retried", async (status) => {
    const { client, calls } = createObservedClient(() => json(status, { errors: [] }));
    await outcomeOf(client.contacts.upsert(contact), ALL);
    expect(calls).toHaveLength(1);
  });

  test("a network error is retried, then surfaces as AcmeConnectionError with its cause", async () => {
    const failure = new TypeError("fetch failed");
    const { client, calls } = createObservedClient(() => {
      throw failure;
    });
    const { error } = await outcomeOf(client.contacts.upsert(contact), ALL);
    expect(error).toBeInstanceOf(AcmeConnectionError);
    expect((error as Error).message).toMatch(
      /Could not reach the Acme API at https:\/\/api\.test\.example: fetch failed/,
    );
    expect((error as Error).cause).toBe(failure);
    expect(calls).toHaveLength(3);
  });

  test("a network error then success resolves", async () => {
    const { client, calls } = createObservedClient([
      () => {
        throw new TypeError("socket hang up");
      },
      () => ok("recovered"),
    ]);
    const { value } = await outcomeOf(client.contacts.upsert(contact), ALL);
    expect(value).toEqual({ id: "recovered" });
    expect(calls).toHaveLength(2);
  });

  test("backoff waits grow exponentially with full jitter", async () => {
    // Math.random pinned just below 1: each wait is then (almost) its ceiling, 500 ms, 1 s, 2 s.
    vi.spyOn(Math, "random").mockReturnValue(0.999); // restored in afterEach, even if this fails
    const { client, calls } = createObservedClient(unavailable, { maxRetries: 3 });
    await outcomeOf(client.contacts.upsert(contact), ALL);
    const gaps = calls.slice(1).map((c, i) => c.at - (calls[i]?.at ?? 0));
    expect(gaps).toEqual([499, 999, 1998]);
  });
});

describe("Retry-After", () => {
  test("delay-seconds are honoured: no retry before, one retry at the time", async () => {
    const { client, calls } = createObservedClient([
      () => json(429, { errors: [] }, { "retry-after": "7" }),
      () => ok("waited"),
    ]);
    const result = client.contacts.upsert(contact);
    await vi.advanceTimersByTimeAsync(6_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await expect(result).resolves.toEqual({ id: "waited" });
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBe(7_000);
  });

  test("an HTTP date is honoured", async () => {
    vi.setSystemTime(new Date("2026-11-02T15:04:05Z"));
    const { client, calls } = createObservedClient([
      () => json(503, { errors: [] }, { "retry-after": "Mon, 02 Nov 2026 15:04:17 GMT" }),
      () => ok(),
    ]);
    const result = client.contacts.upsert(contact);
    await vi.advanceTimersByTimeAsync(11_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await result;
  });

  test("a very long Retry-After is capped", async () => {
    const { client, calls } = createObservedClient([
      () => json(429, { errors: [] }, { "retry-after": "86400" }),
      () => ok(),
    ]);
    const result = client.contacts.upsert(contact);
    await vi.advanceTimersByTimeAsync(MAX_RETRY_AFTER_MS);
    expect(calls).toHaveLength(2);
    await expect(result).resolves.toEqual({ id: expect.any(String) });
  });
});
