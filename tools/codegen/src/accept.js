// @ts-check
// The `Accept` header of one operation. A client that asks only for its success type (`text/csv`)
// leaves a server no acceptable way to send an error in another type (JSON), so content
// negotiation serves the success body instead of the error: Prism does exactly that when asked
// for a 404 of a CSV export. The success type comes first; every other type the operation's
// responses declare follows at a lower quality, so an error body in its own type is still accepted.
import { derefOrRef, isObject, wellFormedMediaType } from "@sdkit/openapi";

/** The quality of the media types other than the success one: any value below 1 ranks them after it. */
export const OTHER_MEDIA_QUALITY = "0.9";

/**
 * What the client core asks for on every request (its `Accept` in client.ts): an operation whose
 * only declared type is one of these needs no `Accept` of its own. A JSON type outside it
 * (`application/vnd.siren+json`, `application/geo+json`) does: a server that negotiates strictly
 * (Prism does) answers 406 to a request that accepts none of the types it may send.
 */
export const CLIENT_DEFAULT_ACCEPT = Object.freeze([
  "application/json",
  "application/problem+json",
  "application/vnd.api+json",
]);

/** @param {string} media a media type without its parameters, lower case, for comparing */
const essence = (media) => media.split(";")[0]?.trim().toLowerCase() ?? "";

/**
 * Every media type the operation's responses declare, in document order, each once (compared
 * without parameters and case). A response `$ref` that leads nowhere declares none.
 *
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} operation an Operation Object
 * @returns {string[]}
 */
export function declaredResponseMedia(spec, operation) {
  /** @type {Map<string, string>} */
  const byEssence = new Map();
  for (const raw of Object.values(isObject(operation.responses) ? operation.responses : {})) {
    const response = derefOrRef(spec, raw);
    if (!isObject(response) || !isObject(response.content)) continue;
    for (const media of Object.keys(response.content)) {
      const key = essence(media);
      if (key !== "" && !byEssence.has(key)) byEssence.set(key, media.trim());
    }
  }
  return [...byEssence.values()];
}

/**
 * The operation's `Accept` value: its success media type first, then every other declared one at
 * `q=0.9`. Undefined where the client's default is right: no success body, or a success body of a
 * type the default lists and no other declared type.
 *
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} operation an Operation Object
 * @param {string | undefined} successMedia the success body's media type (the model's `success.media`)
 * @returns {string | undefined}
 */
export function acceptHeaderOf(spec, operation, successMedia) {
  if (successMedia === undefined) return undefined;
  const first = essence(successMedia);
  const others = declaredResponseMedia(spec, operation).filter((media) => essence(media) !== first);
  if (others.length === 0 && CLIENT_DEFAULT_ACCEPT.includes(first)) return undefined;
  // Sent as well-formed values: a document's `text/plain; utf-8` would make the header unparsable.
  return [
    wellFormedMediaType(successMedia),
    ...others.map((media) => `${wellFormedMediaType(media)};q=${OTHER_MEDIA_QUALITY}`),
  ].join(", ");
}
