/** One request/response pair as it crossed the wire, for assertions and failure messages. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Headers;
  status: number;
  headers: Headers;
  /**
   * The response body parsed as JSON, or its text when it is not JSON; `undefined` when the answer
   * has no body (a 204, a HEAD, an error declared without content): "no document", as openapi-fetch
   * reads it, not an empty string.
   */
  body: unknown;
  /**
   * The body's bytes as they came (`undefined` when `body` is): what a value the client read as a
   * file (a Blob) or as text is compared with, since `body` is parsed as JSON whenever the text
   * happens to be JSON, whatever its media type (a file whose bytes are `{}`).
   */
  bytes?: Uint8Array;
  /** Prism's `sl-violations` header: what it found wrong with the request or the response. */
  violations: PrismViolation[];
}

export interface PrismViolation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

export interface RecordingFetchOptions {
  /** Adds `Prefer` (Prism: `code=429` picks the response) to every request. */
  prefer?: string;
  /** Removes the Authorization header the client adds, to send a request without a key. */
  dropAuthorization?: boolean;
  /** Also removes these headers and query parameters (the document's other credentials). */
  dropCredentials?: { headers: readonly string[]; query: readonly string[] };
}

/**
 * A fetch for the client's `fetch` option: it sees requests after the client has added its
 * headers, so it can remove or add some, and it records every exchange.
 */
export function recordingFetch(options: RecordingFetchOptions = {}) {
  const exchanges: Exchange[] = [];
  const fetchLike = async (input: Request, init?: RequestInit): Promise<Response> => {
    let request = new Request(input, init);
    const headers = new Headers(request.headers);
    if (options.dropAuthorization) {
      headers.delete("authorization");
      for (const name of options.dropCredentials?.headers ?? []) headers.delete(name);
      const url = new URL(request.url);
      for (const name of options.dropCredentials?.query ?? []) url.searchParams.delete(name);
      if (url.href !== request.url) request = new Request(url, request);
    }
    if (options.prefer) headers.set("prefer", options.prefer);
    const sent = new Request(request, { headers });
    const response = await fetch(sent);
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    // Decoded as Response#text() decodes (UTF-8, a leading BOM dropped).
    const text = new TextDecoder().decode(bytes);
    exchanges.push({
      method: sent.method,
      url: sent.url,
      requestHeaders: headers,
      status: response.status,
      headers: response.headers,
      body: text === "" ? undefined : parseJson(text),
      ...(bytes.length === 0 ? {} : { bytes }),
      violations: parseViolations(response.headers.get("sl-violations")),
    });
    return response;
  };
  return {
    fetch: fetchLike,
    exchanges,
    last(): Exchange {
      const exchange = exchanges.at(-1);
      if (!exchange) throw new Error("no request was sent");
      return exchange;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function parseViolations(header: string | null): PrismViolation[] {
  if (!header) return [];
  try {
    return JSON.parse(header) as PrismViolation[];
  } catch {
    return [{ location: [], severity: "Error", message: `unreadable sl-violations header: ${header}` }];
  }
}

/** Prism's response findings (it checks every answer, mocked or proxied, against the spec). */
export function responseViolations(exchange: Exchange): string[] {
  const found = exchange.violations.filter((violation) => violation.location[0] === "response");
  // A proxied answer that broke the spec comes back as Prism's 500 problem document, which lists
  // the findings in its body too (and only there when Prism could not add the header).
  // Any body may have a `type` member (GitHub's issue has an object there): only Prism's string one counts.
  const body = exchange.body as { type?: unknown; validation?: PrismViolation[] } | undefined;
  const type = typeof body === "object" && body !== null ? body.type : undefined;
  if (typeof type === "string" && type.endsWith("#VIOLATIONS") && Array.isArray(body?.validation)) {
    for (const violation of body.validation)
      if (!found.some((seen) => seen.message === violation.message)) found.push(violation);
  }
  return found.map((violation) => `${violation.location.join(".")}: ${violation.message}`);
}
