// How a request body that is not JSON is put on the wire. The generated descriptor of such an
// operation names its encoder, so an SDK whose operations are all JSON bundles none of this.

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

/** `application/x-www-form-urlencoded`: an HTML form. */
export function encodeForm(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  const form = new URLSearchParams();
  for (const [name, value] of fields(body)) form.append(name, fieldText(value));
  return form;
}

/** `multipart/form-data` (file uploads): a `Blob` field is a file; fetch writes the boundary into Content-Type. */
export function encodeMultipart(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  const form = new FormData();
  for (const [name, value] of fields(body)) {
    if (value instanceof Blob) form.append(name, value);
    else form.append(name, fieldText(value));
  }
  return form;
}

/** Any other media type (`application/octet-stream`, `text/plain`, ...): the value as given. */
export function encodeRaw(body: unknown): BodyInit | undefined {
  return body as BodyInit | undefined;
}
