/**
 * One problem reported by an error response, whatever format carried it (JSON:API `errors[]`,
 * RFC 9457 `invalid-params`, `{ message, field }` items), in the shape of a JSON:API error object.
 * Defined here rather than taken from the spec's types: the client core serves any API, and the
 * formats it reads are its own business, not the spec's.
 */
export interface ErrorItem {
  title: string;
  detail: string;
  source: {
    /** A JSON pointer to the offending field ("" when the response names none). */
    pointer: string;
  };
}
