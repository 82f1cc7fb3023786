import type { MatchKeysEntry } from "./definition.js";

/**
 * Whether a request that may already have reached the server can be sent again without applying
 * it twice. The transport asks only when it matters: after a failure that happened once the
 * request was handed to the network (a timeout, a reset, a 500/502/504). Failures that prove the
 * server did not act (connection refused, DNS, 408, 429, 503) are retried whatever this says.
 */
export type ResendRule = boolean | ((request: ResendRequest) => boolean);

/** What a {@link ResendRule} sees of the request. */
export interface ResendRequest {
  /** Upper-case HTTP method. */
  method: string;
  url: URL;
  /** The request body as JSON, or undefined when there is none or it is not JSON. */
  json(): unknown;
}

/** RFC 9110 §9.2.2: methods whose repetition has the same effect as one request. */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]);

/** The generic rule: resend idempotent HTTP methods only. */
export const idempotentMethodRule: ResendRule = (request) => IDEMPOTENT_METHODS.has(request.method);

/**
 * A rule for an upsert that matches existing records by any of `keys`: resending is safe when the
 * body carries one of them (a non-empty string), because the second delivery then updates what the
 * first created instead of creating another.
 */
export function bodyHasMatchingKey(keys: readonly string[]): ResendRule {
  return (request) => {
    const body = request.json();
    if (body === null || typeof body !== "object") return false;
    return keys.some((key) => {
      const value = Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined;
      return typeof value === "string" && value.trim() !== "";
    });
  };
}

/** `/v1/items/{itemId}` → a pattern matching the end of a request's pathname (after any base path). */
function pathPattern(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]+");
  return new RegExp(`${escaped}/?$`);
}

/**
 * Finds the match keys of a request, by method and by the end of its pathname (after any base
 * path): the keys of the operation the spec marks with `x-sdk-match-keys`, or undefined.
 */
export function matchKeysLookup(
  entries: readonly MatchKeysEntry[],
): (method: string, pathname: string) => readonly string[] | undefined {
  const compiled = entries.map((entry) => ({ ...entry, pattern: pathPattern(entry.path) }));
  return (method, pathname) => compiled.find((entry) => entry.method === method && entry.pattern.test(pathname))?.keys;
}

/**
 * The rule a client uses unless told otherwise: an operation the spec marks as matching by body
 * keys may be resent when the body carries one of them; any other request only when its HTTP
 * method is idempotent. It applies to the generated methods and to the openapi-fetch surface alike.
 */
export function matchKeysResendRule(entries: readonly MatchKeysEntry[]): ResendRule {
  const keysOf = matchKeysLookup(entries);
  return (request) => {
    const keys = keysOf(request.method, request.url.pathname);
    return keys
      ? (bodyHasMatchingKey(keys) as (request: ResendRequest) => boolean)(request)
      : IDEMPOTENT_METHODS.has(request.method);
  };
}

/**
 * Why resending was not safe, for the error that reports a request not sent again: the match keys
 * its body lacked (" (the body has neither sku nor barcode to match on)"), or "".
 */
export function missingKeysNote(keys: readonly string[] | undefined): string {
  if (!keys || keys.length === 0) return "";
  const last = keys.length - 1;
  const which =
    keys.length === 1
      ? `no ${keys[0]}`
      : keys.length === 2
        ? `neither ${keys[0]} nor ${keys[1]}`
        : `none of ${keys.slice(0, last).join(", ")} or ${keys[last]}`;
  return ` (the body has ${which} to match on)`;
}

/** Evaluates a rule; a rule that throws counts as "not safe". */
export function allowsResend(rule: ResendRule, request: ResendRequest): boolean {
  if (typeof rule === "boolean") return rule;
  try {
    return rule(request) === true;
  } catch {
    return false;
  }
}
