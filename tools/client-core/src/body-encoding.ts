/**
 * How a request body is put on the wire, from the media type the spec declares for it: JSON (the
 * default, openapi-fetch's own), an HTML form (`application/x-www-form-urlencoded`), multipart
 * (`multipart/form-data`, e.g. file uploads) or the value as is (`application/octet-stream`,
 * `text/plain`, ...).
 */
export type BodyEncoding = "json" | "form" | "multipart" | "raw";

/** The encoding of a declared request media type. */
export function bodyEncodingOf(mediaType: string): BodyEncoding {
  const type = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/x-www-form-urlencoded") return "form";
  if (type === "multipart/form-data") return "multipart";
  if (type === "application/json" || type.endsWith("+json") || type === "*/*" || type === "") return "json";
  return "raw";
}

/** A form field's text: objects (other than files) as JSON, as OpenAPI's default `style: form` does not say more. */
function fieldText(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

/** Each field once, or once per item of an array (`explode: true`, OpenAPI's default for forms). */
function fields(body: unknown): Array<[string, unknown]> {
  if (typeof body !== "object" || body === null) return [];
  const entries: Array<[string, unknown]> = [];
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) entries.push([name, item]);
  }
  return entries;
}

/**
 * Serialises a body for openapi-fetch's `bodySerializer`. Multipart bodies are `FormData`, whose
 * boundary fetch writes into Content-Type itself; form bodies are `URLSearchParams`.
 */
export function encodeRequestBody(encoding: BodyEncoding, body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  switch (encoding) {
    case "form": {
      const form = new URLSearchParams();
      for (const [name, value] of fields(body)) form.append(name, fieldText(value));
      return form;
    }
    case "multipart": {
      const form = new FormData();
      for (const [name, value] of fields(body)) {
        if (value instanceof Blob) form.append(name, value);
        else form.append(name, fieldText(value));
      }
      return form;
    }
    case "raw":
      return body as BodyInit;
    default:
      return JSON.stringify(body);
  }
}
