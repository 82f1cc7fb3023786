import { abortReason, raceStop, sleep } from "./abort.js";
import { checkDuration, checkRetries, invalid } from "./checks.js";
import { type Deadline, DeadlineTimer } from "./deadline-timer.js";
import type { FetchLike, SdkDefinition } from "./definition.js";
import type { OutgoingRequest } from "./draft-request.js";
import { redirectError } from "./error-from-response.js";
import { queryBeforeFragment } from "./fragment-query.js";
import { headersForLog, logDebug } from "./logger.js";
import {
  composeMiddleware,
  isMiddlewareList,
  type Middleware,
  type MiddlewareContext,
  middlewareLog,
} from "./middleware.js";
import type { ResolvedOptions } from "./options.js";
import type { SlidingWindowRateLimiter } from "./rate-limiter.js";
import { type Redactor, redactCause } from "./redaction.js";
import { requestIdOf } from "./request-id.js";
import { allowsResend, matchKeysLookup, missingKeysNote, type ResendRule } from "./resend-rule.js";
import { BufferedResponse, bufferedResponse, readBody } from "./response-body.js";
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
  /** The key sent in the operation's idempotency header (default: a fresh one per call). */
  idempotencyKey?: string | undefined;
  /** Run after the client's middleware (inside it), around each attempt of this call. */
  middleware?: readonly Middleware[] | undefined;
}

// How a failed attempt may be retried. Plain constants, not an object or enum: the minifier
// inlines them as the numbers.
/** The server provably did not act on it (nothing sent, or 408, 429, 503). */
const ALWAYS = 0;
/** It may have been applied: retried only when the request is safe to resend. */
const IF_SAFE = 1;
const NEVER = 2;
type Retry = typeof ALWAYS | typeof IF_SAFE | typeof NEVER;

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
  if (status === 408 || status === 429 || status === 503) return ALWAYS;
  if (status >= 500) return IF_SAFE;
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
 * re-send a request that may have been applied unless the request is safe to resend (an operation
 * with an idempotency key always is: the key is set once and repeated by every attempt).
 * Middleware runs once per attempt, inside the retry loop and before the limiter (see middleware.ts).
 *
 * Returns a factory, so that a single call can override settings without a second client.
 */
