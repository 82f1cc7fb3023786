import { type AuthOption, type AuthScheme, type ResolvedAuth, resolveAuth } from "./auth.js";
import { isBrowser, readEnv } from "./environment.js";
import { HatchError } from "./errors.js";
import { MATCH_KEYS } from "./generated/match-keys.js";
import { SDK_CONFIG, SDK_SECURITY, type SdkSecurityScheme } from "./generated/sdk-config.js";
import type { HatchLogger } from "./logger.js";
import type { RateLimitOptions } from "./rate-limiter.js";
import { matchKeysResendRule, type ResendRule } from "./resend-rule.js";
import type { FetchLike } from "./transport.js";
import { PACKAGE_NAME, VERSION } from "./version.js";

/** How messages name the function that creates a client: its public name (sdk.config.json `client.factory`). */
const FACTORY: string = SDK_CONFIG.client.factory;

// The API-specific defaults come from sdk.config.json, through the generated sdk-config.ts.
export const DEFAULT_BASE_URL = SDK_CONFIG.baseUrl;
export const DEFAULT_TIMEOUT_MS = SDK_CONFIG.retry.timeoutMs;
export const DEFAULT_MAX_RETRIES = SDK_CONFIG.retry.maxRetries;
/** Default bound on a whole call: rate-limiter waits, every attempt and every backoff together. */
export const DEFAULT_TOTAL_TIMEOUT_MS = 120_000;
/** Default cap on a response body. Hatch's responses are a few hundred bytes; this only stops runaways. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** The longest delay `setTimeout` can hold (2^31 - 1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;
/** The limit the API documents (sdk.config.json `rateLimit`; Hatch: 100 requests per 10 seconds), or false for none. */
export const DEFAULT_RATE_LIMIT = SDK_CONFIG.rateLimit;
/**
 * Resend only what cannot apply twice: operations the spec marks with `x-sdk-match-keys` when the
 * body carries one of those keys (Hatch's upsert: `phoneNumber` or `email`), else idempotent methods.
 */
const DEFAULT_RESEND_RULE = matchKeysResendRule(MATCH_KEYS);

export interface SdkClientOptions {
  /** Your Hatch API key. Defaults to `process.env.HATCH_API_KEY`. Keep it on servers only. */
  apiKey?: string | undefined;
  /** Defaults to `process.env.HATCH_BASE_URL`, then `https://api.usehatchapp.com`. */
  baseUrl?: string | undefined;
  /** The fetch to use (for tests, proxies, instrumentation). Defaults to `globalThis.fetch`. */
  fetch?: FetchLike | undefined;
  /** Timeout of each attempt, from handing the request to fetch to the last byte of the body. Default 30 000. */
  timeoutMs?: number | undefined;
  /**
   * Bound on a whole call: waits for the rate limiter, every attempt and every backoff (a long
   * `Retry-After` included). Default 120 000.
   */
  totalTimeoutMs?: number | undefined;
  /** Retries after the first attempt (see the README for which failures are retried). Default 2. */
  maxRetries?: number | undefined;
  /** Largest response body read, in bytes; a larger one fails with HatchResponseError. Default 16 MiB. */
  maxResponseBytes?: number | undefined;
  /**
   * How requests authenticate. Default `{ type: "bearer" }` (`Authorization: Bearer <apiKey>`).
   * Also `{ type: "basic", username }`, `{ type: "apiKey", in: "header" | "query", name }`, or an
   * array of schemes sent together. Each secret defaults to `apiKey`.
   */
  auth?: AuthOption | undefined;
  /**
   * Decides whether a request that may already have reached the server can be sent again without
   * applying it twice. Default: the spec's `x-sdk-match-keys` rule (see README, "Retries and duplicates").
   */
  safeToResend?: ResendRule | undefined;
  /** Allow plain `http://` to a host other than localhost. Default false: the key would travel in clear. */
  allowInsecureHttp?: boolean | undefined;
  /**
   * Receives debug lines (each request, response, retry), with secrets redacted. Passing one turns
   * debug logging on; so does the environment variable `HATCH_LOG=debug` (then to `console`).
   */
  logger?: HatchLogger | undefined;
  /**
   * Client-side limit on request starts, shared by every call of this client (retries included).
   * Default `{ limit: 100, intervalMs: 10_000 }`; `false` turns it off.
   */
  rateLimit?: Partial<RateLimitOptions> | false | undefined;
  /** Your application's product token, sent before the client's own: `my-app/1.2 @hatch-api/client/x.y.z`. */
  userAgent?: string | undefined;
  /** Allow creating a client in a browser, where anyone can read the API key. Default false. */
  dangerouslyAllowBrowser?: boolean | undefined;
}

