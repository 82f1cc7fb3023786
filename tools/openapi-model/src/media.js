// @ts-check
// The one rule for "a JSON media type" across the toolchain: the generators, the contract harness,
// the docs and spec-update decide which body is JSON the same way.

/**
 * Whether a media type (a Content-Type value or a key of an OpenAPI `content` map) is JSON: its
 * subtype is `json` (`application/json`, `text/json`) or ends in the structured suffix `+json`
 * (RFC 6839: `application/problem+json`, `application/vnd.api+json`). Parameters (`; charset=utf-8`)
 * and case do not matter. Wildcards are not JSON: `*\/*` says nothing about the body.
 *
 * @param {string} media
 */
export function isJsonMedia(media) {
  const essence = media.split(";")[0]?.trim().toLowerCase() ?? "";
  const slash = essence.indexOf("/");
  if (slash <= 0) return false;
  const subtype = essence.slice(slash + 1);
  return subtype === "json" || (subtype.endsWith("+json") && subtype.length > "+json".length);
}

/**
 * The JSON media type of an OpenAPI `content` map, the one a JSON client sends or reads:
 * `application/json` when declared, else the first JSON one in document order. Undefined when
 * none is JSON (or `content` is not an object).
 *
 * @param {unknown} content
 * @returns {string | undefined}
 */
export function jsonMediaOf(content) {
  if (content === null || typeof content !== "object" || Array.isArray(content)) return undefined;
  const keys = Object.keys(content);
  return keys.find((key) => key.trim().toLowerCase() === "application/json") ?? keys.find(isJsonMedia);
}

/** A parameter RFC 9110 §5.6.6 allows: `token=token` or `token="quoted string"`. */
const PARAMETER = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+=([!#$%&'*+.^_`|~0-9A-Za-z-]+|"([^"\\]|\\.)*")$/;

/**
 * A media type as a well-formed Content-Type value: its type and subtype, then only the parameters
 * that are `name=value` (RFC 9110 §8.3.1). Real documents declare keys such as
 * `text/plain; utf-8`; sent as they are, a server's parser refuses the request (Prism answers 500).
 * Whitespace around the parts is dropped; what remains is kept as written.
 *
 * @param {string} media
 * @returns {string}
 */
export function wellFormedMediaType(media) {
  const [essence = "", ...parameters] = media.split(";").map((part) => part.trim());
  return [essence, ...parameters.filter((parameter) => PARAMETER.test(parameter))].join("; ");
}
