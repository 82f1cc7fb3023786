import { type AuthOption, type AuthScheme, type ResolvedAuth, resolveAuth } from "./auth.js";
import { checkDuration, checkRetries, invalid } from "./checks.js";
import type { FetchLike, SdkDefinition, SecurityScheme } from "./definition.js";
import { isBrowser, readEnv } from "./environment.js";
import type { Logger } from "./logger.js";
import type { RateLimitOptions } from "./rate-limiter.js";
import { matchKeysResendRule, type ResendRule } from "./resend-rule.js";

/** Default bound on a whole call: rate-limiter waits, every attempt and every backoff together. */
export const DEFAULT_TOTAL_TIMEOUT_MS = 120_000;
/** Default cap on a response body: it only stops runaways. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * The options the core understands. The generated client file declares them again under the
 * configured name (`<client.type>Options`), documented with the API's own defaults.
 */
export interface ClientOptions {
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
  fetch?: FetchLike | undefined;
  timeoutMs?: number | undefined;
  totalTimeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  maxResponseBytes?: number | undefined;
  auth?: AuthOption | undefined;
  safeToResend?: ResendRule | undefined;
  allowInsecureHttp?: boolean | undefined;
  logger?: Logger | undefined;
  rateLimit?: Partial<RateLimitOptions> | false | undefined;
  userAgent?: string | undefined;
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** Every option with its default applied and checked: the one place defaults are decided. */
export interface ResolvedOptions {
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
  logger: Logger | undefined;
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

/** What a client of an API without security sends: nothing. */
const NO_AUTH: ResolvedAuth = { headers: [], query: [], secretHeaders: new Set<string>(), secrets: [] };

/**
 * Applies defaults (the API's, from the definition) and checks every option, failing at creation
 * rather than on the first call.
 */
export function resolveOptions(options: ClientOptions, sdk: SdkDefinition): ResolvedOptions {
  const factory = sdk.factory;
  const fail = (message: string) => new sdk.errors.Base(`${factory}: ${message}`);
  const bad = (option: string, expected: string, value: unknown) => invalid(sdk, factory, option, expected, value);
  const api = `${sdk.title} API`;
  if (isBrowser() && options.dangerouslyAllowBrowser !== true) {
    throw fail(
      `refusing to run in a browser, where your ${api} key would be visible to anyone using the page. ` +
        `Call the ${api} from your server instead, or pass \`dangerouslyAllowBrowser: true\` ` +
        "if you understand the risk (e.g. an internal tool with a restricted key).",
    );
  }

  const apiKey = options.apiKey ?? readEnv(sdk.env.apiKey);
  const defaultAuth = options.auth === undefined ? defaultAuthOption(sdk.security, fail) : undefined;
  // With an explicit `auth` whose schemes carry their own secrets, no API key is needed; the
  // schemes check what they need themselves. An API that declares no security needs none either.
  if (options.auth === undefined && defaultAuth !== null && (apiKey === undefined || apiKey === "")) {
    throw fail(
      `missing ${api} key. Pass \`apiKey\`, or set the ${sdk.env.apiKey} environment variable.` +
        (sdk.apiKeyHelp ? ` ${sdk.apiKeyHelp}` : ""),
    );
  }
  if (apiKey !== undefined && typeof apiKey !== "string") throw fail("`apiKey` must be a string");
  // Never echo the key. Keys are printable ASCII: a space, line break or other character is a
  // paste or loading accident that would otherwise surface later as an opaque header error.
  if (apiKey && !/^[!-~]+$/.test(apiKey)) {
    throw fail("`apiKey` contains whitespace or characters other than printable ASCII; check how it is loaded");
  }

  const baseUrlText = options.baseUrl ?? readEnv(sdk.env.baseUrl) ?? sdk.baseUrl;
  let baseUrl: URL;
  try {
    baseUrl = new URL(baseUrlText);
  } catch {
    throw bad("baseUrl", "an absolute http(s) URL", baseUrlText);
  }
  if (baseUrl.protocol !== "https:" && baseUrl.protocol !== "http:") {
    throw bad("baseUrl", "an absolute http(s) URL", baseUrlText);
  }
  if (baseUrl.username !== "" || baseUrl.password !== "") {
    // Not echoed: the URL holds a password. Credentials in a URL end up in logs and error messages.
    throw fail("`baseUrl` must not contain credentials (user:password@); pass the secret as `apiKey` or `auth`");
  }
  if (baseUrl.search !== "" || baseUrl.hash !== "") {
    // Not echoed either: a query string may hold a key. Keys in the query go through `auth`.
    throw fail(
      `\`baseUrl\` must be a URL without a query string or fragment, got ${baseUrl.origin}${baseUrl.pathname}?…; ` +
        'pass a key sent in the query as `auth: { type: "apiKey", in: "query", name }`',
    );
  }
  if (baseUrl.protocol === "http:" && !isLoopback(baseUrl.hostname) && options.allowInsecureHttp !== true) {
    throw fail(
      `refusing plain http to ${baseUrl.host}: the API key would cross the network unencrypted. ` +
        "Use https, or pass `allowInsecureHttp: true` if the network is trusted (plain http to localhost is always allowed).",
    );
  }

  const fetchImpl = options.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (typeof fetchImpl !== "function") throw fail("no fetch available in this runtime; pass one as `fetch`");

  let userAgent = sdk.userAgent;
  if (options.userAgent !== undefined) {
    // A header value must be a single line of Latin-1 (a ByteString), or fetch throws on every call.
    const text = options.userAgent;
    if (typeof text !== "string") throw bad("userAgent", "a string", text);
    const found = /[^\t\x20-\x7e\x80-\xff]/.exec(text);
    if (found) {
      const code = found[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0");
      throw fail(
        "`userAgent` must be a single line of Latin-1 characters (HTTP headers can carry no others); " +
          `found U+${code} at index ${found.index} in ${JSON.stringify(text)}`,
      );
    }
    userAgent = `${text} ${userAgent}`;
  }

  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1) {
    throw bad("maxResponseBytes", "a positive integer", maxResponseBytes);
  }
  // Resend only what cannot apply twice: an operation the spec marks with `x-sdk-match-keys` when
  // the body carries one of those keys, else idempotent methods.
  const safeToResend = options.safeToResend ?? matchKeysResendRule(sdk.matchKeys);
  if (typeof safeToResend !== "boolean" && typeof safeToResend !== "function") {
    throw bad("safeToResend", "a boolean or a function", safeToResend);
  }
  const logger = options.logger ?? (readEnv(sdk.env.log) === "debug" ? console : undefined);
  if (logger !== undefined && typeof logger?.debug !== "function") {
    throw bad("logger", "an object with a debug(message, details) method", logger);
  }
  const auth = defaultAuth === null ? NO_AUTH : resolveAuth(options.auth ?? defaultAuth, apiKey, sdk);

  return {
    baseUrl: baseUrl.href.replace(/\/+$/, ""),
    fetch: fetchImpl,
    timeoutMs: checkDuration(sdk, factory, "timeoutMs", options.timeoutMs, sdk.timeoutMs),
    totalTimeoutMs: checkDuration(sdk, factory, "totalTimeoutMs", options.totalTimeoutMs, DEFAULT_TOTAL_TIMEOUT_MS),
    maxRetries: checkRetries(sdk, factory, options.maxRetries, sdk.maxRetries),
    maxResponseBytes,
    rateLimit: resolveRateLimit(options.rateLimit, sdk),
    userAgent,
    auth,
    secrets: apiKey ? [apiKey, ...auth.secrets] : auth.secrets,
    safeToResend,
    logger,
  };
}

function resolveRateLimit(value: ClientOptions["rateLimit"], sdk: SdkDefinition): RateLimitOptions | false {
  if (value === false) return false;
  const defaults = sdk.rateLimit;
  if (value === undefined) return defaults && { ...defaults };
  const bad = (option: string, expected: string, given: unknown) => invalid(sdk, sdk.factory, option, expected, given);
  if (value === null || typeof value !== "object") throw bad("rateLimit", "an object or false", value);
  const limit = value.limit ?? (defaults || undefined)?.limit;
  if (!Number.isSafeInteger(limit) || (limit as number) < 1) throw bad("rateLimit.limit", "a positive integer", limit);
  if (!defaults && value.intervalMs === undefined) {
    throw bad("rateLimit.intervalMs", "a number of milliseconds (the API has no default limit)", undefined);
  }
  return {
    limit: limit as number,
    intervalMs: checkDuration(
      sdk,
      sdk.factory,
      "rateLimit.intervalMs",
      value.intervalMs,
      defaults ? defaults.intervalMs : 0,
    ),
  };
}

/**
 * The `auth` used when none is passed: every security scheme of the definition, each sending
 * `apiKey`, or null when the API declares none. HTTP basic needs a username the config cannot
 * know, so an API using it needs `auth` passed.
 */
function defaultAuthOption(schemes: readonly SecurityScheme[], fail: (message: string) => Error): AuthOption | null {
  if (schemes.length === 0) return null;
  const options = schemes.map((scheme): AuthScheme => {
    if (scheme.type === "apiKey") return { type: "apiKey", in: scheme.in, name: scheme.parameter };
    if (scheme.scheme === "bearer") return { type: "bearer" };
    throw fail(
      `this API authenticates with HTTP basic (${scheme.name}): pass \`auth: { type: "basic", username }\` (the password defaults to \`apiKey\`)`,
    );
  });
  return options.length === 1 ? (options[0] as AuthScheme) : options;
}
