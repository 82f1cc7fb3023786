// What the generated SDK hands the core: every API-specific word and default (from sdk.config.json
// and the spec) and the error classes it declares under their configured names. The core imports
// nothing generated; the generated client file imports the core and passes this in.

import type { ErrorItem } from "./error-item.js";

/** The fetch signature openapi-fetch calls, and the one users may inject. */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** A security scheme the client can send: HTTP bearer or basic, or an API key in a header or the query. */
export type SecurityScheme =
  | { readonly name: string; readonly type: "http"; readonly scheme: "bearer" | "basic" }
  | { readonly name: string; readonly type: "apiKey"; readonly in: "header" | "query"; readonly parameter: string };

/** An operation that updates the record matching one of `keys` in its body (`x-sdk-match-keys`). */
export interface MatchKeysEntry {
  /** Upper-case HTTP method. */
  method: string;
  /** The path template, `/v1/items/{itemId}`. */
  path: string;
  keys: readonly string[];
}

/** An operation the API deduplicates by a key in `header` (`x-sdk-idempotency-key`, or the config's `idempotencyHeader`). */
export interface IdempotencyEntry {
  /** Upper-case HTTP method. */
  method: string;
  /** The path template, `/v1/items/{itemId}`. */
  path: string;
  header: string;
}

/** The fields every API error carries. */
export interface ApiErrorDetails {
  status: number;
  errors: ErrorItem[];
  headers: Record<string, string>;
  requestId: string | undefined;
}

/** What the core passes every status class: the details, and what 422 and 429 classes keep. */
export type StatusErrorDetails = ApiErrorDetails & {
  fieldErrors: Record<string, string[]>;
  retryAfterMs: number | undefined;
};

export interface ConnectionErrorOptions extends ErrorOptions {
  mayHaveBeenApplied?: boolean | undefined;
}

type ConnectionError = Error & { readonly mayHaveBeenApplied: boolean };
type ApiErrorClass = new (message: string, details: StatusErrorDetails) => Error;

/** The error classes, declared by the generated client file under the names the config gives them. */
export interface ErrorClasses {
  /** Base of every error the client throws: bad options, a broken response. */
  readonly Base: new (
    message: string,
  ) => Error;
  /** An error status no entry of `byStatus` covers. */
  readonly Api: ApiErrorClass;
  /** The one status → class mapping: 4xx statuses with a class of their own. */
  readonly byStatus: Readonly<Record<number, ApiErrorClass>>;
  /** Every 5xx status. */
  readonly Server: ApiErrorClass;
  readonly Connection: new (message: string, options?: ConnectionErrorOptions) => ConnectionError;
  readonly Timeout: new (
    timeoutMs: number,
    options?: ConnectionErrorOptions & { message?: string },
  ) => ConnectionError & { readonly timeoutMs: number };
  readonly Response: new (
    message: string,
    details: { status: number; requestId: string | undefined },
    options?: ErrorOptions,
  ) => Error;
}

/** Everything API-specific the core needs, as the generated client file declares it. */
export interface SdkDefinition {
  /** The API's name in messages: "<title> API responded 404". */
  readonly title: string;
  /** The factory's public name, for messages about its options. */
  readonly factory: string;
  /** The client type's public name, for `util.inspect`. */
  readonly clientType: string;
  /** The word log lines start with: `[<name>] request`. */
  readonly name: string;
  /** Environment variables read when an option is not passed. */
  readonly env: { readonly apiKey: string; readonly baseUrl: string; readonly log: string };
  /** A sentence on where to get a key, appended to the missing-key message. */
  readonly apiKeyHelp?: string | undefined;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly rateLimit: { readonly limit: number; readonly intervalMs: number } | false;
  /** `<package>/<version>`, the client's own product token in User-Agent. */
  readonly userAgent: string;
  /** The schemes sent by default, each with the API key; [] when the API declares none. */
  readonly security: readonly SecurityScheme[];
  /** Operations resent after a failure only when the body carries one of their keys. */
  readonly matchKeys: readonly MatchKeysEntry[];
  /**
   * The idempotency header of a request, for the operations sent with a key (a fresh one per call,
   * the same on each retry): `idempotencyLookup(entries)`, present only when the spec declares
   * some, so an SDK without them ships none of the lookup.
   */
  readonly idempotency?: ((method: string, url: string) => string | undefined) | undefined;
  readonly errors: ErrorClasses;
}