export interface ResolvedOptions {
  /** The API key, or "" when every `auth` scheme carries its own secret. */
  apiKey: string;
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number;
  totalTimeoutMs: number;
  maxRetries: number;
  maxResponseBytes: number;
  rateLimit: RateLimitOptions | false;
  userAgent: string;
  auth: ResolvedAuth;
  /** Every secret the client holds, for the redactor. */
  secrets: readonly string[];
  safeToResend: ResendRule;
  logger: HatchLogger | undefined;
}

function invalid(option: string, expected: string, value: unknown): HatchError {
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return new HatchError(`${FACTORY}: \`${option}\` must be ${expected}, got ${shown}`);
}

/**
 * A duration a timer must hold: positive, finite and at most 2^31 - 1 ms, beyond which
 * `setTimeout` fires at once. Also used for per-call options, by the transport. `where` names the
 * function in the message.
 */
export function checkDuration(option: string, value: unknown, fallback: number, where: string = FACTORY): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value > 0) || value > MAX_TIMER_MS) {
    const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
    throw new HatchError(
      `${where}: \`${option}\` must be a number of milliseconds above 0 and at most ${MAX_TIMER_MS} (about 24.8 days), got ${shown}`,
    );
  }
  return value;
}

/** A retry count: a non-negative integer, small enough to mean something. */
export function checkRetries(value: unknown, fallback: number, where: string = FACTORY): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0 || value > 100) {
    const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
    throw new HatchError(`${where}: \`maxRetries\` must be a non-negative integer (at most 100), got ${shown}`);
  }
  return value;
}

/** localhost, *.localhost, 127.0.0.0/8 and ::1: where plain http does not cross a network. */
function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) ||
    hostname === "[::1]"
  );
}

/** A header value must be a single line of Latin-1 (a ByteString), or fetch throws on every call. */
function checkHeaderText(option: string, value: unknown): string {
  if (typeof value !== "string") throw invalid(option, "a string", value);
  const bad = /[^\t\x20-\x7e\x80-\xff]/.exec(value);
  if (bad) {
    const code = bad[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0");
    throw new HatchError(
      `${FACTORY}: \`${option}\` must be a single line of Latin-1 characters (HTTP headers can carry no others); ` +
        `found U+${code} at index ${bad.index} in ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function resolveRateLimit(value: SdkClientOptions["rateLimit"]): RateLimitOptions | false {
  if (value === false) return false;
  const defaults = DEFAULT_RATE_LIMIT as RateLimitOptions | false;
  if (value === undefined) return defaults === false ? false : { ...defaults };
  if (value === null || typeof value !== "object") throw invalid("rateLimit", "an object or false", value);
  const limit = value.limit ?? (defaults === false ? undefined : defaults.limit);
  if (!Number.isSafeInteger(limit) || (limit as number) < 1) {
    throw invalid("rateLimit.limit", "a positive integer", limit);
  }
  if (defaults === false && value.intervalMs === undefined) {
    throw invalid("rateLimit.intervalMs", "a number of milliseconds (the API has no default limit)", undefined);
  }
  return {
    limit: limit as number,
    intervalMs: checkDuration("rateLimit.intervalMs", value.intervalMs, defaults === false ? 0 : defaults.intervalMs),
  };
}

/** What a client of an API without security sends: nothing. */
const NO_AUTH: ResolvedAuth = Object.freeze({
  headers: [],
  query: [],
  secretHeaders: new Set<string>(),
  secrets: [],
});

/**
 * The `auth` used when none is passed: every security scheme of sdk.config.json, each sending
 * `apiKey` (Hatch: bearer), or null when the API declares none. HTTP basic needs a username the
 * config cannot know, so an API using it needs `auth` passed.
 */
function defaultAuthOption(schemes: readonly SdkSecurityScheme[]): AuthOption | null {
  if (schemes.length === 0) return null;
  const options = schemes.map((scheme): AuthScheme => {
    if (scheme.type === "apiKey") return { type: "apiKey", in: scheme.in, name: scheme.parameter };
    if (scheme.scheme === "bearer") return { type: "bearer" };
    throw new HatchError(
      `${FACTORY}: this API authenticates with HTTP basic (${scheme.name}): pass \`auth: { type: "basic", username }\` (the password defaults to \`apiKey\`)`,
    );
  });
  return options.length === 1 ? (options[0] as AuthScheme) : options;
}

