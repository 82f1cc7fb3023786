import { abortReason, sleep } from "./abort.js";
import { HatchConnectionError, HatchTimeoutError } from "./errors.js";
import type { SlidingWindowRateLimiter } from "./rate-limiter.js";
import { type Redactor, redactCause } from "./redaction.js";
import { isRetryableStatus, retryDelayMs } from "./retry-policy.js";

/** The fetch signature openapi-fetch calls, and the one users may inject. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  apiKey: string;
  userAgent: string;
  fetch: FetchLike;
  timeoutMs: number;
  maxRetries: number;
  limiter: SlidingWindowRateLimiter | undefined;
  redact: Redactor;
  /** Source of randomness for backoff jitter (tests pin it). */
  random?: () => number;
}

export interface AttemptSettings {
  timeoutMs?: number | undefined;
}

type AttemptOutcome = { response: Response; error?: undefined } | { response?: undefined; error: HatchConnectionError };

/**
 * Builds the fetch that openapi-fetch is given. Everything that makes a call production-grade
 * lives here, beneath openapi-fetch, so the typed `POST`/`PUT` surface and `contacts.upsert` get
 * the same behaviour: auth and User-Agent headers, the shared rate limiter, a per-attempt timeout,
 * the caller's AbortSignal, and retries with backoff (honouring `Retry-After`).
 *
 * Returns a factory so that a single call can override the timeout without a second client.
 */
export function createTransport(options: TransportOptions): (settings?: AttemptSettings) => FetchLike {
  const { apiKey, userAgent, limiter, maxRetries, redact, random } = options;
  const fetchImpl = options.fetch;
  const authorization = `Bearer ${apiKey}`;

  async function attempt(
    url: string,
    template: RequestInit,
    init: RequestInit | undefined,
    signal: AbortSignal,
    timeoutMs: number,
  ): Promise<AttemptOutcome> {
    // The caller may have aborted between the limiter's grant and now: send nothing then.
    if (signal.aborted) throw abortReason(signal);
    const controller = new AbortController();
    let timedOut = false;
    const onCallerAbort = () => controller.abort(abortReason(signal));
    signal.addEventListener("abort", onCallerAbort, { once: true });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new HatchTimeoutError(timeoutMs));
    }, timeoutMs);
    // Racing the abort as well as passing the signal stops at once even with a fetch that ignores it.
    let stopWaiting: (reason: unknown) => void = () => {};
    const aborted = new Promise<never>((_, reject) => {
      stopWaiting = reject;
    });
    controller.signal.addEventListener("abort", () => stopWaiting(controller.signal.reason), { once: true });
    try {
      const request = new Request(url, { ...template, signal: controller.signal });
      const pending = fetchImpl(request, init);
      pending.catch(() => {}); // its rejection after a timeout or abort is expected; do not leak it
      return { response: await Promise.race([pending, aborted]) };
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      if (timedOut) return { error: new HatchTimeoutError(timeoutMs) };
      const cause = redactCause(error, redact);
      const reason = redact(error instanceof Error ? error.message : String(error));
      return {
        error: new HatchConnectionError(`Could not reach the Hatch API at ${new URL(url).origin}: ${reason}`, {
          cause,
        }),
      };
    } finally {
      clearTimeout(timer);
      signal.removeEventListener("abort", onCallerAbort);
    }
  }

  return (settings = {}) => {
    const timeoutMs = settings.timeoutMs ?? options.timeoutMs;
    return async (input, init) => {
      const signal = input.signal;
      const headers = new Headers(input.headers);
      headers.set("Authorization", authorization);
      headers.set("User-Agent", userAgent);
      // The body is read once and every attempt gets a fresh Request built from it, so a retry
      // re-sends it intact. (Building from a URL and bytes is also several times cheaper than
      // Request.clone() or new Request(request, init) in undici.)
      const template: RequestInit = {
        method: input.method,
        headers,
        body: input.body === null ? null : await input.arrayBuffer(),
        redirect: input.redirect,
        credentials: input.credentials,
        cache: input.cache,
        integrity: input.integrity,
        keepalive: input.keepalive,
      };
      for (let retry = 0; ; retry++) {
        if (signal.aborted) throw abortReason(signal);
        if (limiter && !limiter.tryAcquire()) await limiter.acquire(signal);
        const outcome = await attempt(input.url, template, init, signal, timeoutMs);
        const retriesLeft = retry < maxRetries;
        if (outcome.response) {
          if (!retriesLeft || !isRetryableStatus(outcome.response.status)) return outcome.response;
          const delay = retryDelayMs(retry, outcome.response, random);
          // Free the connection: this response is dropped for the retry.
          await outcome.response.body?.cancel().catch(() => {});
          await sleep(delay, signal);
        } else {
          if (!retriesLeft) throw outcome.error;
          await sleep(retryDelayMs(retry, undefined, random), signal);
        }
      }
    };
  };
}
