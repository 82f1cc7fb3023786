import type { Client } from "openapi-fetch";
import type { FetchLike, SdkDefinition } from "./definition.js";
import { errorFromResponse } from "./error-from-response.js";
import type { PaginationDescriptor } from "./pagination.js";
import type { Redactor } from "./redaction.js";
import { fetchForCall, type RequestOptions, resultFor } from "./request-options.js";
import type { CallSettings } from "./transport.js";

// The runtime the generated resources call: every generated method is a descriptor of its
// operation plus one `call(...)`, so auth, the rate limiter, retries, timeouts, abort, redaction
// and error mapping live here and in the transport, once.

type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** What the generator knows about one operation, as data. */
export interface OperationDescriptor {
  operationId: string;
  /** `resource.method`, for messages. */
  sdkName: string;
  method: HttpMethod;
  /** The path template, `/v1/items/{itemId}`. */
  path: string;
  /** Resolve to this property of the success body (the spec's `x-sdk-unwrap`), not the whole body. */
  unwrap?: string;
  /** The properties the unwrapped value must have (its schema's `required`). */
  unwrapRequires?: readonly string[];
  /** The request body's media type when it is not JSON (a form, multipart, a file as is)... */
  bodyMediaType?: string;
  /** ...and its encoder (`encodeForm`, `encodeMultipart`, `encodeRaw` of ./body-encoding.ts). */
  encodeBody?: (body: unknown) => BodyInit | undefined;
  /** The success body's media type when it is not JSON: read as text or a Blob. */
  responseMediaType?: string;
  /**
   * The `Accept` header, where the operation declares more than a JSON answer: its success type
   * first, every other declared type at a lower quality, so that an error in another type than
   * the success body's (JSON beside a CSV export) is still acceptable to the server.
   */
  accept?: string;
  /** How the list operation pages (`x-sdk-pagination`): the method returns a PagePromise. */
  pagination?: PaginationDescriptor;
}

/** The request parts of one call, as openapi-fetch takes them. */
export interface OperationInput {
  path?: Record<string, unknown>;
  query?: unknown;
  header?: unknown;
  body?: unknown;
  /**
   * A request to send instead of the operation's path and parameters: its path, and openapi-fetch
   * options in place of `params` (a `Link` header's next page, built by pagination.ts, which checks
   * it is on the API's origin).
   */
  target?: { path: string; init: Record<string, unknown> };
}

/**
 * Sends one operation through the client and resolves to its (unwrapped) success body, or to
 * `{ data, response, requestId }` when the call asked `withResponse`. A method that several HTTP
 * verbs share (`upsert` with `{ method: "PUT" }`) passes its variants by verb and the verb chosen.
 */
export type OperationCaller = <T>(
  operation: OperationDescriptor | Readonly<Record<string, OperationDescriptor>>,
  input: OperationInput,
  options?: RequestOptions,
  verb?: unknown,
) => Promise<T>;

/**
 * The client's caller also carries the API's definition, its origin and redactor, for helpers
 * built on calls (pagination's errors and next-page URLs).
 */
export type CallerWithDefinition = OperationCaller & {
  readonly sdk?: SdkDefinition;
  readonly origin?: string | undefined;
  readonly redact?: Redactor;
};

type RequestFn = (method: HttpMethod, path: string, init: Record<string, unknown>) => Promise<FetchResult>;
interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Builds the caller the generated resources use, on the client's openapi-fetch instance (which
 * serialises path, query, header and body) and its transport (which each call may re-time).
 */
