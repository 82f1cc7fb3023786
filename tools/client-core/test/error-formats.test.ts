import { describe, expect, test } from "vitest";
import {
  AcmeApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "./.generated/sdk/index.js";
import { contact, createObservedClient, json } from "./helpers/observed-client.js";
import { outcomeOf } from "./helpers/outcome.js";

// Error bodies in the formats real APIs use all map to the same classes; field errors come only
// from formats that carry pointers (issue 10). Undeclared statuses: issue 16, item 5.

async function errorFor(reply: () => Response) {
  let calls = 0;
  const { client } = createObservedClient(() => {
    calls += 1;
    return reply();
  });
  const { error } = await outcomeOf(client.contacts.upsert(contact));
  return { error: error as AcmeApiError, calls };
}

const problem = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json" } });

describe("error body formats", () => {
  test("JSON:API errors[] with source.pointer (the fixture's format)", async () => {
    const { error } = await errorFor(() =>
      json(422, {
        errors: [
          {
            title: "Invalid value",
            detail: "is not a valid email address",
            source: { pointer: "/data/attributes/email" },
          },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ email: ["is not a valid email address"] });
    expect(error.message).toBe("Acme API responded 422: email: is not a valid email address");
  });

  test("RFC 9457 problem details with errors[].pointer (the RFC's own example)", async () => {
    const { error } = await errorFor(() =>
      problem(422, {
        type: "https://example.net/validation-error",
        title: "Your request is not valid.",
        errors: [
          { detail: "must be a positive integer", pointer: "#/age" },
          { detail: "must be 'green', 'red' or 'blue'", pointer: "#/profile/color" },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      age: ["must be a positive integer"],
      color: ["must be 'green', 'red' or 'blue'"],
    });
    expect(error.errors[0]).toEqual({ title: "", detail: "must be a positive integer", source: { pointer: "/age" } });
    expect(error.message).toBe(
      "Acme API responded 422: Your request is not valid.; age: must be a positive integer; color: must be 'green', 'red' or 'blue'",
    );
  });

  test("RFC 9457 invalid-params[] (name, reason) give field errors too", async () => {
    const { error } = await errorFor(() =>
      problem(422, { title: "Invalid", "invalid-params": [{ name: "email", reason: "is not an email" }] }),
    );
    expect((error as ValidationError).fieldErrors).toEqual({ email: ["is not an email"] });
  });

  test("RFC 9457 without items: title and detail in the message, no field errors", async () => {
    const { error } = await errorFor(() =>
      problem(403, { type: "about:blank", title: "Forbidden", status: 403, detail: "Key lacks contacts:write" }),
    );
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.errors).toEqual([]);
    expect(error.message).toBe("Acme API responded 403: Forbidden: Key lacks contacts:write");
  });

  test("a plain { message }: the message, no field errors", async () => {
    const { error } = await errorFor(() => json(422, { message: "Source is not one of your custom sources" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({});
    expect(error.errors).toEqual([]);
    expect(error.message).toBe("Acme API responded 422: Source is not one of your custom sources");
  });

  test("non-JSON (a proxy's HTML page): the start of the text, the right class", async () => {
    const { error } = await errorFor(
      () => new Response("<html>502 Bad Gateway</html>", { status: 401, headers: { "content-type": "text/html" } }),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.errors).toEqual([]);
    expect(error.message).toBe("Acme API responded 401: <html>502 Bad Gateway</html>");
  });

  test.each([
    [404, NotFoundError],
    [409, ConflictError],
    [429, RateLimitError],
    [500, ServerError],
  ] as const)("%i in problem+json is still a %o", async (status, errorClass) => {
    const { error } = await errorFor(() => problem(status, { title: "t", detail: "d" }));
    expect(error).toBeInstanceOf(errorClass);
  });
});

describe("400 and undeclared 4xx (issue 16, item 5)", () => {
  test("400 (e.g. the mock's invalid_json) → BadRequestError with its message, sent once", async () => {
    const { error, calls } = await errorFor(() =>
      json(400, { error: { code: "invalid_json", message: "Unexpected token } in JSON at position 12" } }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.status).toBe(400);
    expect(error.message).toBe("Acme API responded 400: Unexpected token } in JSON at position 12");
    expect(calls).toBe(1);
  });

  test.each([402, 405, 406, 410, 413, 415, 418, 451])(
    "%i → AcmeApiError itself (no subclass), never retried",
    async (status) => {
      const { error, calls } = await errorFor(() => json(status, { message: "nope" }));
      expect(error).toBeInstanceOf(AcmeApiError);
      expect(error.name).toBe("AcmeApiError");
      expect(error.status).toBe(status);
      expect(error.message).toBe(`Acme API responded ${status}: nope`);
      expect(calls).toBe(1);
    },
  );
});

describe("request id", () => {
  test.each([400, 401, 403, 404, 409, 418, 422, 429, 500, 503])(
    "every AcmeApiError (%i) carries the server's request id",
    async (status) => {
      const { client } = createObservedClient(() => json(status, { errors: [] }, { "x-request-id": `req-${status}` }), {
        maxRetries: 0,
      });
      const { error } = await outcomeOf(client.contacts.upsert(contact));
      expect(error).toBeInstanceOf(AcmeApiError);
      expect((error as AcmeApiError).requestId).toBe(`req-${status}`);
    },
  );
});
