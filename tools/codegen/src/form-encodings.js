// @ts-check
// A form body's Encoding Objects say how each field is written on the wire (`style`, `explode`, as
// for query parameters). The SDK's default form encoder writes OpenAPI's default (`form`, exploded:
// an array as the field repeated); where the document declares something else for a field (Stripe
// declares `deepObject` for every nested field: `metadata[key]=value`, `items[0][price]=...`), the
// generated descriptor carries the declared encodings to the core's `formEncoder`, so the request is
// the one the server (and the mock, which reads the body by the same declarations) expects.

const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;
const STYLES = new Set(["form", "deepObject", "spaceDelimited", "pipeDelimited"]);

/**
 * The fields of a form body whose declared encoding is not the default, as `formEncoder` takes
 * them; undefined when there is none (or the body is not a form).
 *
 * @param {string} media the body's media type
 * @param {unknown} mediaObject its Media Type Object
 * @returns {Record<string, { style?: string, explode?: boolean }> | undefined}
 */
export function declaredFormEncodings(media, mediaObject) {
  if (!FORM.test(media) || typeof mediaObject !== "object" || mediaObject === null) return undefined;
  const encoding = /** @type {{ encoding?: unknown }} */ (mediaObject).encoding;
  if (typeof encoding !== "object" || encoding === null) return undefined;
  /** @type {Record<string, { style?: string, explode?: boolean }>} */
  const declared = {};
  for (const [field, entry] of Object.entries(encoding)) {
    if (typeof entry !== "object" || entry === null) continue;
    const { style, explode } = /** @type {{ style?: unknown, explode?: unknown }} */ (entry);
    const knownStyle = typeof style === "string" && STYLES.has(style) ? style : undefined;
    const explodes = typeof explode === "boolean" ? explode : undefined;
    // `form` exploded (stated or by default) is what the default encoder writes already.
    if ((knownStyle ?? "form") === "form" && explodes !== false) continue;
    declared[field] = {
      ...(knownStyle ? { style: knownStyle } : {}),
      ...(explodes === undefined ? {} : { explode: explodes }),
    };
  }
  return Object.keys(declared).length > 0 ? declared : undefined;
}
