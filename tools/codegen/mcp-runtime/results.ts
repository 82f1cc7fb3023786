/** A tool's answer as MCP's CallToolResult: the body as JSON text, or a tool error (`isError`). */
export interface ToolResult {
  [key: string]: unknown;
  content: Array<{ type: "text"; text: string }>;
  isError?: boolean;
}

/** What a tool error says: the client's error class for the status, and the API's own words. */
export interface ToolErrorBody {
  class: string;
  status?: number;
  message: string;
  requestId?: string;
  /** Field → messages, from the JSON:API error items' `source.pointer` (as the client's ValidationError). */
  fieldErrors?: Record<string, string[]>;
  /** The API's error body as it came. */
  body?: unknown;
}

export function success(data: unknown): ToolResult {
  const text = data === undefined ? "" : typeof data === "string" ? data : JSON.stringify(data, null, 2);
  return { content: [{ type: "text", text }] };
}

export function failure(error: ToolErrorBody): ToolResult {
  return { content: [{ type: "text", text: JSON.stringify({ error }, null, 2) }], isError: true };
}

/** JSON:API error items' pointers → messages, by the pointer's last segment. */
export function fieldErrors(body: unknown): Record<string, string[]> | undefined {
  const errors = (body as { errors?: unknown })?.errors;
  if (!Array.isArray(errors)) return undefined;
  const fields: Record<string, string[]> = {};
  for (const item of errors) {
    const pointer = item?.source?.pointer ?? item?.source?.parameter;
    if (typeof pointer !== "string") continue;
    const field = pointer.split("/").filter(Boolean).at(-1) ?? pointer;
    const messages = fields[field] ?? [];
    messages.push(String(item.detail ?? item.title ?? "invalid"));
    fields[field] = messages;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/** The client's error class for an error status (the names the client's own errors have). */
export function errorClassFor(status: number, prefix: string): string {
  const named: Record<number, string> = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "ValidationError",
    429: "RateLimitError",
  };
  return named[status] ?? (status >= 500 ? "ServerError" : `${prefix}ApiError`);
}

/** The API's message: the first JSON:API error's detail or title, else a problem+json's, else the status. */
export function messageOf(body: unknown, fallback: string): string {
  const items = (body as { errors?: unknown })?.errors;
  const first = Array.isArray(items) ? items[0] : undefined;
  const problem = body as { detail?: unknown; title?: unknown; message?: unknown } | undefined;
  const text = first?.detail ?? first?.title ?? problem?.detail ?? problem?.message ?? problem?.title;
  return typeof text === "string" && text ? text : fallback;
}

export function requestIdOf(headers: Headers): string | undefined {
  for (const name of ["x-request-id", "request-id"]) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}
