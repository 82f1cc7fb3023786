import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createAcmeClient } from "./.generated/sdk/index.js";
import { contact, createObservedClient, hang, json } from "./helpers/observed-client.js";
import { outcomeOf } from "./helpers/outcome.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Every way an error or a client is commonly turned into text: logs, error trackers, consoles. */
function renderings(value: unknown): string[] {
  const out = [
    inspect(value, { depth: 10, showHidden: true }),
    inspect(value),
    JSON.stringify(value) ?? "",
    String(value),
  ];
  if (value instanceof Error) {
    out.push(value.message, value.stack ?? "");
    let cause = value.cause;
    while (cause !== undefined) {
      out.push(
        inspect(cause, { depth: 10 }),
        cause instanceof Error ? `${cause.message}\n${cause.stack}` : String(cause),
      );
      cause = cause instanceof Error ? cause.cause : undefined;
    }
  }
  return out;
}

function randomKey(): string {
  return `hk_live_${randomBytes(24).toString("base64url")}`;
}

/** Long enough for every retry, on fake time. */
const ALL = 120_000;

describe("the API key never shows", () => {
  const keys = Array.from({ length: 20 }, randomKey);

  test.each(keys)("client rendering does not contain %s", (apiKey) => {
    const client = createAcmeClient({ apiKey, fetch: async () => json(200, {}) });
    for (const text of renderings(client)) expect(text).not.toContain(apiKey);
    expect(inspect(client)).toContain("[REDACTED]");
    expect(JSON.parse(JSON.stringify(client))).toMatchObject({ apiKey: "[REDACTED]" });
    expect(Object.values(client).some((v) => typeof v === "string" && v.includes(apiKey))).toBe(false);
  });

  test.each(keys)("API errors that echo %s are redacted", async (apiKey) => {
    const echo = () =>
      json(
        401,
        {
          errors: [
            {
              title: `Unknown key ${apiKey}`,
              detail: `Bearer ${apiKey} is revoked`,
              source: { pointer: `/${apiKey}` },
            },
          ],
        },
        {
          "x-request-id": `req-${apiKey}`,
          "www-authenticate": `Bearer error="${apiKey}"`,
          authorization: `Bearer ${apiKey}`,
        },
      );
    const { client } = createObservedClient(echo, { apiKey });
    const error = (await outcomeOf(client.contacts.upsert(contact), ALL)).error;
    expect(error).toBeInstanceOf(Error);
    for (const text of renderings(error)) expect(text).not.toContain(apiKey);
    expect((error as Error).message).toContain("[REDACTED]");
  });

  test.each(keys.slice(0, 5))("a network error whose message holds %s is redacted, cause included", async (apiKey) => {
    const { client } = createObservedClient(
      () => {
        throw new TypeError(`connect ECONNREFUSED (Authorization: Bearer ${apiKey})`);
      },
      { apiKey, maxRetries: 0 },
    );
    const error = (await outcomeOf(client.contacts.upsert(contact), ALL)).error;
    for (const text of renderings(error)) expect(text).not.toContain(apiKey);
  });

  test.each(keys.slice(0, 5))(
    "validation and 5xx errors with the key in the body are redacted (%s)",
    async (apiKey) => {
      for (const status of [422, 500]) {
        const { client } = createObservedClient(
          () =>
            json(status, {
              errors: [{ title: "x", detail: apiKey, source: { pointer: `/data/attributes/${apiKey}` } }],
            }),
          { apiKey, maxRetries: 0 },
        );
        const error = (await outcomeOf(client.contacts.upsert(contact), ALL)).error;
        for (const text of renderings(error)) expect(text).not.toContain(apiKey);
      }
    },
  );

  test("timeouts and plain-text bodies do not leak it either", async () => {
    const apiKey = randomKey();
    const timeout = createObservedClient(hang, { apiKey, timeoutMs: 10, maxRetries: 0 });
    const text = createObservedClient(() => new Response(`denied for ${apiKey}`, { status: 403 }), { apiKey });
    for (const error of [
      (await outcomeOf(timeout.client.contacts.upsert(contact), ALL)).error,
      (await outcomeOf(text.client.contacts.upsert(contact), ALL)).error,
    ]) {
      for (const rendering of renderings(error)) expect(rendering).not.toContain(apiKey);
    }
  });

  test("option errors never echo the key", () => {
    const apiKey = `${randomKey()}\n`;
    expect(() => createAcmeClient({ apiKey, fetch: async () => json(200, {}) })).toThrow(/printable ASCII/);
    try {
      createAcmeClient({ apiKey, fetch: async () => json(200, {}) });
    } catch (error) {
      for (const text of renderings(error)) expect(text).not.toContain(apiKey.trim());
    }
  });

  test("a key deep in a cause chain (cause.cause.cause) is redacted at every level (defect 8)", async () => {
    const apiKey = randomKey();
    const { client } = createObservedClient(
      () => {
        const root = new Error(`TLS alert for ${apiKey}`);
        const middle = new Error("socket closed", { cause: root });
        throw new TypeError("fetch failed", { cause: new Error("connect failed", { cause: middle }) });
      },
      { apiKey, maxRetries: 0 },
    );
    const error = (await outcomeOf(client.contacts.upsert(contact), ALL)).error as Error;
    for (const text of renderings(error)) expect(text).not.toContain(apiKey);
    // The chain is kept (redacted), not cut.
    let depth = 0;
    for (let cause = error.cause; cause instanceof Error; cause = cause.cause) depth += 1;
    expect(depth).toBe(4);
  });

  test("echoes in another letter case or URL-encoded are redacted (defect 8)", async () => {
    const apiKey = `hk_live_${randomBytes(18).toString("base64")}/x+y=`;
    const echoes = [
      apiKey.toUpperCase(),
      apiKey.toLowerCase(),
      encodeURIComponent(apiKey),
      new URLSearchParams({ k: apiKey }).toString().slice(2),
    ];
    expect(new Set(echoes).size).toBeGreaterThan(2); // the forms really differ
    const { client } = createObservedClient(
      () =>
        json(
          401,
          {
            errors: echoes.map((echo) => ({
              title: "Unauthorized",
              detail: `key ${echo} unknown`,
              source: { pointer: `/${echo}` },
            })),
          },
          { "x-request-id": encodeURIComponent(apiKey) },
        ),
      { apiKey },
    );
    const error = (await outcomeOf(client.contacts.upsert(contact), ALL)).error;
    for (const text of renderings(error)) {
      for (const echo of echoes) expect(text).not.toContain(echo);
    }
    expect((error as Error).message).toContain("key [REDACTED] unknown");
  });
});
