/** The first backoff ceiling; each retry doubles it. */
export const INITIAL_BACKOFF_MS = 500;
/** The largest backoff ceiling, whatever the attempt. */
export const MAX_BACKOFF_MS = 8_000;
/** A server asking for a longer wait than this is waited on for this long only. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** 408, 429 and 5xx are worth another try; any other status will fail the same way again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Exponential backoff with full jitter: a uniformly random wait below a ceiling that doubles per
 * attempt, so many clients failing together do not retry in lockstep.
 *
 * @param retry 0 for the first retry
 */
export function backoffDelayMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * Parses `Retry-After`: delay-seconds (`"10"`, tolerated `"1.5"`) or an HTTP date. Returns
 * milliseconds (never negative), or undefined when the header is absent or unreadable.
 */
export function parseRetryAfterMs(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Every HTTP-date form names a month; without this, Date.parse would read "-5" as the year -5.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The wait before the next attempt: what the server asked for (capped), else the backoff. */
export function retryDelayMs(retry: number, response: Response | undefined, random?: () => number): number {
  const asked = response ? parseRetryAfterMs(response.headers.get("retry-after")) : undefined;
  if (asked !== undefined) return Math.min(asked, MAX_RETRY_AFTER_MS);
  return backoffDelayMs(retry, random);
}
