// @ts-check
// @sdkit/client-core: the client core's TypeScript sources (src/), which the SDK generator copies
// into every generated SDK, and the renderer of the one generated file that gives the core its
// API: the configured names (factory, client and options types, error classes) and defaults.
// The error classes' fields are `declare`d and set in their constructors: no field initialisers
// to ship or run.
import { readdirSync, readFileSync } from "node:fs";
import { renderWebhookErrorClasses } from "./webhook-errors.js";

const SOURCES = new URL("./src/", import.meta.url);

/**
 * The core's files, as they are written under `<out>/core/`: name → contents.
 *
 * @param {string} header the first comment line of every file (what generated it)
 * @returns {Map<string, string>}
 */
export function coreFiles(header) {
  /** @type {Map<string, string>} */
  const files = new Map();
  for (const name of readdirSync(SOURCES)
    .filter((file) => file.endsWith(".ts"))
    .sort()) {
    files.set(`core/${name}`, `// ${header}\n${readFileSync(new URL(name, SOURCES), "utf8")}`);
  }
  return files;
}

/**
 * @typedef {{
 *   name: string, title: string,
 *   packages: { types: string, client: string },
 *   client: { factory: string, type: string },
 *   env: { apiKey: string, baseUrl: string, log: string },
 *   apiKeyHelp?: string, baseUrl: string,
 *   rateLimit: { limit: number, intervalMs: number } | false,
 *   userAgent: string,
 *   retry: { maxRetries: number, timeoutMs: number },
 * }} ClientConfig the part of sdk.config.json the client file is made from
 */

/** `my-api` → `MyApi`: the prefix of the API-specific error class names. @param {string} name */
export function errorPrefix(name) {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join("");
}

/**
 * The names the generated client file declares, all from the config: the factory, the client type,
 * its options type, the logger type and the API-specific error classes. The other error classes
 * have fixed neutral names (NEUTRAL_ERRORS).
 *
 * @param {ClientConfig} config
 */
export function clientFileNames(config) {
  const prefix = errorPrefix(config.name);
  return {
    factory: config.client.factory,
    type: config.client.type,
    options: `${config.client.type}Options`,
    logger: `${prefix}Logger`,
    error: `${prefix}Error`,
    apiError: `${prefix}ApiError`,
    connectionError: `${prefix}ConnectionError`,
    timeoutError: `${prefix}TimeoutError`,
    responseError: `${prefix}ResponseError`,
  };
}

/** The status classes: fixed names, each a subclass of the API error class, and their status. */
export const NEUTRAL_ERRORS = Object.freeze([
  [
    "BadRequestError",
    400,
    "the request was malformed (for example, its body was not valid JSON). Retrying will not help.",
  ],
  ["AuthenticationError", 401, "the API key is missing, unknown or revoked. Retrying will not help."],
  ["PermissionDeniedError", 403, "the API key is valid but not allowed to do this."],
  ["NotFoundError", 404, "the resource (or the path) does not exist."],
  ["ConflictError", 409, "the request conflicts with the resource's current state."],
  ["ValidationError", 422, "a value was refused. `fieldErrors` maps each offending field to its messages."],
  ["RateLimitError", 429, "over the rate limit, after the client's retries."],
]);

/**
 * The generated client file: the error classes, the one status → error class mapping (also the
 * `ErrorFor` type the resources declare their errors with), the defaults, the options and client
 * types and the factory, every API-specific word from the config.
 *
 * @param {{
 *   config: ClientConfig,
 *   security: ReadonlyArray<Record<string, string>>,
 *   matchKeys: ReadonlyArray<{ method: string, path: string, keys: readonly string[] }>,
 *   idempotency?: ReadonlyArray<{ method: string, path: string, header: string }>,
 *   version: string,
 *   typesModule: string,
 *   header: string,
 *   webhooks?: boolean,
 * }} input `webhooks`: the document declares webhooks (their error classes are declared here)
 */
