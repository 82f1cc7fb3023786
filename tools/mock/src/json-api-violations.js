// @ts-check

/**
 * Prism validates each request against the spec but, in mock mode, answers an invalid one with the
 * spec's 422 *example* and lists what it really found wrong only in the `sl-violations` header. These
 * functions turn that header into a JSON:API error document shaped like the operation's own example,
 * so a client sees the fields it actually got wrong. Nothing here knows any particular API: the
 * pointer prefix and the title come from the example Prism served.
 */

/**
 * One entry of Prism's `sl-violations` header.
 *
 * @typedef {{ location: Array<string | number>, severity?: string, code?: string | number, message: string }} Violation
 */

/**
 * A JSON:API error object.
 *
 * @typedef {{ title: string, detail: string, code?: string, source: { pointer: string, parameter?: string, header?: string } }} JsonApiError
 */

/**
 * How the operation's example reports errors: the JSON pointer prefix before a field name
 * (`source.pointer` minus its last segment, e.g. `/data/attributes`, or `""` for pointers straight
 * into the body) and the title it uses.
 *
 * @typedef {{ pointerPrefix: string, title: string }} ErrorStyle
 */

const DEFAULT_TITLE = "Invalid value";

/**
 * Parses the `sl-violations` header; `[]` when absent or unreadable.
 *
 * @param {string | string[] | undefined} header
 * @returns {Violation[]}
 */
export function parseViolations(header) {
  if (typeof header !== "string" || header === "") return [];
  try {
    const parsed = JSON.parse(header);
    return Array.isArray(parsed) ? parsed.filter(isViolation) : [];
  } catch {
    return [];
  }
}

/** @param {unknown} value @returns {value is Violation} */
function isViolation(value) {
  const candidate = /** @type {Partial<Violation> | null} */ (value);
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    Array.isArray(candidate.location) &&
    typeof candidate.message === "string"
  );
}

/** The members JSON:API allows at the top of a document that has `errors`, and in an error object. */
const TOP_LEVEL_MEMBERS = new Set(["errors", "meta", "jsonapi", "links"]);
const ERROR_MEMBERS = new Set(["id", "links", "status", "code", "title", "detail", "source", "meta"]);

/**
 * Reads the error style from an example body, or `undefined` when the example is not a JSON:API
 * error document (then the mock leaves Prism's answer alone).
 *
 * @param {unknown} example
 * @returns {ErrorStyle | undefined}
 */
export function errorStyleOf(example) {
  if (typeof example !== "object" || example === null) return undefined;
  const errors = /** @type {{ errors?: unknown }} */ (example).errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  /** @type {Array<{ title?: unknown, source?: { pointer?: unknown } }>} */
  const objects = errors.filter((error) => typeof error === "object" && error !== null);
  // Only members JSON:API defines, at the top and in each error: other formats have an `errors`
  // array too (GitHub's `{ message, documentation_url, errors: [{ resource, field, code }] }`), and
  // rewriting one of those into JSON:API would break its declared schema.
  const onlyJsonApi = (/** @type {object} */ value, /** @type {Set<string>} */ members) =>
    Object.keys(value).every((key) => members.has(key));
  if (!onlyJsonApi(example, TOP_LEVEL_MEMBERS) || objects.length !== errors.length) return undefined;
  if (!objects.every((error) => onlyJsonApi(error, ERROR_MEMBERS))) return undefined;
  const pointers = objects.map((error) => error.source?.pointer).filter((pointer) => typeof pointer === "string");
  const prefixes = pointers.map((pointer) => pointer.slice(0, Math.max(0, pointer.lastIndexOf("/"))));
  const titles = objects.map((error) => error.title).filter((title) => typeof title === "string");
  return { pointerPrefix: mostCommon(prefixes) ?? "", title: mostCommon(titles) ?? DEFAULT_TITLE };
}

/**
 * @template T
 * @param {T[]} values
 * @returns {T | undefined}
 */
function mostCommon(values) {
  /** @type {Map<T, number>} */
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

/** RFC 6901: `~` and `/` inside a segment are escaped. @param {string | number} segment */
function escapeSegment(segment) {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}

// Ajv's messages, as Prism words them: "Request body must have required property 'source'",
// "Request body property email must match format \"email\"", "Request body must be object".
const REQUIRED = /must have required property '([^']+)'/;
const BODY_SUBJECT = /^Request body(?: property \S+)? /;

/**
 * The JSON:API error for one violation: a pointer to the offending body field (a missing required
 * field is named from Ajv's message), or the parameter or header at fault.
 *
 * @param {Violation} violation
 * @param {ErrorStyle} style
 * @returns {JsonApiError}
 */
export function toJsonApiError(violation, { pointerPrefix, title }) {
  const [, where, ...path] = violation.location;
  const code = violation.code === undefined ? undefined : String(violation.code);
  if (where === "body") {
    const missing = REQUIRED.exec(violation.message)?.[1];
    const segments = missing === undefined ? path : [...path, missing];
    const detail = missing === undefined ? readable(violation) : "is required";
    // A violation of the body as a whole (say, not an object) points at the document root, "/".
    const pointer = segments.length === 0 ? "/" : `${pointerPrefix}/${segments.map(escapeSegment).join("/")}`;
    return withCode({ title, detail, source: { pointer } }, code);
  }
  const name = path.length > 0 ? String(path.join(".")) : undefined;
  /** @type {JsonApiError["source"]} */
  const source = { pointer: "/" };
  if (where === "query" || where === "path") source.parameter = name;
  else if (where === "header") source.header = name;
  return withCode({ title, detail: violation.message, source }, code);
}

/**
 * Ajv's message without its "Request body property x" subject (the pointer names the field), with
 * type lists spelled out: "must be string,null" reads "must be string or null".
 *
 * @param {Violation} violation
 */
function readable({ message, code }) {
  const detail = message.replace(BODY_SUBJECT, "");
  return code === "type"
    ? detail.replace(/^must be (\S+)$/, (_, types) => `must be ${types.split(",").join(" or ")}`)
    : detail;
}

/** @param {JsonApiError} error @param {string | undefined} code */
function withCode(error, code) {
  return code === undefined ? error : { ...error, code };
}

/**
 * The error document for a request Prism refused: one error per violation of severity "Error" (or
 * without a severity), or `undefined` when there are none to report.
 *
 * @param {Violation[]} violations
 * @param {ErrorStyle} style
 * @returns {{ errors: JsonApiError[] } | undefined}
 */
export function violationsDocument(violations, style) {
  const errors = violations
    .filter((violation) => violation.severity === undefined || violation.severity === "Error")
    .map((violation) => toJsonApiError(violation, style));
  return errors.length === 0 ? undefined : { errors };
}
