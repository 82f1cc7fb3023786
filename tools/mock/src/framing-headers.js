// @ts-check
// Real documents list the headers their server was seen to send, framing ones included
// (`Content-Length`, `Transfer-Encoding`, `Connection`, `Content-Encoding`: Notion's does). Prism
// answers every declared header with a value made from its schema, so it sends a made-up
// `Content-Length` beside a chunked body, or a `Content-Encoding` the body does not have, and no
// HTTP client (the mock's own proxy first) can read that answer. These headers describe how the
// message is carried, which is the HTTP server's to say, not the API's: in the copy of the document
// Prism serves, responses do not declare them.
import { isObject } from "@sdkit/openapi";
import { responsesOf } from "./document-operations.js";

/** Headers about the message's framing and the connection (RFC 9110 §7.6.1, §8.4, §8.6; RFC 9112 §6). */
const FRAMING = new Set([
  "connection",
  "content-encoding",
  "content-length",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/**
 * Drops the framing headers every response declares (in place); a response shared through
 * components is changed once.
 *
 * @param {Record<string, any>} spec
 * @returns {number} how many header declarations were dropped
 */
export function dropFramingHeaders(spec) {
  let dropped = 0;
  for (const response of responsesOf(spec)) {
    if (!isObject(response.headers)) continue;
    for (const name of Object.keys(response.headers)) {
      if (!FRAMING.has(name.toLowerCase())) continue;
      delete response.headers[name];
      dropped++;
    }
  }
  return dropped;
}
