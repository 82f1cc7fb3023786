import { raceStop } from "./abort.js";
import type { SdkDefinition } from "./definition.js";
import type { Redactor } from "./redaction.js";
import { requestIdOf } from "./request-id.js";

const noop = () => {};
const decoder = new TextDecoder();
/** Node's and Bun's Buffer, where there is one: see `utf8Text`. */
const NodeBuffer = (
  globalThis as { Buffer?: { from(bytes: ArrayBufferLike, offset: number, length: number): Uint8Array } }
).Buffer;

/**
 * The body as text, decoded as fetch's `text()` does (UTF-8, a leading BOM dropped, malformed bytes
 * as U+FFFD). Where there is a Buffer (Node, Bun), it decodes: its string of an ASCII body is a
 * one-byte string, which `JSON.parse` reads in about a quarter less time than the two-byte string
 * Node 20's TextDecoder returns (a 2.5 kB page: 20 µs against 27), and which takes half the memory.
 * The runtime's own `json()` decodes the same way.
 */
function utf8Text(bytes: Uint8Array): string {
  // TextDecoder drops the BOM itself; Buffer does not.
  if (NodeBuffer === undefined) return decoder.decode(bytes);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return NodeBuffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).toString();
}

/** Statuses whose Response may not have a body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function tooLarge(response: Response, maxBytes: number, redact: Redactor, sdk: SdkDefinition): Error {
  return new sdk.errors.Response(
    `${sdk.title} API responded ${response.status} with a body over maxResponseBytes (${maxBytes} bytes); it was not read`,
    { status: response.status, requestId: requestIdOf(response.headers, redact) },
  );
}

/**
 * Reads a whole body, at most `maxBytes`, giving up as soon as `stop` rejects (timeout or abort):
 * a stalled or trickling body cannot outlive the deadline, an endless one cannot fill memory.
 * Racing each read as well as aborting fetch's signal also stops a fetch that ignores its signal.
 * A body with a `Content-Length` ends once that many bytes are in, whether or not its stream has
 * reported its end yet.
 */
export async function readBody(
  response: Response,
  stop: Promise<never>,
  maxBytes: number,
  redact: Redactor,
  sdk: SdkDefinition,
): Promise<Uint8Array | null> {
  const { body } = response;
  if (body === null) return null;
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    body.cancel().catch(noop);
    throw tooLarge(response, maxBytes, redact, sdk);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await raceStop(reader.read(), stop);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(response, maxBytes, redact, sdk);
      chunks.push(value);
      // The declared length is in: the body is complete (HTTP frames it so), so the read that
      // would only report the end is skipped, one round trip through the stream fewer per call.
      if (size === declared) {
        reader.releaseLock();
        break;
      }
    }
  } catch (error) {
    reader.cancel().catch(noop);
    throw error;
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A Response over the bytes already read, so that nothing downstream (openapi-fetch, middleware,
 * the caller through `withResponse`) touches the network again, and the body can be read more than
 * once. A subclass rather than `new Response(bytes)`: it builds no stream unless `body` is asked
 * for, which makes it about fifteen times cheaper. Its `json()` turns a body that is not JSON into a
 * response error instead of a bare SyntaxError. `notResent` is set when the transport did not retry
 * it although its status usually is retried (the error built from it says so, with this reason).
 */
export class BufferedResponse extends Response {
  readonly #bytes: Uint8Array | null;
  readonly #original: Response;
  readonly #redact: Redactor;
  readonly #sdk: SdkDefinition;
  declare notResent: string | undefined;
  #stream: ReadableStream<Uint8Array> | null | undefined;

  constructor(original: Response, bytes: Uint8Array | null, redact: Redactor, sdk: SdkDefinition, headers: Headers) {
    super(null, { status: original.status, statusText: original.statusText, headers });
    this.#bytes = bytes;
    this.#original = original;
    this.#redact = redact;
    this.#sdk = sdk;
  }

  #text(): string {
    return this.#bytes === null ? "" : utf8Text(this.#bytes);
  }

  override async text(): Promise<string> {
    return this.#text();
  }

  override async json(): Promise<unknown> {
    const text = this.#text();
    try {
      return JSON.parse(text);
    } catch (error) {
      const redact = this.#redact;
      const excerpt = redact(text.slice(0, 400)).slice(0, 200);
      const type = this.headers.get("content-type");
      throw new this.#sdk.errors.Response(
        `${this.#sdk.title} API responded ${this.status} with a body that is not valid JSON` +
          `${type ? ` (content-type ${redact(type).slice(0, 100)})` : ""}: ${JSON.stringify(excerpt)}${text.length > 200 ? "…" : ""}`,
        { status: this.status, requestId: requestIdOf(this.headers, redact) },
        { cause: error },
      );
    }
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return (this.#bytes ?? new Uint8Array(0)).slice().buffer as ArrayBuffer;
  }

  override async blob(): Promise<Blob> {
    return new Blob(this.#bytes ? [this.#bytes as BlobPart] : [], { type: this.headers.get("content-type") ?? "" });
  }

  override async formData(): Promise<FormData> {
    return new Response(this.#bytes as BodyInit | null, { headers: this.headers }).formData();
  }

  override clone(): Response {
    return new BufferedResponse(this.#original, this.#bytes, this.#redact, this.#sdk, this.headers);
  }

  /** @internal */
  get bufferedBody(): ReadableStream<Uint8Array> | null {
    if (this.#stream === undefined) {
      this.#stream =
        this.#bytes === null ? null : (new Blob([this.#bytes as BlobPart]).stream() as ReadableStream<Uint8Array>);
    }
    return this.#stream;
  }

  /** @internal */
  get originalUrl(): string {
    return this.#original.url;
  }
}

// `body`, `bodyUsed` and `url` are accessors on Response.prototype; TypeScript's lib declares them
// as properties, so they are overridden here rather than in the class body.
Object.defineProperties(BufferedResponse.prototype, {
  body: {
    get(this: BufferedResponse) {
      return this.bufferedBody;
    },
    configurable: true,
  },
  // Buffered: every read method works any number of times.
  bodyUsed: { get: () => false, configurable: true },
  url: {
    get(this: BufferedResponse) {
      return this.originalUrl;
    },
    configurable: true,
  },
});

export function bufferedResponse(
  original: Response,
  bytes: Uint8Array | null,
  redact: Redactor,
  sdk: SdkDefinition,
): BufferedResponse {
  const empty = bytes === null || bytes.byteLength === 0 || NULL_BODY_STATUSES.has(original.status);
  // The Response constructor copies the headers it is given: that copy is the one amended below,
  // so the original's headers are copied once, not twice.
  const buffered = new BufferedResponse(original, empty ? null : bytes, redact, sdk, original.headers);
  if (!empty && !original.headers.has("content-length")) {
    // openapi-fetch calls `json()` (ours, with the clear error) only when the length is known;
    // without it, it would JSON.parse the text itself and let a SyntaxError escape.
    buffered.headers.set("content-length", String(bytes.byteLength));
  }
  return buffered;
}