export function createTransport(options: TransportOptions): (settings?: CallSettings) => FetchLike {
  const { userAgent, limiter, redact, random, logger, auth, sdk, maxResponseBytes: maxBytes } = options;
  const { Base, Connection, Timeout } = sdk.errors;
  const api = `${sdk.title} API`;
  const fetchImpl = options.fetch;
  const now = options.now ?? defaultNow;
  const deadlines = new DeadlineTimer(now);
  const rule: ResendRule = options.safeToResend;
  const keysOf = matchKeysLookup(sdk.matchKeys);
  const log = middlewareLog(logger, sdk.name, redact, auth.secretHeaders);
  const notAResponse = (index: number, value: unknown) =>
    new Base(
      `middleware #${index + 1} resolved to ${value === null ? "null" : typeof value} instead of a Response; return what next(request) resolves to, or a Response of its own`,
    );
  const readBodyTwice = () =>
    new Base(
      "a middleware passed next() a request whose body it had already read; pass request.clone() (or the request it was given) instead",
    );
  const callTimeout = (totalMs: number, mayHaveBeenApplied: boolean) =>
    new Timeout(totalMs, {
      message: `The call to the ${api} did not complete within totalTimeoutMs (${totalMs} ms; rate-limit waits, attempts and retries included)`,
      mayHaveBeenApplied,
    });

  async function attempt(
    url: string,
    template: RequestInit,
    init: RequestInit | undefined,
    direct: boolean,
    signal: AbortSignal | null,
    timeoutMs: number,
    deadline: number,
    totalMs: number,
    chain: readonly Middleware[],
    attemptNumber: number,
  ): Promise<AttemptOutcome> {
    // The caller may have aborted between two attempts: send nothing then.
    if (signal?.aborted) throw abortReason(signal);
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
    const onCallerAbort = () => abort(abortReason(signal as AbortSignal));
    signal?.addEventListener("abort", onCallerAbort, { once: true });
    let watched: Deadline | undefined;
    /** 0: no timeout; 1: this attempt's; 2: the whole call's deadline. */
    let timedOut = 0;
    let sent = false;
    let headersReceived = false;
    const expire = (which: 1 | 2, ms: number) => {
      timedOut = which;
      // The error class's own message says which API did not respond within `ms`.
      abort(new Timeout(ms));
    };
    /** Times the attempt out at `at` (the one deadline it has at a time). */
    const watch = (at: number, which: 1 | 2, ms: number) => {
      deadlines.clear(watched);
      watched = deadlines.add(at, () => expire(which, ms));
    };
    const requestInit: RequestInit = { ...template, signal: controller.signal };
    // Without middleware, the runtime's own fetch takes the URL and init as they are (`direct`): it
    // builds its Request either way, so building one here too would only double the cost.
    const request = direct && chain.length === 0 ? undefined : new Request(url, requestInit);
    // Called at the moment the limiter grants the request (synchronously within the grant).
    const start = (outgoing: Request | undefined) => {
      const at = now() + timeoutMs;
      if (deadline < at) watch(deadline, 2, totalMs);
      else watch(at, 1, timeoutMs);
      sent = true;
      return outgoing
        ? fetchImpl(outgoing, init)
        : (fetchImpl as typeof fetch)(url, init ? { ...requestInit, ...init, signal: controller.signal } : requestInit);
    };
    /** Through the limiter to fetch: the innermost step, what middleware's `next` ends in. */
    const send = (outgoing: Request | undefined): Promise<Response> => {
      // (The limiter's promise of fetch's promise is, once resolved, the Response.)
      const pending = (
        limiter ? limiter.run(() => start(outgoing), controller.signal) : start(outgoing)
      ) as Promise<Response>;
      // Still queued behind the limiter (or in middleware): the wait, too, ends at the call's deadline.
      if (!sent) watch(deadline, 2, totalMs);
      // raceStop handles `pending`'s rejection too: after a timeout or abort it is expected.
      return raceStop(pending, stop);
    };
    /** A response as the rest of the client reads it: redirects refused, the body buffered. */
    const settle = async (response: Response): Promise<BufferedResponse> => {
      if (response instanceof BufferedResponse) return response;
      headersReceived = true;
      if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
        response.body?.cancel().catch(noop);
        throw redirectError(response, redact, sdk);
      }
      const bytes = await readBody(response, stop, maxBytes, redact, sdk);
      return bufferedResponse(response, bytes, redact, sdk);
    };
    /** What `next` last rejected with: a failure of the exchange, classified as one; others are the middleware's own. */
    let exchangeFailure: unknown;
    try {
      let buffered: BufferedResponse;
      if (chain.length === 0) {
        buffered = await settle(await send(request));
      } else {
        const context: MiddlewareContext = { attempt: attemptNumber, signal: controller.signal, log };
        const last = async (outgoing: Request) => {
          // Aborted or timed out while a middleware worked: send nothing.
          if (controller.signal.aborted) throw controller.signal.reason;
          let next = outgoing;
          if (next.bodyUsed) {
            // The middleware read the body it was given: send the same bytes again.
            if (next !== request) throw readBodyTwice();
            next = new Request(url, requestInit);
          }
          try {
            return await settle(await send(next));
          } catch (error) {
            exchangeFailure = error;
            throw error;
          }
        };
        const response = await raceStop(
          composeMiddleware(chain, context, last, notAResponse)(request as Request),
          stop,
        );
        buffered = await settle(response);
      }
      return { response: buffered, retry: retryForStatus(buffered.status) ?? NEVER };
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      if (timedOut === 2) {
        throw callTimeout(totalMs, sent);
      }
      if (timedOut === 1) {
        return { error: new Timeout(timeoutMs, { mayHaveBeenApplied: true }), retry: IF_SAFE };
      }
      if (error instanceof Base) return { error, retry: NEVER };
      // A middleware's own failure (not one of the exchange it passed on) is its caller's to see, as is.
      if (chain.length > 0 && error !== exchangeFailure) return { error: error as Error, retry: NEVER };
      const maybeSent = sent && (headersReceived || !neverLeft(error));
      const reason = redact(error instanceof Error ? error.message : String(error)).slice(0, 500);
      const origin = new URL(url).origin;
      const message = headersReceived
        ? `The connection to the ${api} at ${origin} failed while reading the response: ${reason}`
        : `Could not reach the ${api} at ${origin}: ${reason}`;
      return {
        error: new Connection(message, { cause: redactCause(error, redact), mayHaveBeenApplied: maybeSent }),
        retry: maybeSent ? IF_SAFE : ALWAYS,
      };
    } finally {
      deadlines.clear(watched);
      signal?.removeEventListener("abort", onCallerAbort);
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
    const callMiddleware = settings.middleware ?? [];
    if (!isMiddlewareList(callMiddleware))
      throw invalid(sdk, where, "middleware", "an array of functions", callMiddleware);
    const givenKey = settings.idempotencyKey;
    // A header value: one line of printable ASCII (a key is an opaque token; a UUID is typical).
    if (givenKey !== undefined && (typeof givenKey !== "string" || !/^[!-~]{1,255}$/.test(givenKey))) {
      // Not echoed: a malformed key may be long, or not a string at all.
      throw new Base(`${where}: \`idempotencyKey\` must be 1 to 255 printable ASCII characters without spaces`);
    }
    const chain = callMiddleware.length === 0 ? options.middleware : [...options.middleware, ...callMiddleware];
    // openapi-fetch hands over a draft (see draft-request.ts) or, with its own middleware, a Request.
    const send = async (input: OutgoingRequest, init: RequestInit | undefined): Promise<Response> => {
      const deadline = now() + totalMs;
      const signal = input.signal;
      const method = input.method;
      // A draft's Headers were built for this call alone: no copy needed.
      const headers = input.draft ? input.headers : new Headers(input.headers);
      for (const [name, value] of auth.headers) headers.set(name, value);
      headers.set("User-Agent", userAgent);
      // An operation the API deduplicates by key: the caller's key (option or header), else a fresh
      // one. It is set once, in the headers every attempt is built from, so each retry repeats it.
      const idempotencyHeader = sdk.idempotency?.(method, input.url);
      if (idempotencyHeader !== undefined) {
        if (givenKey !== undefined) headers.set(idempotencyHeader, givenKey);
        // A fresh key: a random (v4) UUID from WebCrypto, on every runtime the client supports.
        else if (!headers.has(idempotencyHeader)) headers.set(idempotencyHeader, globalThis.crypto.randomUUID());
      } else if (givenKey !== undefined) {
        throw new Base(
          `${sdk.title} API: ${method} ${new URL(input.url).pathname} takes no idempotency key (the spec declares none for it); drop \`idempotencyKey\``,
        );
      }
      // A path with a fragment (`/#Action=AssumeRole`) got its query appended inside the fragment.
      let url = queryBeforeFragment(input.url);
      if (auth.query.length > 0) {
        const withKey = new URL(url);
        for (const [name, value] of auth.query) withKey.searchParams.set(name, value);
        url = withKey.href;
      }
      // Every attempt gets a fresh Request built from the same body, so a retry re-sends it intact: a
      // draft's serialized body as it is (a stream is read once), a Request's read once. (Building
      // from a URL and a body is also several times cheaper than Request.clone() in undici.)
      let body = input.body;
      if (body !== null && (!input.draft || body instanceof ReadableStream)) {
        body = await (input.draft ? new Response(body) : (input as Request)).arrayBuffer();
      }
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
      // Where `new Request` would throw (a method fetch forbids, a GET or HEAD with a body), one is
      // built, so the TypeError reaches the caller as before rather than as a failed exchange.
      const direct =
        fetchImpl === globalThis.fetch &&
        method !== "TRACE" &&
        (body === null || (method !== "GET" && method !== "HEAD"));
      let resendable: boolean | undefined;
      const safeToResend = () => {
        // The server deduplicates by the key, which every attempt repeats: a resend cannot apply twice.
        resendable ??=
          (idempotencyHeader !== undefined && headers.get(idempotencyHeader) !== "") ||
          allowsResend(rule, {
            method,
            url: new URL(url),
            json: () => {
              try {
                const text =
                  typeof body === "string"
                    ? body
                    : body instanceof ArrayBuffer || ArrayBuffer.isView(body)
                      ? decoder.decode(body)
                      : undefined;
                return text === undefined ? undefined : JSON.parse(text);
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
        if (signal?.aborted) throw abortReason(signal);
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
          outcome = await attempt(url, template, init, direct, signal, timeoutMs, deadline, totalMs, chain, retry + 1);
        } catch (error) {
          // The deadline hit while this attempt was queued: an earlier attempt may still have applied it.
          if (applied && error instanceof Timeout && !error.mayHaveBeenApplied) throw callTimeout(totalMs, true);
          throw error;
        }
        if (outcome.retry === IF_SAFE) applied = true;
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
        if (outcome.retry === NEVER || retry >= maxRetries) {
          if (outcome.response) return outcome.response;
          throw outcome.error;
        }
        // A retry is due, but the request may have been applied and is not safe to send again.
        if (outcome.retry === IF_SAFE && !safeToResend()) {
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
        await sleep(delay, signal ?? undefined);
      }
    };
    return send as unknown as FetchLike;
  };
}
