import { describe, expect, test } from "vitest";
import { fieldErrorsOf, fieldNameOf } from "./.generated/sdk/core/error-from-response.js";
import {
  AcmeApiError,
  AcmeError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "./.generated/sdk/index.js";
import { contact, createObservedClient, json, jsonApiErrors, ok } from "./helpers/observed-client.js";
import { outcomeOf } from "./helpers/outcome.js";

/** The error an upsert answered by `reply` (once, no retries) rejects with; undefined if it resolved. */
async function errorWhenAnswered(reply: () => Response): Promise<unknown> {
  const { client } = createObservedClient(reply, { maxRetries: 0 });
  const { error } = await outcomeOf(client.contacts.upsert(contact));
  return error;
}

describe("error classes", () => {
  test("401 → AuthenticationError with the JSON:API errors", async () => {
    const error = await errorWhenAnswered(() =>
      jsonApiErrors(401, [{ title: "Unauthorized", detail: "A valid API key is required.", pointer: "/" }]),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(AcmeApiError);
    expect(error).toBeInstanceOf(AcmeError);
    expect(error).toMatchObject({
      name: "AuthenticationError",
      status: 401,
      errors: [{ title: "Unauthorized", detail: "A valid API key is required.", source: { pointer: "/" } }],
    });
    expect((error as Error).message).toBe("Acme API responded 401: A valid API key is required.");
  });

  test.each([
    [400, BadRequestError, "BadRequestError"],
    [403, PermissionDeniedError, "PermissionDeniedError"],
    [404, NotFoundError, "NotFoundError"],
    [409, ConflictError, "ConflictError"],
  ] as const)("%i → %o, never retried", async (status, errorClass, name) => {
    let calls = 0;
    const { client } = createObservedClient(() => {
      calls += 1;
      return jsonApiErrors(status, [{ title: "Refused", detail: "refused", pointer: "/" }]);
    });
    const error = await client.contacts.upsert(contact).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(AcmeApiError);
    expect(error).toMatchObject({ name, status });
    expect(calls).toBe(1);
  });

  test("422 → ValidationError with fieldErrors keyed by the pointer's last segment", async () => {
    const error = (await errorWhenAnswered(() =>
      jsonApiErrors(422, [
        { detail: "is not a valid email address", pointer: "/data/attributes/email" },
        { detail: "is not one of your custom sources", pointer: "/data/attributes/source" },
        { detail: "is too long", pointer: "/data/attributes/email" },
      ]),
    )) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.name).toBe("ValidationError");
    expect(error.status).toBe(422);
    expect(error.fieldErrors).toEqual({
      email: ["is not a valid email address", "is too long"],
      source: ["is not one of your custom sources"],
    });
    expect(error.errors).toHaveLength(3);
    expect(error.message).toBe(
      "Acme API responded 422: email: is not a valid email address; source: is not one of your custom sources; email: is too long",
    );
  });

  test("429 → RateLimitError with retryAfterMs (after the retries)", async () => {
    const error = (await errorWhenAnswered(() =>
      json(429, { errors: [] }, { "retry-after": "12", "x-request-id": "req-429" }),
    )) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(12_000);
    expect(error.requestId).toBe("req-429");
    expect(error.headers["retry-after"]).toBe("12");
  });

  test("429 without Retry-After leaves retryAfterMs undefined", async () => {
    const error = (await errorWhenAnswered(() => json(429, { errors: [] }))) as RateLimitError;
    expect(error.retryAfterMs).toBeUndefined();
  });

  test.each([500, 502, 503, 599])("%i → ServerError", async (status) => {
    const error = await errorWhenAnswered(() =>
      jsonApiErrors(status, [{ detail: "Something went wrong", pointer: "/" }]),
    );
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(status);
  });

  test("another status → AcmeApiError itself", async () => {
    const error = await errorWhenAnswered(() => json(418, { errors: [] }));
    expect(error).toBeInstanceOf(AcmeApiError);
    expect(error).not.toBeInstanceOf(ServerError);
    expect((error as AcmeApiError).name).toBe("AcmeApiError");
  });

  test("a non-JSON error body (a proxy's page) still gives a readable error", async () => {
    const error = (await errorWhenAnswered(
      () => new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
    )) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.errors).toEqual([]);
    expect(error.message).toBe("Acme API responded 502 Bad Gateway: <html>Bad gateway</html>");
  });

  test("a 200 without an id is a AcmeError, not a silent undefined", async () => {
    const { client } = createObservedClient(() => json(200, { data: {} }));
    await expect(client.contacts.upsert(contact)).rejects.toThrow(/without a contact id/);
  });

  test("an unsupported method is refused before any request", async () => {
    const { client, calls } = createObservedClient(() => ok());
    // @ts-expect-error: only POST and PUT are upserts
    await expect(client.contacts.upsert(contact, { method: "PATCH" })).rejects.toThrow(/must be "POST" or "PUT"/);
    expect(calls).toHaveLength(0);
  });

  test("the raw surface returns the error document instead of throwing", async () => {
    const { client } = createObservedClient(
      () => jsonApiErrors(422, [{ detail: "bad", pointer: "/data/attributes/email" }]),
      { maxRetries: 0 },
    );
    const { data, error, response } = await client.POST("/v1/contacts", { body: contact });
    expect(data).toBeUndefined();
    expect(response.status).toBe(422);
    expect(error?.errors[0]?.source.pointer).toBe("/data/attributes/email");
  });
});

