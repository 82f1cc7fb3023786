import { abortReason, sleep } from "./abort.js";
import { checkDuration, checkRetries } from "./checks.js";
import type { FetchLike, SdkDefinition } from "./definition.js";
import { redirectError } from "./error-from-response.js";
import { headersForLog, logDebug } from "./logger.js";
import type { ResolvedOptions } from "./options.js";
import type { SlidingWindowRateLimiter } from "./rate-limiter.js";
import { type Redactor, redactCause } from "./redaction.js";
import { requestIdOf } from "./request-id.js";
import { allowsResend, matchKeysLookup, missingKeysNote, type ResendRule } from "./resend-rule.js";
import { type BufferedResponse, bufferedResponse, readBody } from "./response-body.js";
import { retryDelayMs } from "./retry-policy.js";

/** What `createTransport` needs: the resolved options (every default applied), and the client's parts. */
export interface TransportOptions extends ResolvedOptions {
  limiter: SlidingWindowRateLimiter | undefined;
  redact: Redactor;
  sdk: SdkDefinition;
  /** Source of randomness for backoff jitter (tests pin it). */
  random?: (() => number) | undefined;
  /** Monotonic clock in milliseconds (tests inject one). */
  now?: (() => number) | undefined;
}

/** Per-call settings: each defaults to the client's option of the same name. */
export interface CallSettings {
  /** Per-attempt timeout, covering the response body too. */
  timeoutMs?: number | undefined;
  /** Bound on the whole call: limiter waits, attempts and backoff. */
  totalTimeoutMs?: number | undefined;
  maxRetries?: number | undefined;
}

/** How a failed attempt may be retried (plain numbers: an enum would ship a lookup object). */
const Retry = {
  /** The server provably did not act on it (nothing sent, or 408, 429, 503). */
  Always: 0,
  /** It may have been applied: retried only when the request is safe to resend. */
  IfSafe: 1,
  Never: 2,
} as const;
type Retry = (typeof Retry)[keyof typeof Retry];

type AttemptOutcome =
  | { response: BufferedResponse; error?: undefined; retry: Retry }
  | { response?: undefined; error: Error; retry: Retry };

/** Failure codes that prove the request never left this machine, so resending cannot duplicate it. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_NONAME",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "CERT_HAS_EXPIRED",
]);

function neverLeft(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && NOT_SENT_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function retryForStatus(status: number): Retry | undefined {
  if (status === 408 || status === 429 || status === 503) return Retry.Always;
  if (status >= 500) return Retry.IfSafe;
  return undefined;
}

const defaultNow = (): number => (globalThis.performance ? globalThis.performance.now() : Date.now());
const noop = () => {};
const decoder = new TextDecoder();

/**
 * Builds the fetch that openapi-fetch is given. Everything that makes a call production-grade
 * lives here, beneath openapi-fetch, so the typed `POST`/`PUT` surface and resource methods get the
 * same behaviour: auth and User-Agent headers; the shared rate limiter, applied at the moment the
 * request is handed to fetch; a per-attempt timeout and the caller's AbortSignal covering the
 * whole exchange, body included (the body is buffered, within `maxResponseBytes`); a deadline for
 * the whole call; redirects refused; retries with backoff (honouring `Retry-After`) that never
 * re-send a request that may have been applied unless the request is safe to resend.
 *
 * Returns a factory, so that a single call can override settings without a second client.
 */
