import { describe, expect, expectTypeOf, test } from "vitest";
import type { WithResponse } from "../src/index.js";
import { contact, createObservedClient, json } from "./helpers/observed-client.js";

describe("withResponse: the raw Response of a successful call, with the typed result", () => {
  test("contacts.upsert(…, { withResponse: true }) gives data, response and requestId", async () => {
    const { client } = createObservedClient(() =>
      json(200, { data: { id: "c-9" } }, { "x-request-id": "req-ok", "x-ratelimit-remaining": "99" }),
    );
    const result = await client.contacts.upsert(contact, { withResponse: true });
    expectTypeOf(result).toEqualTypeOf<WithResponse<{ id: string }>>();
    expect(result.data).toEqual({ id: "c-9" });
    expect(result.requestId).toBe("req-ok");
    expect(result.response.status).toBe(200);
    expect(result.response.headers.get("x-ratelimit-remaining")).toBe("99");
    // The body was read within the deadline and buffered: reading it again works.
    await expect(result.response.json()).resolves.toEqual({ data: { id: "c-9" } });
  });

  test("without the flag the result is { id } alone, typed so", async () => {
    const { client } = createObservedClient(() => json(200, { data: { id: "c-1" } }));
    const result = await client.contacts.upsert(contact);
    expectTypeOf(result).toEqualTypeOf<{ id: string }>();
    expect(result).toEqual({ id: "c-1" });
  });
});
