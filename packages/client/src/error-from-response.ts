import type { JsonApiError } from "@hatch-api/types";
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type HatchApiError,
  HatchApiError as HatchApiErrorClass,
  type HatchApiErrorDetails,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "./errors.js";
import type { Redactor } from "./redaction.js";
import { parseRetryAfterMs } from "./retry-policy.js";

/** Headers that servers and proxies commonly use for a request id, most specific first. */
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-hatch-request-id", "x-amzn-requestid", "cf-ray"];

/** Keeps the well-formed JSON:API error objects of a body, with every string redacted. */
function jsonApiErrors(body: unknown, redact: Redactor): JsonApiError[] {
  const list = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(list)) return [];
  const errors: JsonApiError[] = [];
  for (const item of list) {
    if (item === null || typeof item !== "object") continue;
    const { title, detail, source } = item as Record<string, unknown>;
    const pointer = (source as { pointer?: unknown } | null | undefined)?.pointer;
    errors.push({
      title: typeof title === "string" ? redact(title) : "",
      detail: typeof detail === "string" ? redact(detail) : "",
      source: { pointer: typeof pointer === "string" ? redact(pointer) : "" },
    });
  }
  return errors;
}

/** `/data/attributes/email` → `email`, unescaping `~1` and `~0` as JSON pointers require. */
export function fieldNameOf(pointer: string): string {
  const segment = pointer.slice(pointer.lastIndexOf("/") + 1);
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

/** Groups messages by field; errors that point at no field (`/`, `""`) are left to `errors`. */
export function fieldErrorsOf(errors: readonly JsonApiError[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const name = fieldNameOf(error.source.pointer);
    if (name === "") continue;
    const message = error.detail || error.title;
    const messages = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (messages) messages.push(message);
    // defineProperty, not assignment: a pointer ending in `__proto__` must not touch the prototype.
    else
      Object.defineProperty(fields, name, { value: [message], enumerable: true, writable: true, configurable: true });
  }
  return fields;
}

function headersRecord(headers: Headers, redact: Redactor): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = name === "authorization" || name === "set-cookie" ? "[REDACTED]" : redact(value);
  });
  return record;
}

function summary(status: number, statusText: string, errors: readonly JsonApiError[], text: string): string {
  const head = `Hatch API responded ${status}${statusText ? ` ${statusText}` : ""}`;
  if (errors.length > 0) {
    const parts = errors.map((e) => {
      const field = fieldNameOf(e.source.pointer);
      const what = e.detail || e.title;
      return field ? `${field}: ${what}` : what;
    });
    return `${head}: ${parts.join("; ")}`;
  }
  return text ? `${head}: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}` : head;
}

/**
 * Turns an error response into the matching HatchApiError subclass. `body` is what openapi-fetch
 * parsed: a JSON:API document normally, plain text when a proxy answered.
 */
export function errorFromResponse(response: Response, body: unknown, redact: Redactor): HatchApiError {
  const errors = jsonApiErrors(body, redact);
  const text = typeof body === "string" ? redact(body.trim()) : "";
  const headers = headersRecord(response.headers, redact);
  const idHeader = REQUEST_ID_HEADERS.find((name) => headers[name] !== undefined);
  const details: HatchApiErrorDetails = {
    status: response.status,
    errors,
    headers,
    requestId: idHeader === undefined ? undefined : headers[idHeader],
  };
  const message = summary(response.status, redact(response.statusText), errors, text);
  if (response.status === 400) return new BadRequestError(message, details);
  if (response.status === 401) return new AuthenticationError(message, details);
  if (response.status === 403) return new PermissionDeniedError(message, details);
  if (response.status === 404) return new NotFoundError(message, details);
  if (response.status === 409) return new ConflictError(message, details);
  if (response.status === 422) return new ValidationError(message, { ...details, fieldErrors: fieldErrorsOf(errors) });
  if (response.status === 429) {
    const retryAfterMs = parseRetryAfterMs(response.headers.get("retry-after"));
    return new RateLimitError(message, { ...details, retryAfterMs });
  }
  if (response.status >= 500) return new ServerError(message, details);
  return new HatchApiErrorClass(message, details);
}