/** Applies defaults and checks every option, failing at creation rather than on the first call. */
export function resolveOptions(options: SdkClientOptions = {}): ResolvedOptions {
  if (isBrowser() && options.dangerouslyAllowBrowser !== true) {
    throw new HatchError(
      `${FACTORY}: refusing to run in a browser, where your Hatch API key would be visible to anyone ` +
        "using the page. Call the Hatch API from your server instead, or pass `dangerouslyAllowBrowser: true` " +
        "if you understand the risk (e.g. an internal tool with a restricted key).",
    );
  }

  const apiKey = options.apiKey ?? readEnv(SDK_CONFIG.env.apiKey);
  const defaultAuth = options.auth === undefined ? defaultAuthOption(SDK_SECURITY) : undefined;
  // With an explicit `auth` whose schemes carry their own secrets, no API key is needed; the
  // schemes check what they need themselves. An API that declares no security needs none either.
  if (options.auth === undefined && defaultAuth !== null && (apiKey === undefined || apiKey === "")) {
    throw new HatchError(
      `${FACTORY}: missing ${SDK_CONFIG.title} API key. Pass \`apiKey\`, or set the ${SDK_CONFIG.env.apiKey} environment variable.` +
        ("apiKeyHelp" in SDK_CONFIG ? ` ${SDK_CONFIG.apiKeyHelp}` : ""),
    );
  }
  if (apiKey !== undefined && typeof apiKey !== "string") {
    throw new HatchError(`${FACTORY}: \`apiKey\` must be a string`);
  }
  // Never echo the key. Keys are printable ASCII: a space, line break or other character is a
  // paste or loading accident that would otherwise surface later as an opaque header error.
  if (apiKey !== undefined && apiKey !== "" && !/^[!-~]+$/.test(apiKey)) {
    throw new HatchError(
      `${FACTORY}: \`apiKey\` contains whitespace or characters other than printable ASCII; check how it is loaded`,
    );
  }

  const baseUrlText = options.baseUrl ?? readEnv(SDK_CONFIG.env.baseUrl) ?? DEFAULT_BASE_URL;
  let baseUrl: URL;
  try {
    baseUrl = new URL(baseUrlText);
  } catch {
    throw invalid("baseUrl", "an absolute http(s) URL", baseUrlText);
  }
  if (baseUrl.protocol !== "https:" && baseUrl.protocol !== "http:") {
    throw invalid("baseUrl", "an absolute http(s) URL", baseUrlText);
  }
  if (baseUrl.username !== "" || baseUrl.password !== "") {
    // Not echoed: the URL holds a password. Credentials in a URL end up in logs and error messages.
    throw new HatchError(
      `${FACTORY}: \`baseUrl\` must not contain credentials (user:password@); pass the secret as \`apiKey\` or \`auth\``,
    );
  }
  if (baseUrl.search !== "" || baseUrl.hash !== "") {
    // Not echoed either: a query string may hold a key. Keys in the query go through `auth`.
    throw new HatchError(
      `${FACTORY}: \`baseUrl\` must be a URL without a query string or fragment, got ${baseUrl.origin}${baseUrl.pathname}?…; ` +
        'pass a key sent in the query as `auth: { type: "apiKey", in: "query", name }`',
    );
  }
  if (baseUrl.protocol === "http:" && !isLoopback(baseUrl.hostname) && options.allowInsecureHttp !== true) {
    throw new HatchError(
      `${FACTORY}: refusing plain http to ${baseUrl.host}: the API key would cross the network unencrypted. ` +
        "Use https, or pass `allowInsecureHttp: true` if the network is trusted (plain http to localhost is always allowed).",
    );
  }

  const fetchImpl = options.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (typeof fetchImpl !== "function") {
    throw new HatchError(`${FACTORY}: no fetch available in this runtime; pass one as \`fetch\``);
  }

  const maxRetries = checkRetries(options.maxRetries, DEFAULT_MAX_RETRIES);
  const userAgent = options.userAgent === undefined ? undefined : checkHeaderText("userAgent", options.userAgent);
  const ownToken = `${PACKAGE_NAME}/${VERSION}`;

  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1) {
    throw invalid("maxResponseBytes", "a positive integer", maxResponseBytes);
  }
  const safeToResend = options.safeToResend ?? DEFAULT_RESEND_RULE;
  if (typeof safeToResend !== "boolean" && typeof safeToResend !== "function") {
    throw invalid("safeToResend", "a boolean or a function", safeToResend);
  }
  const logger = options.logger ?? (readEnv(SDK_CONFIG.env.log) === "debug" ? console : undefined);
  if (logger !== undefined && typeof logger?.debug !== "function") {
    throw invalid("logger", "an object with a debug(message, details) method", logger);
  }
  const auth = defaultAuth === null ? NO_AUTH : resolveAuth(options.auth ?? defaultAuth, apiKey);

  return {
    apiKey: apiKey ?? "",
    baseUrl: baseUrl.href.replace(/\/+$/, ""),
    fetch: fetchImpl,
    timeoutMs: checkDuration("timeoutMs", options.timeoutMs, DEFAULT_TIMEOUT_MS),
    totalTimeoutMs: checkDuration("totalTimeoutMs", options.totalTimeoutMs, DEFAULT_TOTAL_TIMEOUT_MS),
    maxRetries,
    maxResponseBytes,
    rateLimit: resolveRateLimit(options.rateLimit),
    userAgent: userAgent ? `${userAgent} ${ownToken}` : ownToken,
    auth,
    secrets: apiKey ? [apiKey, ...auth.secrets] : auth.secrets,
    safeToResend,
    logger,
  };
}
