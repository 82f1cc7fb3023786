// @ts-check
// A `content` key with a parameter that is not `name=value` (`text/plain; utf-8`, declared by real
// documents) breaks Prism both ways: a request sent with it is unparsable (500), and one sent with
// the well-formed value matches no declared type (415). The generated clients send the
// well-formed value (@sdkit/openapi's wellFormedMediaType); in the copy of the document Prism
// serves, the key is written the same way, for request bodies and responses alike.
import { derefOrRef, isObject, wellFormedMediaType } from "@sdkit/openapi";
import { operationsOf } from "./document-operations.js";

/**
 * Rewrites a content map's malformed keys (in place, order kept). A key whose well-formed value is
 * declared already stays as it is: the declared one wins.
 *
 * @param {Record<string, any>} holder an object with a `content` map
 * @returns {number} how many keys were rewritten
 */
function rewriteKeys(holder) {
  if (!isObject(holder.content)) return 0;
  const keys = Object.keys(holder.content);
  let rewritten = 0;
  const entries = keys.map((key) => {
    const wellFormed = wellFormedMediaType(key);
    if (wellFormed === key || keys.includes(wellFormed)) return [key, holder.content[key]];
    rewritten++;
    return [wellFormed, holder.content[key]];
  });
  if (rewritten > 0) holder.content = Object.fromEntries(entries);
  return rewritten;
}

/**
 * Writes every malformed media type key of request bodies and responses well-formed (in place).
 *
 * @param {Record<string, any>} spec
 * @returns {number} how many keys were rewritten
 */
export function wellFormedContentKeys(spec) {
  let rewritten = 0;
  const seen = new Set();
  /** @param {unknown} raw */
  const visit = (raw) => {
    const holder = derefOrRef(spec, raw);
    if (!isObject(holder) || seen.has(holder)) return;
    seen.add(holder);
    rewritten += rewriteKeys(holder);
  };
  for (const operation of operationsOf(spec)) {
    visit(operation.requestBody);
    if (isObject(operation.responses)) for (const response of Object.values(operation.responses)) visit(response);
  }
  return rewritten;
}
