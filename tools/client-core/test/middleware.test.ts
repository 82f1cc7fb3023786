import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { AcmeConnectionError, AcmeError, type Middleware, ServerError } from "./.generated/sdk/index.js";
import { contact, createObservedClient, json, ok } from "./helpers/observed-client.js";
import { outcomeOf } from "./helpers/outcome.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const ALL = 120_000;

/** A middleware that records when it sees the request and the response, under a name. */
function tracing(name: string, trace: string[]): Middleware {
  return async (request, next) => {
    trace.push(`${name}>`);
    const response = await next(request);
    trace.push(`<${name} ${response.status}`);
    return response;
  };
}

describe("middleware", () => {
  test("client middleware then per-call middleware, first outermost, on the method and the typed surface", async () => {
    const trace: string[] = [];
    const { client, calls } = createObservedClient(() => ok(), {
      middleware: [tracing("a", trace), tracing("b", trace)],
    });
    await client.contacts.upsert(contact, { middleware: [tracing("call", trace)] });
    expect(trace).toEqual(["a>", "b>", "call>", "<call 200", "<b 200", "<a 200"]);
    trace.length = 0;
    await client.POST("/v1/contacts", { body: contact });
    expect(trace).toEqual(["a>", "b>", "<b 200", "<a 200"]);
    expect(calls).toHaveLength(2);
  });

  test("runs once per attempt, seeing each attempt's response and number", async () => {
    const seen: Array<[number, number]> = [];
    const { client, calls } = createObservedClient([() => json(503, { errors: [] }), () => ok("second")], {
      middleware: [
        async (request, next, context) => {
          const response = await next(request);
          seen.push([context.attempt, response.status]);
          return response;
        },
      ],
    });
    const { value } = await outcomeOf(client.contacts.upsert(contact), ALL);
    expect(value).toEqual({ id: "second" });
    expect(calls).toHaveLength(2);
    expect(seen).toEqual([
      [1, 503],
      [2, 200],
    ]);
  });

  test("rewrites the request: a header added, the body replaced", async () => {
    const { client, calls } = createObservedClient(() => ok(), {
      middleware: [
        async (request, next) => {
          const body = { ...(await request.json()), firstName: "Rewritten" };
          const headers = new Headers(request.headers);
          headers.set("x-trace", "t-1");
          return next(new Request(request, { headers, body: JSON.stringify(body) }));
        },
      ],
    });
    await client.contacts.upsert(contact);
    expect(calls[0]?.headers.get("x-trace")).toBe("t-1");
    expect(calls[0]?.headers.get("authorization")).toBe("Bearer test-key");
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual({ ...contact, firstName: "Rewritten" });
  });

  test("short-circuits: its own Response is the call's, nothing is sent and no rate-limit slot is used", async () => {
    const { client, calls } = createObservedClient(() => ok("network"), {
      rateLimit: { limit: 1, intervalMs: 60_000 },
    });
    const cache: Middleware = async () => json(200, { data: { id: "cached" } });
    expect(await client.contacts.upsert(contact, { middleware: [cache] })).toEqual({ id: "cached" });
    expect(await client.contacts.upsert(contact, { middleware: [cache] })).toEqual({ id: "cached" });
    // The one slot of the window is still free: a real call goes at once (well within 1 s).
    const { value } = await outcomeOf(client.contacts.upsert(contact, { totalTimeoutMs: 1_000 }), 10);
    expect(value).toEqual({ id: "network" });
    expect(calls).toHaveLength(1);
  });

  test("both bodies stay readable: a middleware that reads them does not break the call", async () => {
    let requestText = "";
    let responseBody: unknown;
    const { client, calls } = createObservedClient(() => ok("read"), {
      middleware: [
        async (request, next) => {
          requestText = await request.text();
          const response = await next(request);
          responseBody = await response.json();
          return response;
        },
      ],
    });
    expect(await client.contacts.upsert(contact)).toEqual({ id: "read" });
    expect(JSON.parse(requestText)).toEqual(contact);
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual(contact);
    expect(responseBody).toEqual({ data: { id: "read" } });
  });

  test("context.log goes through the logger with every secret redacted", async () => {
    const apiKey = "hk_live_Middleware9876543";
    const lines: Array<{ message: string; details: unknown }> = [];
    const { client } = createObservedClient(() => ok(), {
      apiKey,
      logger: { debug: (message, details) => lines.push({ message, details }) },
      middleware: [
        async (request, next, context) => {
          const response = await next(request);
          context.log(`audit ${apiKey}`, {
            request,
            response,
            headers: request.headers,
            nested: { note: `key=${apiKey}`, list: [apiKey] },
          });
          return response;
        },
      ],
    });
    await client.contacts.upsert(contact);
    const audit = lines.find((line) => line.message.startsWith("[acme] audit"));
    expect(audit?.details).toMatchObject({
      request: { method: "POST", headers: { authorization: "[REDACTED]" } },
      response: { status: 200 },
      headers: { authorization: "[REDACTED]" },
      nested: { note: "key=[REDACTED]", list: ["[REDACTED]"] },
    });
    expect(JSON.stringify(lines)).not.toContain(apiKey);
  });

  test("a middleware's own error reaches the caller as is and is not retried; a failure through next still is", async () => {
    const own = new Error("signing service down");
    const failing = createObservedClient(() => ok(), {
      middleware: [
        async () => {
          throw own;
        },
      ],
    });
    expect((await outcomeOf(failing.client.contacts.upsert(contact), ALL)).error).toBe(own);
    expect(failing.calls).toHaveLength(0);

    let attempts = 0;
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const passing = createObservedClient(
      [
        () => {
          throw refused;
        },
        () => ok("after"),
      ],
      {
        middleware: [
          async (request, next) => {
            attempts++;
            return next(request);
          },
        ],
      },
    );
    expect((await outcomeOf(passing.client.contacts.upsert(contact), ALL)).value).toEqual({ id: "after" });
    expect(attempts).toBe(2);
  });

  test("a connection failure passed on by middleware is classified as without it", async () => {
    const reset = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
    const { client } = createObservedClient(
      () => {
        throw reset;
      },
      { maxRetries: 0, middleware: [async (request, next) => next(request)] },
    );
    const { error } = await outcomeOf(client.contacts.upsert({ source: "x", firstName: "No keys" }), ALL);
    expect(error).toBeInstanceOf(AcmeConnectionError);
    expect((error as AcmeConnectionError).mayHaveBeenApplied).toBe(true);
  });

  test("an error status seen by middleware is still mapped to its error class", async () => {
    const statuses: number[] = [];
    const { client } = createObservedClient(() => json(500, { errors: [] }), {
      maxRetries: 0,
      middleware: [
        async (request, next) => {
          const response = await next(request);
          statuses.push(response.status);
          return response;
        },
      ],
    });
    expect((await outcomeOf(client.contacts.upsert(contact), ALL)).error).toBeInstanceOf(ServerError);
    expect(statuses).toEqual([500]);
  });

  test("aborting while a middleware waits stops the call at once", async () => {
    const controller = new AbortController();
    const { client, calls } = createObservedClient(() => ok(), {
      middleware: [
        async (request, next) => {
          await new Promise((resolve) => setTimeout(resolve, 10_000));
          return next(request);
        },
      ],
    });
    const pending = outcomeOf(client.contacts.upsert(contact, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error("user left"));
    const { error } = await pending;
    expect((error as Error).message).toBe("user left");
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls).toHaveLength(0);
  });

  test("a middleware that resolves to something else than a Response, or a bad option, is a clear error", async () => {
    const { client } = createObservedClient(() => ok(), {
      middleware: [async () => ({ status: 200 }) as unknown as Response],
    });
    const { error } = await outcomeOf(client.contacts.upsert(contact), ALL);
    expect(error).toBeInstanceOf(AcmeError);
    expect((error as Error).message).toMatch(/middleware #1 resolved to object instead of a Response/);
    expect(() => createObservedClient(() => ok(), { middleware: ["nope"] as never })).toThrow(
      /middleware.*an array of functions/,
    );
  });
});
