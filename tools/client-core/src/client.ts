import type { SdkDefinition } from "./definition.js";
import { draftRequestClass } from "./draft-request.js";
import { type Client, createClient } from "./openapi-fetch.js";
import { createOperationCaller, type OperationCaller } from "./operation.js";
import { type ClientOptions, resolveOptions } from "./options.js";
import { SlidingWindowRateLimiter } from "./rate-limiter.js";
import { createRedactor, REDACTED } from "./redaction.js";
import { createTransport } from "./transport.js";

/** The typed openapi-fetch surface (`POST`, `PUT`, `use`, ...), the generated resources, and the origin. */
export type SdkClient<Paths extends {}, Resources> = Client<Paths, "application/json"> &
  Resources & { readonly baseUrl: string };

// Node's util.inspect looks this symbol up; using Symbol.for avoids importing node:util.
const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/**
 * Creates a client: what the generated factory calls with the API's definition and its resources.
 * Fails at once on a missing API key, bad options, or (unless `dangerouslyAllowBrowser`) in a browser.
 */
export function createSdkClient<Paths extends {}, Resources>(
  options: ClientOptions,
  sdk: SdkDefinition,
  createResources: (call: OperationCaller) => Resources,
): SdkClient<Paths, Resources> {
  const resolved = resolveOptions(options, sdk);
  const redact = createRedactor(resolved.secrets);
  // The key lives only in the transport's closure: no property of the client holds it, so neither
  // JSON.stringify nor util.inspect nor a debugger's object view can show it.
  const transport = createTransport({
    ...resolved,
    limiter: resolved.rateLimit === false ? undefined : new SlidingWindowRateLimiter(resolved.rateLimit),
    redact,
    sdk,
  });
  // openapi-fetch's own middleware may use Request methods: once any is registered (`use`, or a
  // call's `middleware`), openapi-fetch builds real Requests instead of drafts (draft-request.ts).
  let realRequests = false;
  // Ask for JSON, and for the JSON error formats (RFC 9457 problem+json, JSON:API): a spec that also
  // offers XML (Petstore) would otherwise get whatever the server prefers.
  const api = createClient<Paths, "application/json">({
    baseUrl: resolved.baseUrl,
    fetch: transport(),
    headers: { Accept: "application/json, application/problem+json, application/vnd.api+json" },
    Request: draftRequestClass(() => realRequests),
  });
  // The generated methods call openapi-fetch's own `request` (never with its middleware).
  const resources = createResources(createOperationCaller(api, transport, redact, sdk, resolved.baseUrl));
  // biome-ignore lint/suspicious/noExplicitAny: re-wrapping openapi-fetch's methods whatever their types
  const methods = api as unknown as Record<string, (...args: any[]) => unknown>;
  for (const name in methods) {
    const method = methods[name] as (...args: unknown[]) => unknown;
    // `request(method, url, init)`; the verbs are `VERB(url, init)`.
    const at = name === "request" ? 2 : 1;
    methods[name] = (...args) => {
      if (name === "use") realRequests = true;
      else if (args[at]?.middleware?.length) args[at] = { ...args[at], Request };
      return method(...args);
    };
  }
  const summary = () => ({
    baseUrl: resolved.baseUrl,
    apiKey: REDACTED,
    timeoutMs: resolved.timeoutMs,
    totalTimeoutMs: resolved.totalTimeoutMs,
    maxRetries: resolved.maxRetries,
    rateLimit: resolved.rateLimit,
  });
  const client = { ...api, ...resources, baseUrl: resolved.baseUrl };
  Object.defineProperties(client, {
    toJSON: { value: summary },
    [inspectSymbol]: {
      value: (_depth: number, inspectOptions: unknown, inspect?: (value: unknown, options: unknown) => string) =>
        `${sdk.clientType} ${inspect ? inspect(summary(), inspectOptions) : JSON.stringify(summary())}`,
    },
  });
  return client;
}
