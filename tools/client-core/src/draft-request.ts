// openapi-fetch builds a `Request` for every call and hands it to the transport, which reads its
// body back to build one Request per attempt (retries re-send the same bytes). In undici that
// first Request is the most expensive step of a call: a body stream, an AbortController and a
// Headers copy, then a stream read to get the bytes back. The client gives openapi-fetch this
// constructor instead (its `Request` option): it keeps what the transport reads (URL, method, the
// Headers openapi-fetch just built, the serialized body as it is) and builds nothing else.
//
// A draft is not a Request, so openapi-fetch's own middleware (`use`, or a call's `middleware`),
// which may call Request methods on it, gets real ones: the client switches back whenever any is
// registered (see client.ts).

/** What the transport reads of the request openapi-fetch made: a Request, or a draft of one. */
export interface OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** A draft's body as serialized (string, form, bytes, Blob, stream); a Request's body stream. */
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | null;
  readonly credentials?: RequestCredentials | undefined;
  readonly cache?: RequestCache | undefined;
  readonly integrity?: string | undefined;
  readonly keepalive?: boolean | undefined;
  /** Set on a draft: its headers are its own and its body is not a stream to read. */
  readonly draft?: true;
}

/**
 * The constructor openapi-fetch calls as `new Request(url, init)`: a draft while `useReal()` is
 * false, a real Request otherwise. (A constructor that returns an object makes `new` yield it.)
 */
export function draftRequestClass(useReal: () => boolean): typeof Request {
  function DraftRequest(url: string, init: RequestInit = {}): OutgoingRequest | Request {
    if (useReal()) return new Request(url, init);
    const { headers } = init;
    // Exactly what the transport reads, named one by one: an object literal of one fixed shape per
    // call is cheaper to build (and to read) than a spread of whatever openapi-fetch put in `init`.
    return {
      url,
      method: init.method ?? "GET",
      headers: headers instanceof Headers ? headers : new Headers(headers),
      body: init.body ?? null,
      signal: init.signal ?? null,
      credentials: init.credentials,
      cache: init.cache,
      integrity: init.integrity,
      keepalive: init.keepalive,
      draft: true,
    };
  }
  // openapi-fetch checks what its middleware returns with `instanceof` this constructor.
  DraftRequest.prototype = Request.prototype;
  return DraftRequest as unknown as typeof Request;
}
