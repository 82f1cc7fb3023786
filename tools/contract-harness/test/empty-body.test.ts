import { afterEach, describe, expect, it, vi } from "vitest";
import { recordingFetch } from "../src/recording-fetch.js";
import { expectSameBody } from "../src/support/assertions.js";

// An error status declared without content (a 401 or 429 with only a description) comes back
// empty. openapi-fetch returns no `error` for it, and the suites compared that with the recorder's
// empty string: "expected undefined to deeply equal ''" for every such operation.
describe("an answer without a body", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function record(response: Response) {
    vi.stubGlobal("fetch", async () => response);
    const recorder = recordingFetch();
    await recorder.fetch(new Request("http://127.0.0.1/articles/1"));
    return recorder.last();
  }

  it("is recorded as no document, with or without Content-Length: 0", async () => {
    expect(
      (await record(new Response(null, { status: 401, headers: { "content-length": "0" } }))).body,
    ).toBeUndefined();
    expect((await record(new Response("", { status: 429 }))).body).toBeUndefined();
  });

  it("matches openapi-fetch's reading of it (undefined, or the empty text), and nothing else", async () => {
    const exchange = await record(new Response(null, { status: 401 }));
    await expectSameBody(undefined, exchange);
    await expectSameBody("", exchange);
    await expect(expectSameBody({ message: "no key" }, exchange)).rejects.toThrow();
  });

  it("leaves a body that is there as it was: JSON parsed, other text as text", async () => {
    const json = await record(new Response('{"message":"no key"}', { status: 401 }));
    expect(json.body).toEqual({ message: "no key" });
    await expectSameBody({ message: "no key" }, json);
    await expect(expectSameBody(undefined, json)).rejects.toThrow();
    expect((await record(new Response("Unauthorized", { status: 401 }))).body).toBe("Unauthorized");
  });

  it('tells the JSON empty string (a document\'s example "") from no body', async () => {
    const quoted = await record(new Response('""', { status: 200, headers: { "content-type": "application/json" } }));
    expect(quoted.body).toBe("");
    await expectSameBody("", quoted);
    await expect(expectSameBody(undefined, quoted)).rejects.toThrow();
  });
});
