// How a request body that is not JSON is put on the wire. The generated descriptor of such an
// operation names its encoder, so an SDK whose operations are all JSON bundles none of this.

/**
 * A form field's text: a date as its ISO string (what `format: date-time` reads), other objects as
 * JSON, as OpenAPI's default `style: form` does not say more.
 */
function fieldText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
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

/**
 * How the document says one form field is written (its Encoding Object), where that is not the
 * default (`style: form`, `explode: true`).
 */
export interface FieldEncoding {
  style?: "form" | "deepObject" | "spaceDelimited" | "pipeDelimited";
  explode?: boolean;
}

/** A value a deepObject field spells out in brackets: an array or a plain object, not a file or a date. */
function isNested(value: unknown): value is object {
  return (
    Array.isArray(value) ||
    (typeof value === "object" && value !== null && !(value instanceof Blob) && !(value instanceof Date))
  );
}

/**
 * `deepObject`: every leaf as `name[key][key]=value`, array items by index (`name[0][key]`), as
 * servers that declare it (Stripe's, among others) read it; empty arrays and objects send nothing.
 */
function appendDeep(form: URLSearchParams, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (!isNested(value)) {
    form.append(name, fieldText(value));
    return;
  }
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, item] of entries) appendDeep(form, `${name}[${key}]`, item);
}

/** One field written as its encoding says (`style` and `explode` as for query parameters). */
function appendField(form: URLSearchParams, name: string, value: unknown, encoding: FieldEncoding): void {
  const style = encoding.style ?? "form";
  if (style === "deepObject") {
    appendDeep(form, name, value);
    return;
  }
  const explode = encoding.explode ?? style === "form";
  if (explode || !isNested(value)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, fieldText(item));
    return;
  }
  // Not exploded: one value, the items (or an object's keys and values) joined by the style's separator.
  const parts = Array.isArray(value) ? value : Object.entries(value).flat();
  const separator = style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : ",";
  form.append(name, parts.map(fieldText).join(separator));
}

/**
 * The encoder of a form whose document declares how some of its fields are written (`encoding`);
 * every other field is written as `encodeForm` writes it.
 */
export function formEncoder(encodings: Readonly<Record<string, FieldEncoding>>) {
  return (body: unknown): BodyInit | undefined => {
    if (body === undefined) return undefined;
    const form = new URLSearchParams();
    if (typeof body !== "object" || body === null) return form;
    for (const [name, value] of Object.entries(body)) {
      if (value === undefined || value === null) continue;
      const encoding = Object.hasOwn(encodings, name) ? encodings[name] : undefined;
      if (encoding) appendField(form, name, value, encoding);
      else for (const item of Array.isArray(value) ? value : [value]) form.append(name, fieldText(item));
    }
    return form;
  };
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
