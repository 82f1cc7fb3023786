import { isBrowser, readEnv } from "./environment.js";
import { HatchError } from "./errors.js";
import type { RateLimitOptions } from "./rate-limiter.js";
import type { FetchLike } from "./transport.js";
import { PACKAGE_NAME, VERSION } from "./version.js";

export const DEFAULT_BASE_URL = "https://api.usehatchapp.com";
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;
/** The limit Hatch documents: 100 requests per 10 seconds per account. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = Object.freeze({ limit: 100, intervalMs: 10_000 });

export interface HatchClientOptions {
  /** Your Hatch API key. Defaults to `process.env.HATCH_API_KEY`. Keep it on servers only. */
  apiKey?: string | undefined;
  /** Defaults to `process.env.HATCH_BASE_URL`, then `https://api.usehatchapp.com`. */
  baseUrl?: string | undefined;
  /** The fetch to use (for tests, proxies, instrumentation). Defaults to `globalThis.fetch`. */
  fetch?: FetchLike | undefined;
  /** Timeout of each attempt, in milliseconds. Default 30 000. */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt on network errors, timeouts, 408, 429 and 5xx. Default 2. */
  maxRetries?: number | undefined;
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
  apiKey: string;
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs: number;
  maxRetries: number;
  rateLimit: RateLimitOptions | false;
  userAgent: string;
}

function invalid(option: string, expected: string, value: unknown): HatchError {
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return new HatchError(`createHatchClient: \`${option}\` must be ${expected}, got ${shown}`);
}

function positiveNumber(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) {
    throw invalid(option, "a positive, finite number", value);
  }
  return value;
}

function resolveRateLimit(value: HatchClientOptions["rateLimit"]): RateLimitOptions | false {
  if (value === false) return false;
  if (value === undefined) return DEFAULT_RATE_LIMIT;
  if (value === null || typeof value !== "object") throw invalid("rateLimit", "an object or false", value);
  const limit = value.limit ?? DEFAULT_RATE_LIMIT.limit;
  if (!Number.isSafeInteger(limit) || limit < 1) throw invalid("rateLimit.limit", "a positive integer", limit);
  return { limit, intervalMs: positiveNumber("rateLimit.intervalMs", value.intervalMs, DEFAULT_RATE_LIMIT.intervalMs) };
}

/** Applies defaults and checks every option, failing at creation rather than on the first call. */
export function resolveOptions(options: HatchClientOptions = {}): ResolvedOptions {
  if (isBrowser() && options.dangerouslyAllowBrowser !== true) {
    throw new HatchError(
      "createHatchClient: refusing to run in a browser, where your Hatch API key would be visible to anyone " +
        "using the page. Call the Hatch API from your server instead, or pass `dangerouslyAllowBrowser: true` " +
        "if you understand the risk (e.g. an internal tool with a restricted key).",
    );
  }

  const apiKey = options.apiKey ?? readEnv("HATCH_API_KEY");
  if (apiKey === undefined || apiKey === "") {
    throw new HatchError(
      "createHatchClient: missing Hatch API key. Pass `apiKey`, or set the HATCH_API_KEY environment variable. " +
        "Create a key in Hatch's App Marketplace.",
    );
  }
  if (typeof apiKey !== "string") throw new HatchError("createHatchClient: `apiKey` must be a string");
  // Never echo the key. Keys are printable ASCII: a space, line break or other character is a
  // paste or loading accident that would otherwise surface later as an opaque header error.
  if (!/^[!-~]+$/.test(apiKey)) {
    throw new HatchError(
      "createHatchClient: `apiKey` contains whitespace or characters other than printable ASCII; check how it is loaded",
    );
  }

  const baseUrlText = options.baseUrl ?? readEnv("HATCH_BASE_URL") ?? DEFAULT_BASE_URL;
  let baseUrl: URL;
  try {
    baseUrl = new URL(baseUrlText);
  } catch {
    throw invalid("baseUrl", "an absolute http(s) URL", baseUrlText);
  }
  if (baseUrl.protocol !== "https:" && baseUrl.protocol !== "http:") {
    throw invalid("baseUrl", "an absolute http(s) URL", baseUrlText);
  }

  const fetchImpl = options.fetch ?? (globalThis.fetch as FetchLike | undefined);
  if (typeof fetchImpl !== "function") {
    throw new HatchError("createHatchClient: no fetch available in this runtime; pass one as `fetch`");
  }

  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (!Number.isSafeInteger(maxRetries) || maxRetries < 0) {
    throw invalid("maxRetries", "a non-negative integer", maxRetries);
  }

  if (options.userAgent !== undefined && (typeof options.userAgent !== "string" || /[\r\n]/.test(options.userAgent))) {
    throw invalid("userAgent", "a single-line string", options.userAgent);
  }
  const ownToken = `${PACKAGE_NAME}/${VERSION}`;

  return {
    apiKey,
    baseUrl: baseUrl.href.replace(/\/+$/, ""),
    fetch: fetchImpl,
    timeoutMs: positiveNumber("timeoutMs", options.timeoutMs, DEFAULT_TIMEOUT_MS),
    maxRetries,
    rateLimit: resolveRateLimit(options.rateLimit),
    userAgent: options.userAgent ? `${options.userAgent} ${ownToken}` : ownToken,
  };
}
