import { describe, expect, test } from "vitest";
import * as hatch from "../src/index.js";

// Hatch's public names and words come from sdk.config.json through the generated client file;
// the core's behaviour is tested in tools/client-core on a fixture API of its own.

describe("Hatch's public surface", () => {
  test.each([
    "HatchError",
    "HatchApiError",
    "HatchConnectionError",
    "HatchTimeoutError",
    "HatchResponseError",
    "BadRequestError",
    "AuthenticationError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "ValidationError",
    "RateLimitError",
    "ServerError",
  ])("%s is exported, an Error named after itself", (name) => {
    const ErrorClass = (hatch as unknown as Record<string, new (...args: unknown[]) => Error>)[name] as new (
      ...args: unknown[]
    ) => Error;
    expect(ErrorClass).toBeTypeOf("function");
    const details = { status: 500, errors: [], headers: {}, requestId: undefined, fieldErrors: {} };
    const error = name === "HatchTimeoutError" ? new ErrorClass(5) : new ErrorClass("m", details);
    expect(error).toBeInstanceOf(hatch.HatchError);
    expect(error.name).toBe(name);
  });

  test("internals are not exported", () => {
    for (const name of ["bodyEncodingOf", "encodeRequestBody", "ERROR_CLASSES", "createSdkClient", "selectVariant"]) {
      expect(Object.keys(hatch)).not.toContain(name);
    }
  });

  test("messages, env vars and defaults are Hatch's", async () => {
    const previous = process.env.HATCH_API_KEY;
    delete process.env.HATCH_API_KEY;
    try {
      expect(() => hatch.createHatchClient()).toThrow(
        /^createHatchClient: missing Hatch API key\. Pass `apiKey`, or set the HATCH_API_KEY environment variable\. Create a key in Hatch's App Marketplace\.$/,
      );
    } finally {
      if (previous !== undefined) process.env.HATCH_API_KEY = previous;
    }
    const client = hatch.createHatchClient({
      apiKey: "k",
      maxRetries: 0,
      fetch: async () => new Response("{}", { status: 404 }),
    });
    expect(client.baseUrl).toBe("https://api.usehatchapp.com");
    expect(hatch.DEFAULT_RATE_LIMIT).toEqual({ limit: 100, intervalMs: 10_000 });
    const error = await client.contacts.upsert({ source: "x" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(hatch.NotFoundError);
    expect(error).toBeInstanceOf(hatch.HatchApiError);
    expect((error as Error).message).toMatch(/^Hatch API responded 404/);
  });

  test("an upsert without a match key is not resent, and the error says which keys it lacked", async () => {
    let calls = 0;
    const client = hatch.createHatchClient({
      apiKey: "k",
      fetch: async () => {
        calls++;
        return new Response("{}", { status: 500 });
      },
    });
    const error = await client.contacts.upsert({ source: "x" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(hatch.ServerError);
    expect((error as Error).message).toContain("(the body has neither phoneNumber nor email to match on)");
    expect(calls).toBe(1);
  });
});
