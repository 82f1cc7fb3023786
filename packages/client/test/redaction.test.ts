import { randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createHatchClient } from "../src/index.js";
import { contact, createObservedClient, hang, json } from "./helpers/observed-client.js";

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

async function failure(promise: Promise<unknown>): Promise<unknown> {
  const caught = promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  await vi.advanceTimersByTimeAsync(120_000);
  return caught;
}

describe("the API key never shows", () => {
  const keys = Array.from({ length: 20 }, randomKey);

  test.each(keys)("client rendering does not contain %s", (apiKey) => {
    const client = createHatchClient({ apiKey, fetch: async () => json(200, {}) });
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
    const error = await failure(client.contacts.upsert(contact));
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
    const error = await failure(client.contacts.upsert(contact));
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
        const error = await failure(client.contacts.upsert(contact));
        for (const text of renderings(error)) expect(text).not.toContain(apiKey);
      }
    },
  );

  test("timeouts and plain-text bodies do not leak it either", async () => {
    const apiKey = randomKey();
    const timeout = createObservedClient(hang, { apiKey, timeoutMs: 10, maxRetries: 0 });
    const text = createObservedClient(() => new Response(`denied for ${apiKey}`, { status: 403 }), { apiKey });
    for (const error of [
      await failure(timeout.client.contacts.upsert(contact)),
      await failure(text.client.contacts.upsert(contact)),
    ]) {
      for (const rendering of renderings(error)) expect(rendering).not.toContain(apiKey);
    }
  });

  test("option errors never echo the key", () => {
    const apiKey = `${randomKey()}\n`;
    expect(() => createHatchClient({ apiKey, fetch: async () => json(200, {}) })).toThrow(/printable ASCII/);
    try {
      createHatchClient({ apiKey, fetch: async () => json(200, {}) });
    } catch (error) {
      for (const text of renderings(error)) expect(text).not.toContain(apiKey.trim());
    }
  });
});
