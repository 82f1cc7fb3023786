// Standard Webhooks signatures (https://www.standardwebhooks.com): `webhook-signature` holds one or
// more space-separated `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`, keyed
// with the base64 bytes of a `whsec_…` secret. WebCrypto only (globalThis.crypto.subtle), so the
// same code verifies on Node, Bun, Deno, workerd and in a browser.

/** The subset of WebCrypto's SubtleCrypto this file uses. */
export interface HmacSubtle {
  importKey(
    format: "raw",
    keyData: Uint8Array,
    algorithm: { name: "HMAC"; hash: "SHA-256" },
    extractable: false,
    usages: ["sign"],
  ): Promise<CryptoKey>;
  sign(algorithm: "HMAC", key: CryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
}

/** The prefix Standard Webhooks secrets carry before their base64 key bytes. */
export const SECRET_PREFIX = "whsec_";
/** The only signature version this file checks: a symmetric HMAC-SHA256. */
const VERSION = "v1";
/** More signatures than this in one header is not secret rotation: the rest are not checked. */
const MAX_SIGNATURES = 16;

const encoder = new TextEncoder();

/** The WebCrypto of the runtime, or the one passed in (Node 18 has none on globalThis). */
export function subtleOf(given: HmacSubtle | undefined): HmacSubtle | undefined {
  return given ?? (globalThis.crypto?.subtle as HmacSubtle | undefined);
}

/** `whsec_<base64>` (or bare base64) → the key bytes; undefined when it is not base64. */
export function secretBytes(secret: string): Uint8Array | undefined {
  const text = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  return text === "" ? undefined : fromBase64(text);
}

/** Standard base64 (padding optional) → bytes; undefined for anything else. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** @param bytes @returns standard base64 with padding */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The bytes the signature covers: `<id>.<timestamp>.` followed by the raw body. */
function signedContent(id: string, timestamp: string, body: Uint8Array): Uint8Array {
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const content = new Uint8Array(prefix.length + body.length);
  content.set(prefix, 0);
  content.set(body, prefix.length);
  return content;
}

/** HMAC-SHA256 of the signed content under one key. */
async function hmac(subtle: HmacSubtle, key: Uint8Array, content: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await subtle.sign("HMAC", cryptoKey, content));
}

/**
 * Compares two byte strings in time that depends only on their lengths (public: every v1
 * signature is 32 bytes), never on where they first differ.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

/** The v1 signatures of a `webhook-signature` header, decoded; other versions and junk are skipped. */
export function parseSignatures(header: string): Uint8Array[] {
  const signatures: Uint8Array[] = [];
  for (const part of header.split(/\s+/)) {
    if (signatures.length >= MAX_SIGNATURES) break;
    const comma = part.indexOf(",");
    if (comma < 0 || part.slice(0, comma) !== VERSION) continue;
    const bytes = fromBase64(part.slice(comma + 1));
    if (bytes !== undefined) signatures.push(bytes);
  }
  return signatures;
}

/**
 * True when one of the header's v1 signatures is the HMAC of the content under one of the keys
 * (several keys: a secret being rotated). Every pair is compared, so the time taken does not say
 * which one matched.
 */
export async function hasMatchingSignature(
  subtle: HmacSubtle,
  keys: readonly Uint8Array[],
  signatureHeader: string,
  id: string,
  timestamp: string,
  body: Uint8Array,
): Promise<boolean> {
  const signatures = parseSignatures(signatureHeader);
  if (signatures.length === 0) return false;
  const content = signedContent(id, timestamp, body);
  let matched = false;
  for (const key of keys) {
    const expected = await hmac(subtle, key, content);
    for (const signature of signatures) matched = constantTimeEqual(expected, signature) || matched;
  }
  return matched;
}

/**
 * The `webhook-signature` value for a body: what a sender (or a test) puts in the header. The
 * body must be the exact bytes sent.
 */
export async function signWebhook(input: {
  id: string;
  timestamp: number | string;
  body: string | Uint8Array;
  secret: string;
  subtle?: HmacSubtle | undefined;
}): Promise<string> {
  const subtle = subtleOf(input.subtle);
  const key = secretBytes(input.secret);
  if (subtle === undefined) throw new TypeError("no WebCrypto: pass `subtle` (node:crypto's webcrypto.subtle)");
  if (key === undefined) throw new TypeError("the webhook secret is not whsec_<base64>");
  const body = typeof input.body === "string" ? encoder.encode(input.body) : input.body;
  const content = signedContent(input.id, String(input.timestamp), body);
  return `${VERSION},${toBase64(await hmac(subtle, key, content))}`;
}
