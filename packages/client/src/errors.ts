import type { JsonApiError } from "@hatch-api/types";

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

/** The request never got a response: DNS, TCP, TLS or the fetch implementation failed. */
export class HatchConnectionError extends HatchError {
  override name = "HatchConnectionError";
}

/** An attempt took longer than `timeoutMs` (and the retries, if any, did too). */
export class HatchTimeoutError extends HatchConnectionError {
  override name = "HatchTimeoutError";
  /** The per-attempt timeout that was exceeded. */
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`The Hatch API did not respond within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}
