import { describe, expect, test } from "vitest";
import { draftRequestClass, type OutgoingRequest } from "../src/draft-request.ts";
import { AcmeConnectionError, createAcmeClient } from "./.generated/sdk/index.js";
import { contact, createObservedClient, json, ok } from "./helpers/observed-client.js";

// openapi-fetch gets a draft instead of a Request (the transport builds the real one per attempt):
// what a caller can observe must stay as with real Requests.

describe("requests openapi-fetch builds as drafts", () => {
  test("the wire request is unchanged: method, URL, headers and body", async () => {
    const { client, calls } = createObservedClient(() => ok());
    await client.POST("/v1/contacts", { body: contact, headers: { "X-Trace": "t-1" } });
    const [call] = calls;
    expect(call?.method).toBe("POST");
    expect(call?.url).toBe("https://api.test.example/v1/contacts");
    expect(call?.headers.get("content-type")).toBe("application/json");
    expect(call?.headers.get("x-trace")).toBe("t-1");
    expect(call?.headers.get("authorization")).toBe("Bearer test-key");
    expect(JSON.parse(call?.body ?? "")).toEqual(contact);
  });

  test("openapi-fetch's own middleware (`use`) gets a real Request it can read and change", async () => {
    const { client, calls } = createObservedClient(() => ok());
    const seen: unknown[] = [];
    client.use({
      async onRequest({ request }) {
        seen.push(request instanceof Request, await request.clone().json());
        request.headers.set("x-from-middleware", "yes");
        return request;
      },
    });
    await client.POST("/v1/contacts", { body: contact });
    expect(seen).toEqual([true, contact]);
    expect(calls[0]?.headers.get("x-from-middleware")).toBe("yes");
    expect(JSON.parse(calls[0]?.body ?? "")).toEqual(contact);
  });

  test("a call's own openapi-fetch middleware gets a real Request too, and other calls keep drafts", async () => {
    const { client, calls } = createObservedClient(() => ok());
    const seen: boolean[] = [];
    await client.POST("/v1/contacts", {
      body: contact,
      middleware: [{ onRequest: ({ request }) => void seen.push(request instanceof Request) }],
    });
    await client.POST("/v1/contacts", { body: contact });
    expect(seen).toEqual([true]);
    expect(calls.map((call) => JSON.parse(call.body))).toEqual([contact, contact]);
  });

  test("a streamed body is read once and re-sent intact on a retry", async () => {
    const { client, calls } = createObservedClient([() => json(503, {}), () => ok()], { maxRetries: 1 });
    const text = JSON.stringify(contact);
    await client.POST("/v1/contacts", {
      body: contact,
      bodySerializer: () => new Blob([text]).stream(),
    });
    expect(calls.map((call) => call.body)).toEqual([text, text]);
  });

  test("with the runtime's fetch, a request fetch refuses to build fails at once as a TypeError, not as a network failure", async () => {
    // No fetch injected: the runtime's own. A GET with a body cannot be built, so nothing is sent.
    const client = createAcmeClient({ apiKey: "k", baseUrl: "https://api.test.example", rateLimit: false });
    // biome-ignore lint/suspicious/noExplicitAny: a body on GET is what the types forbid; the runtime must too
    const error = await (client.GET as any)("/v1/contacts", { body: contact }).catch((e: unknown) => e);
    // What `new Request` throws, not AcmeConnectionError ("could not reach"), which would be retried.
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(AcmeConnectionError);
  });
});

describe("the draft itself (draftRequestClass)", () => {
  const Draft = draftRequestClass(() => false);

  test("carries exactly the members the transport reads, with the init's request options", () => {
    const headers = new Headers({ "x-a": "1" });
    const draft = new Draft("https://api.test.example/v1/x", {
      method: "PUT",
      headers,
      body: "{}",
      credentials: "omit",
      cache: "no-store",
      integrity: "sha256-abc",
      keepalive: true,
      mode: "cors",
    }) as unknown as OutgoingRequest;
    expect(draft).toEqual({
      url: "https://api.test.example/v1/x",
      method: "PUT",
      headers,
      body: "{}",
      signal: null,
      credentials: "omit",
      cache: "no-store",
      integrity: "sha256-abc",
      keepalive: true,
      draft: true,
    });
    // openapi-fetch's Headers are used as they are: built for this call alone.
    expect(draft.headers).toBe(headers);
  });

  test("defaults a missing method, body and signal, and turns a headers record into Headers", () => {
    const draft = new Draft("https://api.test.example/v1/x", { headers: { "X-B": "2" } }) as unknown as OutgoingRequest;
    expect([draft.method, draft.body, draft.signal]).toEqual(["GET", null, null]);
    expect(draft.headers).toBeInstanceOf(Headers);
    expect(draft.headers.get("x-b")).toBe("2");
  });

  test("is a real Request once real ones are asked for", () => {
    const Real = draftRequestClass(() => true);
    expect(new Real("https://api.test.example/v1/x", { method: "POST", body: "{}" })).toBeInstanceOf(Request);
  });
});
