import { HatchResponseError } from "./errors.js";
import type { Redactor } from "./redaction.js";
import { requestIdOf } from "./request-id.js";

const noop = () => {};
const decoder = new TextDecoder();
/** Statuses whose Response may not have a body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function tooLarge(response: Response, maxBytes: number, redact: Redactor): HatchResponseError {
  return new HatchResponseError(
    `Hatch API responded ${response.status} with a body over maxResponseBytes (${maxBytes} bytes); it was not read`,
    { status: response.status, requestId: requestIdOf(response.headers, redact) },
  );
}

/**
 * Reads a whole body, at most `maxBytes`, giving up as soon as `stop` rejects (timeout or abort):
 * a stalled or trickling body cannot outlive the deadline, an endless one cannot fill memory.
 * Racing each read as well as aborting fetch's signal also stops a fetch that ignores its signal.
 */
export async function readBody(
  response: Response,
  stop: Promise<never>,
  maxBytes: number,
  redact: Redactor,
): Promise<Uint8Array | null> {
  const { body } = response;
  if (body === null) return null;
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    body.cancel().catch(noop);
    throw tooLarge(response, maxBytes, redact);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const read = reader.read();
      read.catch(noop); // it may reject after `stop` won the race; that is expected
      const { done, value } = await Promise.race([read, stop]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(response, maxBytes, redact);
      chunks.push(value);
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
 * the caller through `withResponse`) touches the network again. Its `json()` turns a body that is
 * not JSON into a HatchResponseError instead of a bare SyntaxError.
 */
export function bufferedResponse(original: Response, bytes: Uint8Array | null, redact: Redactor): Response {
  const empty = bytes === null || NULL_BODY_STATUSES.has(original.status);
  const response = new Response(empty ? null : (bytes as BodyInit), {
    status: original.status,
    statusText: original.statusText,
    headers: original.headers,
  });
  if (!empty) {
    // The decoded length: openapi-fetch reads `json()` when the length is known, and the original
    // header may count compressed bytes or be absent (chunked).
    response.headers.set("content-length", String(bytes.byteLength));
    response.headers.delete("transfer-encoding");
  }
  if (original.url) Object.defineProperty(response, "url", { value: original.url });
  (response as { json: () => Promise<unknown> }).json = async () => {
    const text = empty ? "" : decoder.decode(bytes as Uint8Array);
    try {
      return JSON.parse(text);
    } catch (error) {
      const excerpt = redact(text.slice(0, 400)).slice(0, 200);
      const type = original.headers.get("content-type");
      throw new HatchResponseError(
        `Hatch API responded ${original.status} with a body that is not valid JSON` +
          `${type ? ` (content-type ${redact(type).slice(0, 100)})` : ""}: ${JSON.stringify(excerpt)}${text.length > 200 ? "…" : ""}`,
        { status: original.status, requestId: requestIdOf(original.headers, redact) },
        { cause: error },
      );
    }
  };
  return response;
}
