import { afterEach, describe, expect, test, vi } from "vitest";
import { sdk } from "./helpers/definition.js";

const encode = (text: string) => new TextEncoder().encode(text);

/** Bodies whose decoding differs between naive decoders: BOM, multi-byte, malformed, empty. */
const BODIES: Record<string, Uint8Array> = {
  "ASCII JSON": encode('{"data":[{"id":"cus_1"}],"next_cursor":null}'),
  "multi-byte UTF-8": encode('{"name":"Zoë ✓ 😀","city":"Zürich"}'),
  "a leading BOM": new Uint8Array([0xef, 0xbb, 0xbf, ...encode('{"ok":true}')]),
  "a BOM only": new Uint8Array([0xef, 0xbb, 0xbf]),
  "malformed bytes": new Uint8Array([0x7b, 0xff, 0xfe, 0x41, 0xc3, 0x7d]),
  "a truncated sequence": new Uint8Array([0x22, 0xe2, 0x9c, 0x22]),
  "a view into a larger buffer": new Uint8Array(encode('xx{"offset":1}yy').buffer, 2, 12),
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** The core's response-body module, loaded fresh (it reads the runtime's Buffer once, at load). */
async function loadResponseBody() {
  vi.resetModules();
  return import("../src/response-body.ts");
}

describe.each([
  ["with Buffer (Node, Bun)", false],
  ["without Buffer (Deno, browsers, workers)", true],
])("a buffered body reads as fetch's own text() and json() would, %s", (_, withoutBuffer) => {
  test.each(Object.entries(BODIES))("%s", async (_name, bytes) => {
    // What the runtime's own Response reads, worked out before Buffer is taken away (undici uses it).
    const expectedText = await new Response(bytes.slice()).text();
    const expectedJson = await new Response(bytes.slice()).json().then(
      (value) => ({ value }),
      () => "not JSON" as const,
    );
    const original = new Response(null, { status: 200, headers: { "content-type": "application/json" } });
    if (withoutBuffer) vi.stubGlobal("Buffer", undefined);
    const { bufferedResponse } = await loadResponseBody();
    const buffered = bufferedResponse(original, bytes, (text) => text, sdk);
    const text = await buffered.text();
    const json = await buffered.json().then(
      (value) => ({ value }),
      (error: Error) => error,
    );
    vi.unstubAllGlobals();
    expect(text).toBe(expectedText);
    if (expectedJson === "not JSON") expect(String(json)).toMatch(/not valid JSON/);
    else expect(json).toEqual(expectedJson);
  });
});