export function renderClientFile({
  config,
  security,
  matchKeys,
  idempotency = [],
  version,
  typesModule,
  header,
  webhooks = false,
}) {
  const n = clientFileNames(config);
  const api = `the ${config.title} API`;
  const j = JSON.stringify;
  const rateLimit = config.rateLimit;
  const rateLimitType = rateLimit
    ? `{ readonly limit: ${rateLimit.limit}; readonly intervalMs: ${rateLimit.intervalMs} }`
    : "false";
  const rateLimitValue = rateLimit ? `{ limit: ${rateLimit.limit}, intervalMs: ${rateLimit.intervalMs} }` : "false";
  const statusClasses = NEUTRAL_ERRORS.map(([name, status, what]) => {
    const doc = `/** ${status}: ${what} */`;
    if (name === "ValidationError") {
      return `${doc}
export class ValidationError extends ${n.apiError} {
  override name = "ValidationError";
  /** Field name (the last segment of each error's \`source.pointer\`) → messages. */
  declare readonly fieldErrors: Record<string, string[]>;

  constructor(message: string, details: ${n.apiError}Details & { fieldErrors: Record<string, string[]> }) {
    super(message, details);
    this.fieldErrors = details.fieldErrors;
  }
}`;
    }
    if (name === "RateLimitError") {
      return `${doc}
export class RateLimitError extends ${n.apiError} {
  override name = "RateLimitError";
  /** How long the server asked to wait (from \`Retry-After\`), when it said. */
  declare readonly retryAfterMs: number | undefined;

  constructor(message: string, details: ${n.apiError}Details & { retryAfterMs: number | undefined }) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}`;
    }
    return `${doc}\nexport class ${name} extends ${n.apiError} {\n  override name = ${j(name)};\n}`;
  });
  const rateLimitDoc = rateLimit
    ? `Default \`{ limit: ${rateLimit.limit}, intervalMs: ${rateLimit.intervalMs} }\`, the limit ${api} documents; \`false\` turns it off.`
    : "Default none (`false`): pass `{ limit, intervalMs }` to turn one on.";
  return `// ${header}
// (the client's names and defaults: sdk.config.json; the core in ./core is @sdkit/client-core's)
import type { Client } from "openapi-fetch";
import type { paths } from ${j(typesModule)};
import type { AuthOption } from "./core/auth.js";
import { createSdkClient } from "./core/client.js";
${idempotency.length > 0 ? 'import { idempotencyLookup } from "./core/idempotency.js";\n' : ""}import type { ApiErrorDetails, ConnectionErrorOptions, FetchLike, SdkDefinition } from "./core/definition.js";
import type { ErrorItem } from "./core/error-item.js";
import type { Middleware } from "./core/middleware.js";
import type { RateLimitOptions } from "./core/rate-limiter.js";
import type { ResendRule } from "./core/resend-rule.js";
import { createResources, type GeneratedResources } from "./resources.js";

/** Base class of every error the client throws. */
export class ${n.error} extends Error {
  override name = ${j(n.error)};
}

interface ${n.apiError}Details extends ApiErrorDetails {}

/** ${config.title} answered with an error status. */
export class ${n.apiError} extends ${n.error} {
  override name = ${j(n.apiError)};
  /** The HTTP status code. */
  declare readonly status: number;
  /** The error objects of the response body (empty when the body had none). */
  declare readonly errors: ErrorItem[];
  /** The response headers, lower-cased names. */
  declare readonly headers: Record<string, string>;
  /** The server's request id, when a response header carries one: quote it to ${config.title} support. */
  declare readonly requestId: string | undefined;

  constructor(message: string, details: ${n.apiError}Details) {
    super(message);
    this.status = details.status;
    this.errors = details.errors;
    this.headers = details.headers;
    this.requestId = details.requestId;
  }
}

${statusClasses.join("\n\n")}

/** 5xx: a fault on ${config.title}'s side, after the client's retries. */
export class ServerError extends ${n.apiError} {
  override name = "ServerError";
}

/** The response could not be used: a 2xx body that is not JSON, or a body over \`maxResponseBytes\`. */
export class ${n.responseError} extends ${n.error} {
  override name = ${j(n.responseError)};
  /** The HTTP status of the response. */
  declare readonly status: number;
  /** The server's request id, when a response header carries one. */
  declare readonly requestId: string | undefined;

  constructor(message: string, details: { status: number; requestId: string | undefined }, options?: ErrorOptions) {
    super(message, options);
    this.status = details.status;
    this.requestId = details.requestId;
  }
}

interface ${n.connectionError}Options extends ConnectionErrorOptions {}

/**
 * No complete response: DNS, TCP, TLS, a reset (also in the middle of the body) or the fetch
 * implementation failed.
 */
export class ${n.connectionError} extends ${n.error} {
  override name = ${j(n.connectionError)};
  /**
   * True when the request had been handed to the network, so the server may have received and
   * applied it before the failure; false when it provably never left (connection refused, DNS).
   */
  declare readonly mayHaveBeenApplied: boolean;

  constructor(message: string, options: ${n.connectionError}Options = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.mayHaveBeenApplied = options.mayHaveBeenApplied ?? true;
  }
}

/**
 * The call ran out of time: an attempt exceeded \`timeoutMs\` (headers and body included), or the
 * whole call (rate-limiter waits, attempts and backoff) exceeded \`totalTimeoutMs\`.
 */
export class ${n.timeoutError} extends ${n.connectionError} {
  override name = ${j(n.timeoutError)};
  /** The timeout that was exceeded, in milliseconds. */
  declare readonly timeoutMs: number;

  constructor(timeoutMs: number, options: ${n.connectionError}Options & { message?: string } = {}) {
    super(options.message ?? \`${api[0]?.toUpperCase()}${api.slice(1)} did not respond within \${timeoutMs} ms\`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** The one status → error class mapping; any other 5xx is a ServerError, any other status ${n.apiError}. */
const STATUS_ERRORS = { ${NEUTRAL_ERRORS.map(([name, status]) => `${status}: ${name}`).join(", ")} } as const;

/** The error a response key of the spec (\`404\`, \`"5XX"\`, \`"default"\`) is thrown as: STATUS_ERRORS, as a type. */
export type ErrorFor<S> = ${NEUTRAL_ERRORS.map(([name, status]) => `S extends ${status}\n  ? ${name}\n  : `).join("")}\`\${S & (string | number)}\` extends \`5\${string}\`
    ? ServerError
    : ${n.apiError};

/** Where debug lines go: \`console\` fits, as do pino, winston and most loggers. */
export interface ${n.logger} {
  debug(message: string, details?: Record<string, unknown>): void;
}

export const VERSION: string = ${j(version)};
export const DEFAULT_BASE_URL: ${j(config.baseUrl)} = ${j(config.baseUrl)};
export const DEFAULT_TIMEOUT_MS: ${config.retry.timeoutMs} = ${config.retry.timeoutMs};
export const DEFAULT_MAX_RETRIES: ${config.retry.maxRetries} = ${config.retry.maxRetries};
/** The client-side limit on request starts${rateLimit ? ` ${api} documents` : " (none)"}: sdk.config.json \`rateLimit\`. */
export const DEFAULT_RATE_LIMIT: ${rateLimitType} = ${rateLimitValue};

const SDK: SdkDefinition = {
  title: ${j(config.title)},
  factory: ${j(n.factory)},
  clientType: ${j(n.type)},
  name: ${j(config.name)},
  env: { apiKey: ${j(config.env.apiKey)}, baseUrl: ${j(config.env.baseUrl)}, log: ${j(config.env.log)} },
  apiKeyHelp: ${config.apiKeyHelp === undefined ? "undefined" : j(config.apiKeyHelp)},
  baseUrl: DEFAULT_BASE_URL,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  maxRetries: DEFAULT_MAX_RETRIES,
  rateLimit: DEFAULT_RATE_LIMIT,
  userAgent: \`${config.userAgent}/\${VERSION}\`,
  security: ${j(security)},
  matchKeys: ${j(matchKeys)},
${idempotency.length > 0 ? `  idempotency: idempotencyLookup(${j(idempotency)}),\n` : ""}
  errors: {
    Base: ${n.error},
    Api: ${n.apiError},
    byStatus: STATUS_ERRORS,
    Server: ServerError,
    Connection: ${n.connectionError},
    Timeout: ${n.timeoutError},
    Response: ${n.responseError},
  },
};

export interface ${n.options} {
  /** Your ${config.title} API key. Defaults to \`process.env.${config.env.apiKey}\`. Keep it on servers only. */
  apiKey?: string | undefined;
  /** Defaults to \`process.env.${config.env.baseUrl}\`, then \`${config.baseUrl}\`. */
  baseUrl?: string | undefined;
  /** The fetch to use (for tests, proxies, instrumentation). Defaults to \`globalThis.fetch\`. */
  fetch?: FetchLike | undefined;
  /** Timeout of each attempt, from handing the request to fetch to the last byte of the body. Default ${config.retry.timeoutMs}. */
  timeoutMs?: number | undefined;
  /**
   * Bound on a whole call: waits for the rate limiter, every attempt and every backoff (a long
   * \`Retry-After\` included). Default 120 000.
   */
  totalTimeoutMs?: number | undefined;
  /** Retries after the first attempt (see the README for which failures are retried). Default ${config.retry.maxRetries}. */
  maxRetries?: number | undefined;
  /** Largest response body read, in bytes; a larger one fails with ${n.responseError}. Default 16 MiB. */
  maxResponseBytes?: number | undefined;
  /**
   * How requests authenticate. Default: the API's security schemes, each with \`apiKey\`. Also
   * \`{ type: "bearer" }\`, \`{ type: "basic", username }\`, \`{ type: "apiKey", in: "header" | "query", name }\`,
   * or an array of schemes sent together. Each secret defaults to \`apiKey\`.
   */
  auth?: AuthOption | undefined;
  /**
   * Decides whether a request that may already have reached the server can be sent again without
   * applying it twice. Default: the spec's \`x-sdk-match-keys\` rule, else idempotent methods only.
   */
  safeToResend?: ResendRule | undefined;
  /** Allow plain \`http://\` to a host other than localhost. Default false: the key would travel in clear. */
  allowInsecureHttp?: boolean | undefined;
  /**
   * Receives debug lines (each request, response, retry), with secrets redacted. Passing one turns
   * debug logging on; so does the environment variable \`${config.env.log}=debug\` (then to \`console\`).
   */
  logger?: ${n.logger} | undefined;
  /** Client-side limit on request starts, shared by every call of this client (retries included). ${rateLimitDoc} */
  rateLimit?: Partial<RateLimitOptions> | false | undefined;
  /** Your application's product token, sent before the client's own: \`my-app/1.2 ${config.userAgent}/x.y.z\`. */
  userAgent?: string | undefined;
  /** Allow creating a client in a browser, where anyone can read the API key. Default false. */
  dangerouslyAllowBrowser?: boolean | undefined;
  /**
   * \`(request, next, context) => Promise<Response>\` functions run around every attempt (retries
   * included), first outermost, before the rate limiter: they may rewrite the request, answer it
   * themselves, or observe the response. A call's own \`middleware\` runs inside these.
   */
  middleware?: readonly Middleware[] | undefined;
}

/**
 * The typed openapi-fetch surface (\`POST\`, \`PUT\`, \`use\`, ...) plus the generated resources, one per
 * tag of the spec with one method per operation.
 */
export interface ${n.type} extends Client<paths, "application/json">, GeneratedResources {
  /** The API origin this client talks to. */
  readonly baseUrl: string;
}

/**
 * Creates a client for ${api}. Fails at once on a missing API key, bad options, or (unless
 * \`dangerouslyAllowBrowser\`) in a browser.
 */
export function ${n.factory}(options: ${n.options} = {}): ${n.type} {
  return createSdkClient<paths, GeneratedResources>(options, SDK, createResources);
}
${webhooks ? renderWebhookErrorClasses(n) : ""}`;
}

