import type { ErrorItem as JsonApiError } from "./error-item.js";

/** Base class of every error the client throws. */
export class HatchError extends Error {
  override name = "HatchError";
}

export interface HatchApiErrorDetails {
  status: number;
  errors: JsonApiError[];
  headers: Record<string, string>;
  requestId: string | undefined;
}

/** The API answered with an error status. */
export class HatchApiError extends HatchError {
  override name = "HatchApiError";
  /** The HTTP status code. */
  readonly status: number;
  /** The JSON:API error objects of the response body (empty when the body had none). */
  readonly errors: JsonApiError[];
  /** The response headers, lower-cased names. */
  readonly headers: Record<string, string>;
  /** The server's request id, when a response header carries one: quote it to Hatch support. */
  readonly requestId: string | undefined;

  constructor(message: string, details: HatchApiErrorDetails) {
    super(message);
    this.status = details.status;
    this.errors = details.errors;
    this.headers = details.headers;
    this.requestId = details.requestId;
  }
}

/** 400: the request was malformed (for example, its body was not valid JSON). Retrying will not help. */
export class BadRequestError extends HatchApiError {
  override name = "BadRequestError";
}

/** 401: the API key is missing, unknown or revoked. Retrying will not help. */
export class AuthenticationError extends HatchApiError {
  override name = "AuthenticationError";
}

/** 403: the API key is valid but not allowed to do this. */
export class PermissionDeniedError extends HatchApiError {
  override name = "PermissionDeniedError";
}

/** 404: the resource (or the path) does not exist. */
export class NotFoundError extends HatchApiError {
  override name = "NotFoundError";
}

/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends HatchApiError {
  override name = "ConflictError";
}

/** 422: a value was refused. `fieldErrors` maps each offending field to its messages. */
export class ValidationError extends HatchApiError {
  override name = "ValidationError";
  /** Field name (the last segment of each error's `source.pointer`) → messages. */
  readonly fieldErrors: Record<string, string[]>;

  constructor(message: string, details: HatchApiErrorDetails & { fieldErrors: Record<string, string[]> }) {
    super(message, details);
    this.fieldErrors = details.fieldErrors;
  }
}

/** 429: over the rate limit, after the client's retries. */
export class RateLimitError extends HatchApiError {
  override name = "RateLimitError";
  /** How long the server asked to wait (from `Retry-After`), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: HatchApiErrorDetails & { retryAfterMs: number | undefined }) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** 5xx: a fault on Hatch's side, after the client's retries. */
export class ServerError extends HatchApiError {
  override name = "ServerError";
}

/** The response could not be used: a 2xx body that is not JSON, or a body over `maxResponseBytes`. */
export class HatchResponseError extends HatchError {
  override name = "HatchResponseError";
  /** The HTTP status of the response. */
  readonly status: number;
  /** The server's request id, when a response header carries one. */
  readonly requestId: string | undefined;

  constructor(message: string, details: { status: number; requestId: string | undefined }, options?: ErrorOptions) {
    super(message, options);
    this.status = details.status;
    this.requestId = details.requestId;
  }
}

export interface HatchConnectionErrorOptions extends ErrorOptions {
  /** See {@link HatchConnectionError.mayHaveBeenApplied}. */
  mayHaveBeenApplied?: boolean | undefined;
}

/**
 * No complete response: DNS, TCP, TLS, a reset (also in the middle of the body) or the fetch
 * implementation failed.
 */
export class HatchConnectionError extends HatchError {
  override name = "HatchConnectionError";
  /**
   * True when the request had been handed to the network, so the server may have received and
   * applied it before the failure; false when it provably never left (connection refused, DNS).
   */
  readonly mayHaveBeenApplied: boolean;

  constructor(message: string, options: HatchConnectionErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.mayHaveBeenApplied = options.mayHaveBeenApplied ?? true;
  }
}

/**
 * The call ran out of time: an attempt exceeded `timeoutMs` (headers and body included), or the
 * whole call (rate-limiter waits, attempts and backoff) exceeded `totalTimeoutMs`.
 */
export class HatchTimeoutError extends HatchConnectionError {
  override name = "HatchTimeoutError";
  /** The timeout that was exceeded, in milliseconds. */
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options: HatchConnectionErrorOptions & { message?: string } = {}) {
    super(options.message ?? `The Hatch API did not respond within ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}
