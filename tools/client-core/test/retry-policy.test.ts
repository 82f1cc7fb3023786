import { describe, expect, test } from "vitest";
import {
  backoffDelayMs,
  INITIAL_BACKOFF_MS,
  isRetryableStatus,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  parseRetryAfterMs,
  retryDelayMs,
} from "./.generated/sdk/core/retry-policy.js";

describe("isRetryableStatus", () => {
  test("408, 429 and 5xx only", () => {
    const retryable = [200, 204, 301, 400, 401, 403, 404, 408, 409, 422, 429, 500, 501, 503, 599].filter(
      isRetryableStatus,
    );
    expect(retryable).toEqual([408, 429, 500, 501, 503, 599]);
  });
});

describe("parseRetryAfterMs", () => {
  const now = Date.parse("2026-11-02T15:04:05Z");
  test.each([
    ["10", 10_000],
    ["0", 0],
    [" 3 ", 3_000],
    ["1.5", 1_500],
    ["Mon, 02 Nov 2026 15:04:15 GMT", 10_000],
    ["Mon, 02 Nov 2026 15:00:00 GMT", 0], // a date in the past means "now", never negative
  ])("%j → %i ms", (value, ms) => {
    expect(parseRetryAfterMs(value, now)).toBe(ms);
  });

  test.each([null, undefined, "", "soon", "-5", "10s"])("%j → undefined", (value) => {
    expect(parseRetryAfterMs(value, now)).toBeUndefined();
  });
});

describe("backoff", () => {
  test("full jitter: between 0 and a ceiling that doubles per retry up to the maximum", () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 10].map((retry) => backoffDelayMs(retry, () => 0.999_999) + 1);
    expect(ceilings).toEqual([500, 1_000, 2_000, 4_000, MAX_BACKOFF_MS, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
    expect(backoffDelayMs(3, () => 0)).toBe(0);
    expect(backoffDelayMs(0, () => 0.5)).toBe(INITIAL_BACKOFF_MS / 2);
  });

  test("Retry-After wins over backoff, capped", () => {
    const response = (value: string) => new Response(null, { status: 429, headers: { "retry-after": value } });
    expect(retryDelayMs(0, response("4"), () => 0)).toBe(4_000);
    expect(retryDelayMs(0, response("100000"), () => 0)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryDelayMs(1, response("garbage"), () => 0.5)).toBe(500);
    expect(retryDelayMs(1, undefined, () => 0.5)).toBe(500);
  });
});
