import type { IdempotencyEntry } from "./definition.js";
import { pathPattern } from "./resend-rule.js";

// Imported by the generated client file only when the spec declares an idempotency key.

/**
 * Finds the idempotency header of a request, by method and by the end of its pathname (after any
 * base path): the header of the operation the spec marks (`x-sdk-idempotency-key`, or a header
 * parameter the SDK config names), or undefined. A method no entry has (a GET, usually) is
 * answered without parsing the URL.
 */
export function idempotencyLookup(
  entries: readonly IdempotencyEntry[],
): (method: string, url: string) => string | undefined {
  const compiled = entries.map((entry) => ({ ...entry, pattern: pathPattern(entry.path) }));
  return (method, url) => {
    if (!compiled.some((entry) => entry.method === method)) return undefined;
    const pathname = new URL(url).pathname;
    return compiled.find((entry) => entry.method === method && entry.pattern.test(pathname))?.header;
  };
}
