import { headersForLog, type Logger, logDebug } from "./logger.js";
import type { Redactor } from "./redaction.js";

/** Sends a request on down the chain (the next middleware, at the end the limiter and fetch). */
export type MiddlewareNext = (request: Request) => Promise<Response>;

/** What a middleware knows about the attempt it runs in. */
export interface MiddlewareContext {
  /** 1 for the first attempt of a call, 2 for its first retry, ... */
  readonly attempt: number;
  /** Aborts when the call is aborted or times out. */
  readonly signal: AbortSignal;
  /**
   * Writes a debug line to the client's logger (nothing without one). Every string is redacted,
   * `Headers` lose their secret-bearing values, and a `Request` or `Response` is logged as its
   * method, URL, status and redacted headers: a middleware cannot log the client's secrets by mistake.
   */
  log(message: string, details?: Record<string, unknown>): void;
}

/**
 * Runs around every attempt of a call: it may rewrite the request, answer without calling `next`
 * (a cache, a fixture), or look at the response `next` resolves to. Both bodies stay readable:
 * the request's is rebuilt for `next` if the middleware read it, and the response's is buffered.
 */
export type Middleware = (request: Request, next: MiddlewareNext, context: MiddlewareContext) => Promise<Response>;

/** How deep `context.log` follows nested objects; deeper values are dropped rather than risk a leak. */
const MAX_LOG_DEPTH = 6;

/** A value made safe to log: strings redacted, headers blanked, requests and responses summarised. */
export function redactForLog(value: unknown, redact: Redactor, secretHeaders: ReadonlySet<string>, depth = 0): unknown {
  if (typeof value === "string") return redact(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_LOG_DEPTH) return "[omitted: nested too deep]";
  if (value instanceof Headers) return headersForLog(value, secretHeaders, redact);
  if (value instanceof Request) {
    return {
      method: value.method,
      url: redact(value.url),
      headers: headersForLog(value.headers, secretHeaders, redact),
    };
  }
  if (value instanceof Response) {
    return {
      status: value.status,
      url: redact(value.url),
      headers: headersForLog(value.headers, secretHeaders, redact),
    };
  }
  if (value instanceof URL) return redact(value.href);
  if (value instanceof Error) return { name: redact(value.name), message: redact(value.message) };
  if (Array.isArray(value)) return value.map((item) => redactForLog(item, redact, secretHeaders, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    out[redact(key)] = redactForLog(item, redact, secretHeaders, depth + 1);
  return out;
}

/** The `log` of a middleware context: through the client's logger, redacted; a no-op without one. */
export function middlewareLog(
  logger: Logger | undefined,
  prefix: string,
  redact: Redactor,
  secretHeaders: ReadonlySet<string>,
): MiddlewareContext["log"] {
  if (!logger) return () => {};
  return (message, details = {}) => {
    logDebug(
      logger,
      prefix,
      redact(String(message)),
      redactForLog(details, redact, secretHeaders) as Record<string, unknown>,
    );
  };
}

/**
 * The chain as one function: the first middleware is the outermost (it sees the request first and
 * the response last), `last` (the limiter and fetch) the innermost.
 */
export function composeMiddleware(
  chain: readonly Middleware[],
  context: MiddlewareContext,
  last: MiddlewareNext,
  notAResponse: (index: number, value: unknown) => Error,
): MiddlewareNext {
  let next = last;
  for (let index = chain.length - 1; index >= 0; index--) {
    const middleware = chain[index] as Middleware;
    const inner = next;
    next = async (request) => {
      const response = await middleware(request, inner, context);
      if (!(response instanceof Response)) throw notAResponse(index, response);
      return response;
    };
  }
  return next;
}

/** Checks a `middleware` option: an array of functions (undefined: none). */
export function isMiddlewareList(value: unknown): value is readonly Middleware[] {
  return Array.isArray(value) && value.every((item) => typeof item === "function");
}
