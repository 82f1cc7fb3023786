// `webhooks.unwrap`: a webhook request's raw body and headers in, the API's event out, or an error
// that names why not. Only SDKs whose document declares webhooks import this file (the generated
// webhook-events.ts does), so every other SDK's bundle is without it.
import { type HmacSubtle, hasMatchingSignature, secretBytes, subtleOf } from "./webhook-signature.js";

/** What a body of one event looks like, as far as unwrap checks it (generated from its schema). */
export interface WebhookEventShape {
  /** The JSON type the schema gives the body, when it gives one. */
  readonly type?: "object" | "array";
  /** The properties the body must have. */
  readonly required?: readonly string[];
  /** Properties whose value names the event (a `const`, or an `enum` of one value). */
  readonly consts?: Readonly<Record<string, unknown>>;
}

/** One webhook of the document: its name and the shapes its body may have (none: any JSON). */
export interface WebhookEventEntry {
  readonly name: string;
  readonly shapes: readonly WebhookEventShape[];
}

/** Why a webhook request was refused. */
export type WebhookFailureReason =
  | "missing-header"
  | "invalid-timestamp"
  | "timestamp-too-old"
  | "timestamp-in-future"
  | "no-matching-signature"
  | "invalid-secret"
  | "no-webcrypto"
  | "body-not-raw"
  | "invalid-json"
  | "unknown-event";

/** A webhook failure class, as the generated SDK declares it (with the configured base class). */
export type WebhookErrorClass = new (message: string, reason: WebhookFailureReason) => Error;

/** The classes unwrap throws, one per kind of failure. */
export interface WebhookErrorClasses {
  /** A required header is absent or empty (`header` names it). */
  readonly Header: new (
    message: string,
    reason: "missing-header",
    header: string,
  ) => Error;
  readonly Timestamp: WebhookErrorClass;
  readonly Signature: WebhookErrorClass;
  readonly Payload: WebhookErrorClass;
  /** A failure of the call itself: a secret that is not base64, no WebCrypto, a body that was already parsed. */
  readonly Verification: WebhookErrorClass;
}

/** Request headers as any server hands them: a Fetch `Headers`, or Node's lower-cased record. */
export type WebhookHeaders =
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | Iterable<readonly [string, string]>;

export interface UnwrapOptions {
  /**
   * The endpoint's signing secret (`whsec_…`); several while one is rotated out: a signature by
   * any of them is accepted.
   */
  secret: string | readonly string[];
  /** How far `webhook-timestamp` may be from now, either way, in seconds. Default 300 (5 minutes). */
  toleranceSeconds?: number | undefined;
  /** The current time (for replaying a stored delivery, or a test). Default: now. */
  now?: Date | number | undefined;
  /** The WebCrypto to use where globalThis.crypto has none (Node 18: node:crypto's `webcrypto.subtle`). */
  subtle?: HmacSubtle | undefined;
}

/** Five minutes, the tolerance Standard Webhooks recommends. */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

const HEADER_ID = "webhook-id";
const HEADER_TIMESTAMP = "webhook-timestamp";
const HEADER_SIGNATURE = "webhook-signature";

/** One header's value, whatever the container; several values joined by a space. */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function" && typeof (headers as Headers).has === "function") {
    return (headers as Headers).get(name) ?? undefined;
  }
  const found: string[] = [];
  const entries =
    Symbol.iterator in headers
      ? (headers as Iterable<readonly [string, string]>)
      : Object.entries(headers as Record<string, string | readonly string[] | undefined>);
  for (const [key, value] of entries) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    if (typeof value === "string") found.push(value);
    else found.push(...value);
  }
  return found.length === 0 ? undefined : found.join(" ");
}

/** True when `value` has one of the entry's shapes (or the entry has none). */
export function matchesEvent(value: unknown, entry: WebhookEventEntry): boolean {
  if (entry.shapes.length === 0) return true;
  return entry.shapes.some((shape) => matchesShape(value, shape));
}