export function createOperationCaller(
  // biome-ignore lint/suspicious/noExplicitAny: the generated resources type each call; any `paths` fits here
  client: Client<any, "application/json">,
  transport: (settings?: CallSettings) => FetchLike,
  redact: Redactor,
  sdk: SdkDefinition,
  baseUrl?: string,
): OperationCaller {
  const defaultFetch = transport();
  // openapi-fetch's `request` is typed per path and method; the descriptors come from the same spec.
  const request = client.request as unknown as RequestFn;
  const origin = baseUrl === undefined ? undefined : new URL(baseUrl).origin;
  const call = async <T>(
    target: OperationDescriptor | Readonly<Record<string, OperationDescriptor>>,
    input: OperationInput,
    options: RequestOptions = {},
    verb?: unknown,
  ) => {
    let operation = target as OperationDescriptor;
    if (typeof target.path !== "string") {
      // Refuses anything but a declared verb, before a request is sent.
      const variants = target as Readonly<Record<string, OperationDescriptor>>;
      const chosen = typeof verb === "string" && Object.hasOwn(variants, verb) ? variants[verb] : undefined;
      if (!chosen) {
        const allowed = Object.keys(variants).map((name) => JSON.stringify(name));
        const name = Object.values(variants)[0]?.sdkName;
        throw new sdk.errors.Base(`${name}: method must be ${allowed.join(" or ")}, got ${JSON.stringify(verb)}`);
      }
      operation = chosen;
    }
    const next = input.target;
    // One literal, then only the members this operation needs: most are JSON and need none of them.
    const init: Record<string, unknown> = next
      ? { ...next.init, body: input.body }
      : { params: { path: input.path, query: input.query, header: input.header }, body: input.body };
    const { bodyMediaType, encodeBody, responseMediaType: answer, accept } = operation;
    if (encodeBody !== undefined) init.bodySerializer = encodeBody;
    if (bodyMediaType !== undefined || answer !== undefined || accept !== undefined) {
      const headers: Record<string, string> = {};
      // Multipart's Content-Type carries the boundary, which only fetch knows: openapi-fetch leaves
      // it to fetch for FormData.
      if (bodyMediaType !== undefined && !/^multipart\//i.test(bodyMediaType)) headers["Content-Type"] = bodyMediaType;
      // The client asks for JSON by default; an operation that declares other types asks for its
      // success type first (a descriptor without `accept` still names its text or binary answer).
      const acceptValue = accept ?? answer;
      if (acceptValue !== undefined) headers.Accept = acceptValue;
      if (answer !== undefined) init.parseAs = /^text\//i.test(answer) ? "text" : "blob";
      init.headers = headers;
    }
    init.signal = options.signal;
    init.fetch = fetchForCall(transport, defaultFetch, options);
    const { data, error, response } = await request(operation.method, next ? next.path : operation.path, init);
    if (!response.ok) throw errorFromResponse(response, error, redact, sdk);
    const value = operation.unwrap === undefined ? data : unwrap(operation, response, data, sdk);
    return resultFor(value, response, options) as T;
  };
  // The pagination helper is imported by the generated resources that page, not here, so that an
  // SDK without a paginated operation ships none of it.
  return Object.assign(call, { sdk, origin, redact }) as CallerWithDefinition;
}

/** The `unwrap` member of a success body, with the properties its schema requires. */
function unwrap(operation: OperationDescriptor, response: Response, body: unknown, sdk: SdkDefinition): unknown {
  const key = operation.unwrap as string;
  const value = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  const isRecord = typeof value === "object" && value !== null;
  const missing = isRecord
    ? (operation.unwrapRequires ?? []).find((name) => (value as Record<string, unknown>)[name] == null)
    : undefined;
  if (!isRecord || missing !== undefined) {
    // `items.create` → "an item id": what the caller was promised and did not get.
    const noun = (operation.sdkName.split(".")[0] ?? "").replace(/s$/, "");
    const what = missing === undefined ? `"${key}"` : `a ${noun} ${missing}`;
    throw new sdk.errors.Base(
      `${sdk.title} API responded ${response.status} without ${what} (expected { ${key}: { ${(operation.unwrapRequires ?? []).join(", ")} } }) for ${operation.sdkName}`,
    );
  }
  return value;
}
