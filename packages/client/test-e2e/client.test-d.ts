import { describe, expectTypeOf, test } from "vitest";
import {
  createHatchClient,
  type HatchApiError,
  type HatchClient,
  type JsonApiError,
  type RateLimitError,
  type UpsertContactParams,
  type ValidationError,
  type WithResponse,
} from "../src/index.js";

declare const hatch: HatchClient;

describe("createHatchClient types", () => {
  test("options are typed", () => {
    expectTypeOf(createHatchClient).returns.toEqualTypeOf<HatchClient>();
    createHatchClient({ apiKey: "k", rateLimit: false, fetch: globalThis.fetch });
    createHatchClient({ rateLimit: { limit: 10 } });
    // @ts-expect-error: maxRetries is a number
    createHatchClient({ maxRetries: "2" });
  });

  test("contacts.upsert takes UpsertContactParams and returns { id }", () => {
    expectTypeOf(hatch.contacts.upsert).parameter(0).toEqualTypeOf<UpsertContactParams>();
    expectTypeOf(hatch.contacts.upsert({ source: "custom:x" })).resolves.toEqualTypeOf<{ id: string }>();
    // @ts-expect-error: source is required
    void hatch.contacts.upsert({ firstName: "Dana" });
    // @ts-expect-error: only POST and PUT
    void hatch.contacts.upsert({ source: "x" }, { method: "GET" });
  });

  test("withResponse: true changes the result type, and only then", () => {
    expectTypeOf(hatch.contacts.upsert({ source: "x" }, { withResponse: true })).resolves.toEqualTypeOf<
      WithResponse<{ id: string }>
    >();
    expectTypeOf(hatch.contacts.upsert({ source: "x" }, { maxRetries: 0 })).resolves.toEqualTypeOf<{ id: string }>();
    // @ts-expect-error: maxRetries is a number
    void hatch.contacts.upsert({ source: "x" }, { maxRetries: "1" });
  });

  test("auth schemes are typed", () => {
    createHatchClient({ auth: { type: "basic", username: "u" } });
    createHatchClient({ auth: [{ type: "apiKey", in: "query", name: "key" }, { type: "bearer" }] });
    // @ts-expect-error: an API key goes in a header or the query only
    createHatchClient({ auth: { type: "apiKey", in: "cookie", name: "k" } });
    // @ts-expect-error: basic needs a username
    createHatchClient({ auth: { type: "basic" } });
  });

  test("the typed surface knows the path, body and response", async () => {
    const { data, error } = await hatch.POST("/v1/contacts", { body: { source: "custom:x", email: null } });
    if (data) expectTypeOf(data.data.id).toEqualTypeOf<string>();
    if (error) expectTypeOf(error.errors).toEqualTypeOf<JsonApiError[]>();
    // @ts-expect-error: an unknown path is a type error
    void hatch.POST("/v1/leads", { body: { source: "x" } });
    // @ts-expect-error: the body is checked
    void hatch.PUT("/v1/contacts", { body: { source: 1 } });
  });

  test("errors carry typed details", () => {
    expectTypeOf<ValidationError["fieldErrors"]>().toEqualTypeOf<Record<string, string[]>>();
    expectTypeOf<RateLimitError["retryAfterMs"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<HatchApiError["errors"]>().toEqualTypeOf<JsonApiError[]>();
    expectTypeOf<HatchApiError["requestId"]>().toEqualTypeOf<string | undefined>();
  });
});