/**
 * The generated SDK's public entry: the client file, the resources' types and the core's public
 * types and helpers.
 *
 * @param {{ header: string, resourceTypes: string[], webhooks?: boolean }} input `webhooks`: the
 *   document declares webhooks (the module of `webhooks.unwrap`, webhook-events.ts, is exported)
 */
export function renderIndexFile({ header, resourceTypes, webhooks = false }) {
  return `// ${header}
export * from "./client.js";
export type { AuthOption, AuthScheme } from "./core/auth.js";
export type { FetchLike, IdempotencyEntry, MatchKeysEntry } from "./core/definition.js";
export type { ErrorItem } from "./core/error-item.js";
export type { Middleware, MiddlewareContext, MiddlewareNext } from "./core/middleware.js";
export { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TOTAL_TIMEOUT_MS } from "./core/options.js";
export type { Page, PagePromise, PaginationDescriptor } from "./core/pagination.js";
export type { RateLimitOptions } from "./core/rate-limiter.js";
export type { RequestOptions, WithResponse } from "./core/request-options.js";
export {
  bodyHasMatchingKey,
  idempotentMethodRule,
  matchKeysResendRule,
  type ResendRequest,
  type ResendRule,
} from "./core/resend-rule.js";
export type { CallSettings } from "./core/transport.js";
export type { ${["GeneratedResources", ...resourceTypes].join(", ")} } from "./resources.js";
${webhooks ? 'export type { UnwrapOptions, WebhookHeaders } from "./core/webhooks.js";\nexport { signWebhook } from "./core/webhook-signature.js";\nexport type { Webhooks } from "./webhook-events.js";\n' : ""}`;
}
