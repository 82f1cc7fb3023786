import type { ApiErrorDetails, SdkDefinition, StatusErrorDetails } from "./definition.js";
import type { ErrorItem as JsonApiError } from "./error-item.js";
import type { Redactor } from "./redaction.js";
import { requestIdOf } from "./request-id.js";
import { parseRetryAfterMs } from "./retry-policy.js";

/** Caps on what server text may put into an error: a hostile body must not make a huge message. */
const MAX_ITEMS = 100;
const MAX_FIELD_CHARS = 1_000;
const MAX_PART_CHARS = 300;
const MAX_MESSAGE_CHARS = 2_000;
const MAX_TEXT_CHARS = 200;

/** Cuts after redacting, so a cut can never leave part of a secret behind. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/**
 * The error items of a body, normalised to `{ title, detail, source: { pointer } }`, every string
 * redacted and capped. Understands JSON:API (`errors[].source.pointer`), RFC 9457 problem details
 * (`errors[].pointer`, as in the RFC's own example, and `invalid-params[].name`/`reason`) and
 * `errors[]` of plain `{ message, field }` objects.
 */
function errorItems(body: unknown, redact: Redactor): JsonApiError[] {
  if (body === null || typeof body !== "object") return [];
  const record = body as Record<string, unknown>;
  const list = Array.isArray(record.errors)
    ? record.errors
    : Array.isArray(record["invalid-params"])
      ? record["invalid-params"]
      : undefined;
  if (!list) return [];
  const errors: JsonApiError[] = [];
  for (const item of list.slice(0, MAX_ITEMS)) {
    if (item === null || typeof item !== "object") continue;
    const e = item as Record<string, unknown>;
    const source = e.source as Record<string, unknown> | null | undefined;
    let pointer = str(source?.pointer) ?? str(e.pointer);
    // RFC 9457's example writes pointers as URI fragments: "#/age".
    if (pointer?.startsWith("#")) pointer = pointer.slice(1);
    if (pointer === undefined) {
      const name = str(e.name) ?? str(e.field) ?? str(source?.parameter);
      if (name !== undefined) pointer = `/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    }
    const detail = str(e.detail) ?? str(e.reason) ?? str(e.message) ?? "";
    errors.push({
      title: clip(redact(str(e.title) ?? ""), MAX_FIELD_CHARS),
      detail: clip(redact(detail), MAX_FIELD_CHARS),
      source: { pointer: clip(redact(pointer ?? ""), MAX_FIELD_CHARS) },
    });
  }
  return errors;
}

/**
 * The top-level explanation of a body with no error items: RFC 9457's `title`/`detail`, a plain
 * `{ message }`, or `{ error: "..." }` / `{ error: { message } }`.
 */
function topLevelMessage(body: unknown, redact: Redactor): string {
  if (body === null || typeof body !== "object") return "";
  const record = body as Record<string, unknown>;
  const nested =
    record.error !== null && typeof record.error === "object" ? (record.error as Record<string, unknown>) : {};
  const title = str(record.title);
  const detail = str(record.detail) ?? str(record.message) ?? str(record.error) ?? str(nested.message);
  const text = title && detail && title !== detail ? `${title}: ${detail}` : (detail ?? title ?? "");
  return clip(redact(text), MAX_PART_CHARS);
}

/** `/data/attributes/email` → `email`, unescaping `~1` and `~0` as JSON pointers require. */
export function fieldNameOf(pointer: string): string {
  const segment = pointer.slice(pointer.lastIndexOf("/") + 1);
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * Groups messages by field; errors that point at no field (`/`, `""`) are left to `errors`. The
 * record has no prototype, so a field named `toString`, `constructor` or `__proto__` is just a key.
 */
export function fieldErrorsOf(errors: readonly JsonApiError[]): Record<string, string[]> {
  const fields: Record<string, string[]> = Object.create(null);
  for (const error of errors) {
    const name = fieldNameOf(error.source.pointer);
    if (name === "") continue;
    const message = error.detail || error.title;
    const messages = fields[name];
    if (messages) messages.push(message);
    else fields[name] = [message];
  }
  return fields;
}

function headersRecord(headers: Headers, redact: Redactor): Record<string, string> {
  const record: Record<string, string> = Object.create(null);
  headers.forEach((value, name) => {
    record[name] =
      name === "authorization" || name === "set-cookie" ? "[REDACTED]" : clip(redact(value), MAX_FIELD_CHARS);
  });
  return record;
}

function summary(
  api: string,
  status: number,
  statusText: string,
  errors: readonly JsonApiError[],
  topLevel: string,
  text: string,
): string {
  const head = `${api} responded ${status}${statusText ? ` ${clip(statusText, 100)}` : ""}`;
  let message = head;
  if (errors.length > 0) {
    const parts = errors.map((e) => {
      const field = fieldNameOf(e.source.pointer);
      const what = clip(e.detail || e.title, MAX_PART_CHARS);
      return field ? `${clip(field, 100)}: ${what}` : what;
    });
    message = `${head}: ${topLevel ? `${topLevel}; ` : ""}${parts.join("; ")}`;
  } else if (topLevel) message = `${head}: ${topLevel}`;
  else if (text) message = `${head}: ${clip(text, MAX_TEXT_CHARS)}`;
  return clip(message, MAX_MESSAGE_CHARS);
}

/** The fields every API error carries, from a response and its parsed body. */
function detailsOf(response: Response, errors: JsonApiError[], redact: Redactor): ApiErrorDetails {
  return {
    status: response.status,
    errors,
    headers: headersRecord(response.headers, redact),
    requestId: requestIdOf(response.headers, redact),
  };
}

/**
 * Turns an error response into its error class (the definition's one status → class mapping).
 * `body` is what openapi-fetch parsed: JSON when the body was JSON (JSON:API, RFC 9457 problem
 * details, `{ message }`), the text otherwise (a proxy's HTML page, say). Field errors come only
 * from formats with pointers.
 */
export function errorFromResponse(response: Response, body: unknown, redact: Redactor, sdk: SdkDefinition): Error {
  const errors = errorItems(body, redact);
  // Redact the whole text before cutting it, so no part of a secret survives the cut.
  const text = typeof body === "string" ? redact(body.slice(0, 100_000).trim()) : "";
  const { status } = response;
  let message = summary(
    `${sdk.title} API`,
    status,
    redact(response.statusText),
    errors,
    topLevelMessage(body, redact),
    text,
  );
  const notResent = (response as { notResent?: string }).notResent;
  if (notResent !== undefined) {
    message += `. Not retried: the request may have been applied, and repeating it could apply it twice${notResent}`;
  }
  const details: StatusErrorDetails = {
    ...detailsOf(response, errors, redact),
    fieldErrors: fieldErrorsOf(errors),
    retryAfterMs: parseRetryAfterMs(response.headers.get("retry-after")),
  };
  const { byStatus, Server, Api } = sdk.errors;
  const ErrorClass = byStatus[status] ?? (status >= 500 ? Server : Api);
  return new ErrorClass(message, details);
}

/** A redirect (3xx, or a browser's opaque redirect): the API never redirects, so it is an error. */
export function redirectError(response: Response, redact: Redactor, sdk: SdkDefinition): Error {
  const location = response.headers.get("location");
  const where =
    location === null
      ? "a redirect whose target the runtime hides"
      : `a redirect to ${JSON.stringify(clip(redact(location), 500))}`;
  const message =
    `${sdk.title} API responded ${response.status || "with"} ${where}. The API never redirects, so the client does not ` +
    "follow (that would re-send the request, and its key, elsewhere): check baseUrl and any proxy in between";
  return new sdk.errors.Api(message, { ...detailsOf(response, [], redact), fieldErrors: {}, retryAfterMs: undefined });
}