describe("fieldErrors helpers", () => {
  test.each([
    ["/data/attributes/email", "email"],
    ["/email", "email"],
    ["/data/attributes/details/a~1b", "a/b"],
    ["/data/attributes/m~0n", "m~n"],
    ["/", ""],
    ["", ""],
  ])("%j → %j", (pointer, name) => {
    expect(fieldNameOf(pointer)).toBe(name);
  });

  test("errors without a field are left out; a __proto__ field is an own property", () => {
    const fields = fieldErrorsOf([
      { title: "t", detail: "whole request", source: { pointer: "/" } },
      { title: "only a title", detail: "", source: { pointer: "/data/attributes/status" } },
      { title: "t", detail: "odd", source: { pointer: "/data/attributes/__proto__" } },
    ]);
    expect(Object.keys(fields)).toEqual(["status", "__proto__"]);
    expect(fields.status).toEqual(["only a title"]);
    expect(Object.getOwnPropertyDescriptor(fields, "__proto__")?.value).toEqual(["odd"]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  test("fieldErrors has no prototype: fields named like Object methods are plain keys (defect 8)", async () => {
    const error = (await errorWhenAnswered(() =>
      jsonApiErrors(422, [
        { detail: "shadowed", pointer: "/data/attributes/toString" },
        { detail: "also", pointer: "/data/attributes/hasOwnProperty" },
      ]),
    )) as ValidationError;
    expect(Object.getPrototypeOf(error.fieldErrors)).toBeNull();
    expect(error.fieldErrors.toString).toEqual(["shadowed"]);
    expect(error.fieldErrors.hasOwnProperty).toEqual(["also"]);
    // A field the server did not name is absent, not inherited.
    expect(error.fieldErrors.constructor).toBeUndefined();
    expect(`${Object.keys(error.fieldErrors)}`).toBe("toString,hasOwnProperty");
  });

  test("messages built from server text are capped, however large the body (defect 8)", async () => {
    const huge = "x".repeat(5_000_000);
    const viaErrors = (await errorWhenAnswered(() =>
      jsonApiErrors(422, [
        { detail: huge, pointer: "/data/attributes/email" },
        ...Array.from({ length: 500 }, (_, i) => ({ detail: huge.slice(0, 1_000), pointer: `/data/attributes/f${i}` })),
      ]),
    )) as ValidationError;
    const viaText = (await errorWhenAnswered(() => new Response(huge, { status: 502 }))) as ServerError;
    const viaTitle = (await errorWhenAnswered(() => json(400, { title: huge, detail: huge }))) as BadRequestError;
    for (const error of [viaErrors, viaText, viaTitle]) {
      expect(error).toBeInstanceOf(AcmeApiError);
      expect(error.message.length).toBeLessThanOrEqual(2_001);
    }
    expect(viaErrors.message).toMatch(/^Acme API responded 422: email: x+…/);
    expect(viaErrors.errors.length).toBeLessThanOrEqual(100);
    for (const item of viaErrors.errors) expect(item.detail.length).toBeLessThanOrEqual(1_001);
  });
});
