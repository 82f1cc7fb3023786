import { describe, expect, expectTypeOf, test } from "vitest";
import type { SdkDefinition } from "../src/definition.ts";
import { bufferedResponse, readBody } from "../src/response-body.ts";
import type { WithResponse } from "./.generated/sdk/index.js";
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
    // Read from the headers on demand, yet an own enumerable property: spread and JSON keep it,
    // and it can be set like the plain property it was.
    expect(Object.keys(result)).toEqual(["data", "response", "requestId"]);
    expect({ ...result }.requestId).toBe("req-ok");
    expect(JSON.parse(JSON.stringify({ requestId: result.requestId }))).toEqual({ requestId: "req-ok" });
    result.requestId = "mine";
    expect(result.requestId).toBe("mine");
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

describe("the buffered Response behaves like a Response", () => {
  const reply = () => json(200, { data: { id: "buf" } }, { "x-request-id": "req-buf" });

  test.each(["json", "text", "blob", "arrayBuffer", "stream"] as const)(
    "acme.POST with parseAs %s reads the buffered body",
    async (parseAs) => {
      const { client } = createObservedClient(reply);
      const { data, response } = await client.POST("/v1/contacts", { body: contact, parseAs });
      expect(response).toBeInstanceOf(Response);
      const text =
        parseAs === "json"
          ? JSON.stringify(data)
          : parseAs === "text"
            ? (data as string)
            : parseAs === "blob"
              ? await (data as Blob).text()
              : parseAs === "arrayBuffer"
                ? new TextDecoder().decode(data as ArrayBuffer)
                : await new Response(data as ReadableStream).text();
      expect(JSON.parse(text)).toEqual({ data: { id: "buf" } });
    },
  );

  test("status, headers, clone, bodyUsed and repeated reads", async () => {
    const { client } = createObservedClient(reply);
    const { response } = await client.contacts.upsert(contact, { withResponse: true });
    expect(response.ok).toBe(true);
    expect(response.headers.get("x-request-id")).toBe("req-buf");
    expect(response.bodyUsed).toBe(false);
    expect(await response.clone().text()).toBe(await response.text());
    expect(new Uint8Array(await response.arrayBuffer()).byteLength).toBe(
      JSON.stringify({ data: { id: "buf" } }).length,
    );
    expect(response.body).toBe(response.body); // one stream, not a new one per access
  });

  test("a 204 has no body and no data", async () => {
    const { client } = createObservedClient(() => new Response(null, { status: 204 }));
    const { data, response } = await client.POST("/v1/contacts", { body: contact });
    expect(data).toBeUndefined();
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });
});

describe("the buffered Response (bufferedResponse)", () => {
  const sdk = { title: "Acme", errors: { Response: Error } } as unknown as SdkDefinition;
  const same = (text: string) => text;

  test("adds the body's length when the server sent none, leaving the original's headers untouched", async () => {
    const original = new Response("ignored", { status: 200, headers: { "content-type": "application/json" } });
    const bytes = new TextEncoder().encode('{"a":1}');
    const buffered = bufferedResponse(original, bytes, same, sdk);
    expect(buffered.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(buffered.headers.get("content-type")).toBe("application/json");
    expect(original.headers.has("content-length")).toBe(false);
    expect(await buffered.json()).toEqual({ a: 1 });
  });

  test("keeps the server's own length, and adds none to an empty body", () => {
    const declared = new Response(null, { status: 200, headers: { "content-length": "7" } });
    expect(bufferedResponse(declared, new Uint8Array(7), same, sdk).headers.get("content-length")).toBe("7");
    const empty = bufferedResponse(new Response(null, { status: 204 }), null, same, sdk);
    expect(empty.headers.has("content-length")).toBe(false);
    expect(empty.body).toBe(null);
  });
});

describe("reading the body (readBody)", () => {
  const sdk = { title: "Acme", errors: { Response: Error } } as unknown as SdkDefinition;
  const same = (text: string) => text;
  const never = new Promise<never>(() => {});
  /** A body stream that delivers `parts` and then neither ends nor fails, like a socket left open. */
  const openStream = (parts: string[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      },
    });

  test("a body with a Content-Length is complete once that many bytes are in, its stream's end not awaited", async () => {
    const response = new Response(openStream(['{"a":', "1}"]), { headers: { "content-length": "7" } });
    const bytes = await readBody(response, never, 1000, same, sdk);
    expect(new TextDecoder().decode(bytes as Uint8Array)).toBe('{"a":1}');
  });

  test("without one, the body is read to its end, every chunk joined", async () => {
    const response = new Response(new Blob(['{"a":', "1}"]).stream());
    const bytes = await readBody(response, never, 1000, same, sdk);
    expect(new TextDecoder().decode(bytes as Uint8Array)).toBe('{"a":1}');
  });

  test("fewer bytes than declared so far: it keeps waiting, and the stop ends the wait", async () => {
    const response = new Response(openStream(['{"a":']), { headers: { "content-length": "7" } });
    let stopNow: (reason: unknown) => void = () => {};
    const stop = new Promise<never>((_, reject) => {
      stopNow = reject;
    });
    const read = readBody(response, stop, 1000, same, sdk);
    stopNow(new Error("timed out"));
    await expect(read).rejects.toThrow("timed out");
  });
});