function matchesShape(value: unknown, shape: WebhookEventShape): boolean {
  const isArray = Array.isArray(value);
  if (shape.type === "array") return isArray;
  const isRecord = typeof value === "object" && value !== null && !isArray;
  if (shape.type === "object" && !isRecord) return false;
  if (!isRecord) return shape.required === undefined && shape.consts === undefined;
  const record = value as Record<string, unknown>;
  for (const name of shape.required ?? []) if (!Object.hasOwn(record, name)) return false;
  for (const [name, expected] of Object.entries(shape.consts ?? {})) {
    if (Object.hasOwn(record, name) && record[name] !== expected) return false;
  }
  return true;
}

/**
 * Verifies a Standard Webhooks request and returns its event: the headers are there, the timestamp
 * is within the tolerance, one signature matches one secret, the body is JSON and is one of the
 * document's events. Anything else throws the matching error class, and never returns a parsed
 * body that was not verified.
 */
export async function unwrapWebhook(
  rawBody: string | Uint8Array | ArrayBuffer,
  headers: WebhookHeaders,
  options: UnwrapOptions,
  events: readonly WebhookEventEntry[],
  errors: WebhookErrorClasses,
): Promise<unknown> {
  const body = rawBytes(rawBody);
  if (body === undefined) {
    throw new errors.Verification(
      "the webhook body must be the raw request body (a string or bytes), not parsed JSON: the signature covers the exact bytes",
      "body-not-raw",
    );
  }
  const secrets = typeof options?.secret === "string" ? [options.secret] : [...(options?.secret ?? [])];
  const keys = secrets.map(secretBytes);
  if (keys.length === 0 || keys.some((key) => key === undefined)) {
    throw new errors.Verification(
      `the webhook secret must be whsec_<base64> (or a list of them), got ${keys.length === 0 ? "none" : "one that is not base64"}`,
      "invalid-secret",
    );
  }
  const subtle = subtleOf(options.subtle);
  if (subtle === undefined) {
    throw new errors.Verification(
      "this runtime has no globalThis.crypto.subtle: pass `subtle` (node:crypto's webcrypto.subtle)",
      "no-webcrypto",
    );
  }
  const read = (name: string) => {
    const value = headerValue(headers, name)?.trim();
    if (!value) throw new errors.Header(`the webhook request has no ${name} header`, "missing-header", name);
    return value;
  };
  const id = read(HEADER_ID);
  const timestamp = read(HEADER_TIMESTAMP);
  const signature = read(HEADER_SIGNATURE);

  if (!/^\d{1,15}$/.test(timestamp)) {
    throw new errors.Timestamp(
      `${HEADER_TIMESTAMP} is not a Unix time in seconds: ${JSON.stringify(timestamp.slice(0, 40))}`,
      "invalid-timestamp",
    );
  }
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  const now = Math.floor(Number(options.now ?? Date.now()) / 1000);
  const age = now - Number(timestamp);
  if (age > tolerance) {
    throw new errors.Timestamp(
      `${HEADER_TIMESTAMP} is ${age} s old, more than the tolerance of ${tolerance} s (a replayed or delayed request)`,
      "timestamp-too-old",
    );
  }
  if (-age > tolerance) {
    throw new errors.Timestamp(
      `${HEADER_TIMESTAMP} is ${-age} s in the future, more than the tolerance of ${tolerance} s`,
      "timestamp-in-future",
    );
  }
  const verifiedKeys = keys as Uint8Array[];
  if (!(await hasMatchingSignature(subtle, verifiedKeys, signature, id, timestamp, body))) {
    throw new errors.Signature(
      `no ${HEADER_SIGNATURE} entry matches the body under the ${secrets.length === 1 ? "secret" : `${secrets.length} secrets`} given`,
      "no-matching-signature",
    );
  }

  let event: unknown;
  try {
    event = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    throw new errors.Payload("the webhook body is not JSON (UTF-8)", "invalid-json");
  }
  if (!events.some((entry) => matchesEvent(event, entry))) {
    throw new errors.Payload(
      `the webhook body is none of the ${events.length} events the API document declares`,
      "unknown-event",
    );
  }
  return event;
}

/** The bytes of a raw body; undefined for anything that is not one (a parsed object). */
function rawBytes(body: unknown): Uint8Array | undefined {
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return undefined;
}
