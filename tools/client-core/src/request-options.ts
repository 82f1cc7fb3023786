import type { FetchLike } from "./definition.js";
import type { Middleware } from "./middleware.js";
import { requestIdOf } from "./request-id.js";
import type { CallSettings } from "./transport.js";

/** Options every resource method takes for one call; each defaults to the client's option. */
export interface RequestOptions {
  /** Aborts the call, including any wait for the rate limiter or a retry, and the body read. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout for this call (headers and body), overriding the client's. */
  timeoutMs?: number | undefined;
  /** Bound on this whole call (limiter waits, attempts, backoff), overriding the client's. */
  totalTimeoutMs?: number | undefined;
  /** Retries for this call, overriding the client's `maxRetries`. */
  maxRetries?: number | undefined;
  /**
   * The idempotency key of this call, for an operation the API deduplicates by one (sent in its
   * header, the same on every retry). Default: a fresh random key per call.
   */
  idempotencyKey?: string | undefined;
  /** Middleware for this call only, run inside the client's around each attempt. */
  middleware?: readonly Middleware[] | undefined;
  /** Resolve with `{ data, response, requestId }` instead of the data alone. */
  withResponse?: boolean | undefined;
}

/** A successful call's typed result together with the raw Response (its body already read). */
export interface WithResponse<T> {
  data: T;
  /** Status, headers and URL of the response; `json()`/`text()` re-read the buffered body. */
  response: Response;
  /** The server's request id, when a response header carries one. */
  requestId: string | undefined;
}

/** What a method resolves to: the data, or `WithResponse` when called with `withResponse: true`. */
export type ResultFor<T, O> = O extends { withResponse: true } ? WithResponse<T> : T;

/**
 * The fetch for one call: the client's shared one when nothing is overridden (no allocation), else
 * one built with this call's settings.
 */
export function fetchForCall(
  transport: (settings?: CallSettings) => FetchLike,
  shared: FetchLike,
  options: RequestOptions,
): FetchLike {
  const { timeoutMs, totalTimeoutMs, maxRetries, middleware, idempotencyKey } = options;
  if (
    timeoutMs === undefined &&
    totalTimeoutMs === undefined &&
    maxRetries === undefined &&
    middleware === undefined &&
    idempotencyKey === undefined
  ) {
    return shared;
  }
  return transport({ timeoutMs, totalTimeoutMs, maxRetries, middleware, idempotencyKey });
}

/** The value a method resolves with, honouring `withResponse`. */
export function resultFor<T>(data: T, response: Response, options: RequestOptions): T | WithResponse<T> {
  if (options.withResponse !== true) return data;
  // Looked up in the headers when first read (four header lookups): a paginated list asks every
  // page for its response, and a page does not expose its id. Still an own, enumerable property.
  let requestId: string | undefined | null = null;
  return {
    data,
    response,
    get requestId() {
      if (requestId === null) requestId = requestIdOf(response.headers, (text) => text);
      return requestId;
    },
    set requestId(value) {
      requestId = value;
    },
  };
}
