import { isJsonMedia } from "@sdkit/openapi";
import { expect } from "vitest";
import type { ResponseValidator } from "../json-schema.js";
import { essenceOf, isDeclaredMedia } from "../media-range.js";
import { type Exchange, responseViolations } from "../recording-fetch.js";
import type { SpecOperation } from "../spec.js";

/**
 * Fails when Prism judged the answer against the spec and found it wanting. Checked first, so a
 * provider's bad answer is reported as the violation itself rather than as the 500 Prism turns it into.
 */
export function expectNoSpecViolations(operation: SpecOperation, exchange: Exchange) {
  expect(
    responseViolations(exchange),
    `Prism found that the ${operation.operationId} answer breaks the spec (${exchange.method} ${exchange.url} → ${exchange.status})`,
  ).toEqual([]);
}

/** Statuses whose answers have no body by definition. */
export const NO_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/** The answer has the expected status and its body matches the schema the spec declares for it. */
export function expectSpecResponse(
  validator: ResponseValidator,
  operation: SpecOperation,
  declared: string,
  exchange: Exchange,
  status: number,
) {
  expectNoSpecViolations(operation, exchange);
  expect(exchange.status, `${operation.operationId}: unexpected status, body ${JSON.stringify(exchange.body)}`).toBe(
    status,
  );
  const media = validator.declaredMedia(operation, declared);
  // 204, 205 and 304 carry no body whatever the document declares for them (RFC 9110), and fetch
  // gives none: nothing to parse or validate.
  if (media.length === 0 || NO_BODY_STATUSES.has(status)) {
    // A response without content (204, or a 5xx without a body): nothing may come back.
    expect(exchange.body, `${operation.operationId} ${status}: the spec declares no body`).toBeUndefined();
    return;
  }
  if (!validator.declaresJson(operation, declared)) {
    // A body that is not JSON (text, HTML, a file): it comes in one of the declared types or ranges.
    const type = essenceOf(exchange.headers.get("content-type") ?? "");
    expect(
      isDeclaredMedia(type, media),
      `${operation.operationId} ${status}: answered in ${type || "no content type"}, declared ${media.join(", ")}`,
    ).toBe(true);
    return;
  }
  expect(
    validator.problems(operation, declared, exchange.body),
    `${operation.operationId} ${status}: the body does not match the ${declared} schema in the bundled spec`,
  ).toEqual([]);
}

/** Asserts that a settled call threw an instance of `errorClass`, and returns that error, typed. */
export function expectThrown<E extends Error>(
  outcome: { value: unknown } | { error: unknown },
  errorClass: abstract new (...args: never[]) => E,
): E {
  expect("error" in outcome && outcome.error).toBeInstanceOf(errorClass);
  return (outcome as { error: E }).error;
}

/**
 * What openapi-fetch returned (`data` or `error`) is the body the recorder saw. An empty body is no
 * document on both sides: the recorder has `undefined`, and openapi-fetch gives `undefined` when
 * the answer says `Content-Length: 0` but the empty text when it does not, so "" counts as none,
 * but only when the body was empty: the JSON text `""` (a document's example of an empty string)
 * is the string "", and a client must return it as such.
 */
export async function expectSameBody(returned: unknown, exchange: Exchange) {
  const empty = exchange.bytes === undefined ? exchange.body === undefined : exchange.bytes.length === 0;
  const { actual, expected } = await likeWithLike(returned === "" && empty ? undefined : returned, exchange);
  expect(actual).toEqual(expected);
}

/**
 * A value the client returned and the recorded answer, in the same form. The recorder parses any
 * body whose text is JSON, whatever its media type, while the client reads a body that is not JSON
 * as it is: a file (`application/octet-stream`, an image, a PDF) as a Blob, a `text/*` body as a
 * string. Comparing those with the parsed text fails on a file whose bytes are `{}` (Codat's
 * downloads, as the mock serves them) or a text body `42`, and says nothing about the client. So:
 * a Blob is compared by its bytes with the bytes that came, a string read from an answer in a type
 * that is not JSON with the text that came, anything else with the parsed body. A string from a
 * JSON answer is still compared with the parsed body: a client that failed to parse JSON fails.
 */
export async function likeWithLike(
  value: unknown,
  exchange: Exchange,
): Promise<{ actual: unknown; expected: unknown }> {
  if (exchange.bytes === undefined && exchange.body !== undefined) {
    // An exchange recorded without its bytes (built by hand): only the parsed body is known.
    return { actual: await comparable(value), expected: exchange.body };
  }
  const bytes = exchange.bytes ?? new Uint8Array();
  if (value instanceof Blob) return { actual: new Uint8Array(await value.arrayBuffer()), expected: bytes };
  const type = essenceOf(exchange.headers.get("content-type") ?? "");
  if (typeof value === "string" && type !== "" && !isJsonMedia(type) && exchange.body !== undefined) {
    return { actual: value, expected: new TextDecoder().decode(bytes) };
  }
  return { actual: value, expected: exchange.body };
}

/**
 * A success value as the recorder saw its body: a Blob (a file the client read as one) as its text,
 * anything else as it is.
 */
export async function comparable(value: unknown): Promise<unknown> {
  return value instanceof Blob ? await value.text() : value;
}
