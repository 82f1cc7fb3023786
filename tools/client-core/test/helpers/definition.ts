import type { SdkDefinition } from "../.generated/sdk/core/definition.js";
import { type ClientOptions, resolveOptions } from "../.generated/sdk/core/options.js";
import { createRedactor } from "../.generated/sdk/core/redaction.js";
import type { TransportOptions } from "../.generated/sdk/core/transport.js";
import * as acme from "../.generated/sdk/index.js";

/** The fixture SDK's definition, as its generated client.ts passes it to the core. */
export const sdk: SdkDefinition = {
  title: "Acme",
  factory: "createAcmeClient",
  clientType: "AcmeClient",
  name: "acme",
  env: { apiKey: "ACME_API_KEY", baseUrl: "ACME_BASE_URL", log: "ACME_LOG" },
  baseUrl: acme.DEFAULT_BASE_URL,
  timeoutMs: acme.DEFAULT_TIMEOUT_MS,
  maxRetries: acme.DEFAULT_MAX_RETRIES,
  rateLimit: acme.DEFAULT_RATE_LIMIT,
  userAgent: "@acme/client/0.0.0",
  security: [{ name: "keyAuth", type: "http", scheme: "bearer" }],
  matchKeys: [],
  errors: {
    Base: acme.AcmeError,
    Api: acme.AcmeApiError,
    byStatus: {
      400: acme.BadRequestError,
      401: acme.AuthenticationError,
      403: acme.PermissionDeniedError,
      404: acme.NotFoundError,
      409: acme.ConflictError,
      422: acme.ValidationError,
      429: acme.RateLimitError,
    },
    Server: acme.ServerError,
    Connection: acme.AcmeConnectionError,
    Timeout: acme.AcmeTimeoutError,
    Response: acme.AcmeResponseError,
  },
};

/** What `createTransport` takes, from client options resolved as the factory resolves them (no limiter). */
export function transportOptions(
  options: ClientOptions & Pick<TransportOptions, "random" | "now">,
  definition: SdkDefinition = sdk,
): TransportOptions {
  const resolved = resolveOptions({ rateLimit: false, ...options }, definition);
  return {
    ...resolved,
    limiter: undefined,
    redact: createRedactor(resolved.secrets),
    sdk: definition,
    random: options.random,
    now: options.now,
  };
}
