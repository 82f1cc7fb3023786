import { afterEach, describe, expect, it, vi } from "vitest";
import { recordingFetch } from "../src/recording-fetch.js";
import { expectSameBody, likeWithLike } from "../src/support/assertions.js";

// A file (a Blob) or a text body (a string) as the client reads it, against the recorder, which
// parses any text that happens to be JSON: a download whose bytes are `{}` was compared with the
// object {} ("expected '{}' to deeply equal {}", Codat's attachment downloads).
describe("a body that is not JSON", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function record(body: BodyInit, type: string) {
    vi.stubGlobal("fetch", async () => new Response(body, { status: 200, headers: { "content-type": type } }));
    const recorder = recordingFetch();
    await recorder.fetch(new Request("http://127.0.0.1/invoices/1/pdf"));
    return recorder.last();
  }

  it("read as a file is compared by its bytes, even where they read as JSON", async () => {
    const exchange = await record("{}", "application/octet-stream");
    await expectSameBody(new Blob(["{}"]), exchange);
    await expect(expectSameBody(new Blob(["{ }"]), exchange)).rejects.toThrow();
  });

  it("compares bytes that are not text exactly", async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe, 0x00]);
    const exchange = await record(bytes, "application/pdf");
    expect(await likeWithLike(new Blob([bytes]), exchange)).toEqual({ actual: bytes, expected: bytes });
    await expect(
      expectSameBody(new Blob([bytes.slice(0, 5), new Uint8Array([0xfd, 0x00])]), exchange),
    ).rejects.toThrow();
  });

  it("read as text is compared with the text that came", async () => {
    const exchange = await record("42", "text/plain; charset=utf-8");
    await expectSameBody("42", exchange);
    await expect(expectSameBody("43", exchange)).rejects.toThrow();
    // openapi-fetch parses an error body as JSON whatever its type: that value is compared parsed.
    await expectSameBody(42, exchange);
  });

  it("but a JSON answer is still compared parsed: a client that did not parse it fails", async () => {
    const exchange = await record('{"id":"a1"}', "application/json");
    await expectSameBody({ id: "a1" }, exchange);
    await expect(expectSameBody('{"id":"a1"}', exchange)).rejects.toThrow();
  });
});
