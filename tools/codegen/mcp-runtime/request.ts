import type { ToolSpec } from "./tool-spec.js";

/** A tool call's arguments that cannot become a request (nothing is sent). */
export class ArgumentError extends Error {
  override name = "ArgumentError";
}

/** The request parts of one call, as openapi-fetch takes them. */
export interface RequestParts {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  body?: unknown;
}

/**
 * Sorts a tool call's arguments into path, query, header and body. Checks only what would make the
 * request malformed (a missing path parameter, an argument the tool does not have): the API
 * validates the values, and its 422 names the fields in its own words.
 */
export function requestFor(tool: ToolSpec, args: Record<string, unknown> | undefined): RequestParts {
  const given = args ?? {};
  const known = new Set(tool.arguments.map((a) => a.property));
  const unknown = Object.keys(given).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    const allowed = [...known].join(", ") || "none";
    throw new ArgumentError(`${tool.name}: unknown argument ${unknown.join(", ")} (arguments: ${allowed})`);
  }
  const missing = tool.arguments.filter((a) => a.required && given[a.property] === undefined).map((a) => a.property);
  if (missing.length > 0) throw new ArgumentError(`${tool.name}: missing required argument ${missing.join(", ")}`);
  const parts: RequestParts = { path: {}, query: {}, header: {} };
  for (const argument of tool.arguments) {
    const value = given[argument.property];
    if (value === undefined) continue;
    if (argument.in === "body") parts.body = value;
    else if (argument.in === "header")
      parts.header[argument.name] = typeof value === "string" ? value : JSON.stringify(value);
    else parts[argument.in][argument.name] = value;
  }
  return parts;
}

/** How a non-JSON body is sent: a form as `a=1&b=2`, text as given. Undefined: openapi-fetch's JSON. */
export function bodySerializerFor(tool: ToolSpec): ((body: unknown) => BodyInit) | undefined {
  const media = tool.bodyMediaType;
  if (media === undefined) return undefined;
  if (/^application\/x-www-form-urlencoded\b/i.test(media)) {
    return (body) => {
      const form = new URLSearchParams();
      for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
        if (value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [value]) {
          form.append(key, typeof item === "object" && item !== null ? JSON.stringify(item) : String(item));
        }
      }
      return form;
    };
  }
  return (body) => (typeof body === "string" ? body : JSON.stringify(body));
}
