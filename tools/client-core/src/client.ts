import type { paths } from "@hatch-api/types";
import { createOperationCaller } from "./core/operation.js";
import type { GeneratedResources } from "./generated/index.js";
import { createResources } from "./generated/resources.js";
import { SDK_CONFIG } from "./generated/sdk-config.js";
import { type Client, createClient } from "./openapi-fetch.js";
import { resolveOptions, type SdkClientOptions } from "./options.js";
import { SlidingWindowRateLimiter } from "./rate-limiter.js";
import { createRedactor, REDACTED } from "./redaction.js";
import { createTransport } from "./transport.js";

// These three are exported under the names sdk.config.json gives them (`client.factory`,
// `client.type` and `<client.type>Options`) by the generated src/generated/client-names.ts.
export type { SdkClientOptions };

/**
 * The typed openapi-fetch surface (`POST`, `PUT`, `use`, ...) plus the generated resources, one per
 * tag of the spec with one method per operation (`contacts.upsert`).
 */
export interface SdkClient extends Client<paths, "application/json">, GeneratedResources {
  /** The API origin this client talks to. */
  readonly baseUrl: string;
}

// Node's util.inspect looks this symbol up; using Symbol.for avoids importing node:util.
const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/**
 * Creates a client for Hatch's public REST API. Fails at once on a missing API key, bad options,
 * or (unless `dangerouslyAllowBrowser`) in a browser.
 */
export function createSdkClient(options: SdkClientOptions = {}): SdkClient {
  const resolved = resolveOptions(options);
  const redact = createRedactor(resolved.secrets);
  // The key lives only in the transport's closure: no property of the client holds it, so neither
  // JSON.stringify nor util.inspect nor a debugger's object view can show it.
  const transport = createTransport({
    ...resolved,
    limiter: resolved.rateLimit === false ? undefined : new SlidingWindowRateLimiter(resolved.rateLimit),
    redact,
  });
  // Ask for JSON, and for the JSON error formats (RFC 9457 problem+json, JSON:API): a spec that also
  // offers XML (Petstore) would otherwise get whatever the server prefers.
  const api = createClient<paths, "application/json">({
    baseUrl: resolved.baseUrl,
    fetch: transport(),
    headers: { Accept: "application/json, application/problem+json, application/vnd.api+json" },
  });
  const summary = () => ({
    baseUrl: resolved.baseUrl,
    apiKey: REDACTED,
    timeoutMs: resolved.timeoutMs,
    totalTimeoutMs: resolved.totalTimeoutMs,
    maxRetries: resolved.maxRetries,
    rateLimit: resolved.rateLimit,
  });

  const resources = createResources(createOperationCaller(api, transport, redact));
  const client = { ...api, ...resources, baseUrl: resolved.baseUrl };
  Object.defineProperties(client, {
    toJSON: { value: summary },
    [inspectSymbol]: {
      value: (_depth: number, inspectOptions: unknown, inspect?: (value: unknown, options: unknown) => string) =>
        `${SDK_CONFIG.client.type} ${inspect ? inspect(summary(), inspectOptions) : JSON.stringify(summary())}`,
    },
  });
  return client;
}