export function createTransport(options: TransportOptions): (settings?: CallSettings) => FetchLike {
  const { userAgent, limiter, redact, random, logger, auth, sdk, maxResponseBytes: maxBytes } = options;
  const { Base, Connection, Timeout } = sdk.errors;
  const api = `${sdk.title} API`;
  const fetchImpl = options.fetch;
  const now = options.now ?? defaultNow;
  const rule: ResendRule = options.safeToResend;
  const keysOf = matchKeysLookup(sdk.matchKeys);
  const callTimeout = (totalMs: number, mayHaveBeenApplied: boolean) =>
    new Timeout(totalMs, {
      message: `The call to the ${api} did not complete within totalTimeoutMs (${totalMs} ms; rate-limit waits, attempts and retries included)`,
      mayHaveBeenApplied,
    });

  async function attempt(
    url: string,
    template: RequestInit,
    init: RequestInit | undefined,
    signal: AbortSignal,
    timeoutMs: number,
    deadline: number,
    totalMs: number,
  ): Promise<AttemptOutcome> {
    // The caller may have aborted between two attempts: send nothing then.
    if (signal.aborted) throw abortReason(signal);
    const controller = new AbortController();
    // Racing the abort as well as passing the signal stops at once even with a fetch that ignores it.
    let stopWaiting: (reason: unknown) => void = noop;
    const stop = new Promise<never>((_, reject) => {
      stopWaiting = reject;
    });
    stop.catch(noop);
    // Every abort goes through here (not through a listener on controller.signal: one fewer per attempt).
    const abort = (reason: unknown) => {
      controller.abort(reason);
      stopWaiting(reason);
    };
    const onCallerAbort = () => abort(abortReason(signal));
    signal.addEventListener("abort", onCallerAbort, { once: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** 0: no timeout; 1: this attempt's; 2: the whole call's deadline. */
    let timedOut = 0;
    let sent = false;
    let headersReceived = false;
    const expire = (which: 1 | 2, ms: number) => {
      timedOut = which;
      abort(new Timeout(ms, { message: `The ${api} did not respond within ${ms} ms` }));
    };
    const request = new Request(url, { ...template, signal: controller.signal });
    // Called at the moment the limiter grants the request (synchronously within the grant).
    const start = () => {
      clearTimeout(timer);
      const left = deadline - now();
      if (left < timeoutMs) timer = setTimeout(expire, Math.max(0, left), 2, totalMs);
      else timer = setTimeout(expire, timeoutMs, 1, timeoutMs);
      sent = true;
      return fetchImpl(request, init);
    };
    try {
      const pending = limiter ? limiter.run(start, controller.signal) : start();
      // Still queued behind the limiter: the wait, too, ends at the call's deadline.
      if (!sent) timer = setTimeout(expire, Math.max(0, deadline - now()), 2, totalMs);
      pending.catch(noop); // its rejection after a timeout or abort is expected; do not leak it
      const response = await Promise.race([pending, stop]);
      headersReceived = true;
      if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
        response.body?.cancel().catch(noop);
        return { error: redirectError(response, redact, sdk), retry: Retry.Never };
      }
      const bytes = await readBody(response, stop, maxBytes, redact, sdk);
      const buffered = bufferedResponse(response, bytes, redact, sdk);
      return { response: buffered, retry: retryForStatus(response.status) ?? Retry.Never };
    } catch (error) {
      if (signal.aborted) throw abortReason(signal);
      if (timedOut === 2) {
        throw callTimeout(totalMs, sent);
      }
      if (timedOut === 1) {
        const message = `The ${api} did not respond within ${timeoutMs} ms`;
        return { error: new Timeout(timeoutMs, { message, mayHaveBeenApplied: true }), retry: Retry.IfSafe };
      }
      if (error instanceof Base) return { error, retry: Retry.Never };
      const maybeSent = sent && (headersReceived || !neverLeft(error));
      const reason = redact(error instanceof Error ? error.message : String(error)).slice(0, 500);
      const origin = new URL(url).origin;
      const message = headersReceived
        ? `The connection to the ${api} at ${origin} failed while reading the response: ${reason}`
        : `Could not reach the ${api} at ${origin}: ${reason}`;
      return {
        error: new Connection(message, { cause: redactCause(error, redact), mayHaveBeenApplied: maybeSent }),
        retry: maybeSent ? Retry.IfSafe : Retry.Always,
      };
    } finally {
      clearTimeout(timer);
      signal.removeEventListener("abort", onCallerAbort);
    }
  }

  /** The failure of a call not sent again because it may have been applied and is not safe to resend. */
  function notResentError(error: Error, note: string): Error {
    const message = `${error.message}. The request may have been applied, so it was not sent again: repeating it could apply it twice${note}. Check before retrying.`;
    if (error instanceof Timeout) return new Timeout(error.timeoutMs, { message, mayHaveBeenApplied: true });
    if (error instanceof Connection) return new Connection(message, { cause: error.cause, mayHaveBeenApplied: true });
    return error;
  }

  return (settings = {}) => {
    const where = "per-call options";
    const timeoutMs = checkDuration(sdk, where, "timeoutMs", settings.timeoutMs, options.timeoutMs);
    const totalMs = checkDuration(sdk, where, "totalTimeoutMs", settings.totalTimeoutMs, options.totalTimeoutMs);
    const maxRetries = checkRetries(sdk, where, settings.maxRetries, options.maxRetries);
    return async (input, init) => {
      const deadline = now() + totalMs;
      const signal = input.signal;
      const method = input.method;
      const headers = new Headers(input.headers);
      for (const [name, value] of auth.headers) headers.set(name, value);
      headers.set("User-Agent", userAgent);
      let url = input.url;
      if (auth.query.length > 0) {
        const withKey = new URL(url);
        for (const [name, value] of auth.query) withKey.searchParams.set(name, value);
        url = withKey.href;
      }
      // The body is read once and every attempt gets a fresh Request built from it, so a retry
      // re-sends it intact. (Building from a URL and bytes is also several times cheaper than
      // Request.clone() or new Request(request, init) in undici.)
      const body = input.body === null ? null : await input.arrayBuffer();
      const template: RequestInit = {
        method,
        headers,
        body,
        // The API never redirects; following one would send the body (and key) elsewhere.
        redirect: "manual",
        credentials: input.credentials,
        cache: input.cache,
        integrity: input.integrity,
        keepalive: input.keepalive,
      };
      let resendable: boolean | undefined;
      const safeToResend = () => {
        resendable ??= allowsResend(rule, {
          method,
          url: new URL(url),
          json: () => {
            try {
              return body === null ? undefined : JSON.parse(decoder.decode(body));
            } catch {
              return undefined;
            }
          },
        });
        return resendable;
      };
      /** Whether an earlier attempt of this call may have reached the server and been applied. */
      let applied = false;
      for (let retry = 0; ; retry++) {
        if (signal.aborted) throw abortReason(signal);
        if (now() >= deadline) {
          throw callTimeout(totalMs, applied);
        }
        const began = logger ? now() : 0;
        if (logger) {
          logDebug(logger, sdk.name, "request", {
            method,
            url: redact(url),
            attempt: retry + 1,
            headers: headersForLog(headers, auth.secretHeaders, redact),
          });
        }
        let outcome: AttemptOutcome;
        try {
          outcome = await attempt(url, template, init, signal, timeoutMs, deadline, totalMs);
        } catch (error) {
          // The deadline hit while this attempt was queued: an earlier attempt may still have applied it.
          if (applied && error instanceof Timeout && !error.mayHaveBeenApplied) throw callTimeout(totalMs, true);
          throw error;
        }
        if (outcome.retry === Retry.IfSafe) applied = true;
        if (logger) {
          logDebug(
            logger,
            sdk.name,
            outcome.response ? "response" : "failure",
            outcome.response
              ? {
                  status: outcome.response.status,
                  ms: Math.round(now() - began),
                  requestId: requestIdOf(outcome.response.headers, redact),
                  headers: headersForLog(outcome.response.headers, auth.secretHeaders, redact),
                }
              : { error: outcome.error.name, message: outcome.error.message, ms: Math.round(now() - began) },
          );
        }
        // Out of retries: this outcome is final, as it is.
        if (outcome.retry === Retry.Never || retry >= maxRetries) {
          if (outcome.response) return outcome.response;
          throw outcome.error;
        }
        // A retry is due, but the request may have been applied and is not safe to send again.
        if (outcome.retry === Retry.IfSafe && !safeToResend()) {
          const note = missingKeysNote(keysOf(method, new URL(url).pathname));
          if (!outcome.response) throw notResentError(outcome.error, note);
          // The response carries the reason to the error its caller builds from it.
          outcome.response.notResent = note;
          return outcome.response;
        }
        const delay = retryDelayMs(retry, outcome.response, random);
        // The wait would run past the call's deadline: this outcome is final.
        if (now() + delay >= deadline) {
          if (outcome.response) return outcome.response;
          throw outcome.error;
        }
        if (logger) logDebug(logger, sdk.name, "retry", { attempt: retry + 2, delayMs: delay });
        await sleep(delay, signal);
      }
    };
  };
}
