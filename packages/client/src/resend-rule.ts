import { SDK_CONFIG } from "./generated/sdk-config.js";

/**
 * Whether a request that may already have reached the server can be sent again without applying
 * it twice. The transport asks only when it matters: after a failure that happened once the
 * request was handed to the network (a timeout, a reset, a 500/502/504). Failures that prove the
 * server did not act (connection refused, DNS, 408, 429, 503) are retried whatever this says.
 */
export type ResendRule = boolean | ((request: ResendRequest) => boolean);

/** What a {@link ResendRule} sees of the request. */
export interface ResendRequest {
  /** Upper-case HTTP method. */
  method: string;
  url: URL;
  /** The request body as JSON, or undefined when there is none or it is not JSON. */
  json(): unknown;
}

/** RFC 9110 §9.2.2: methods whose repetition has the same effect as one request. */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]);

/** The generic rule: resend idempotent HTTP methods only. */
export const idempotentMethodRule: ResendRule = (request) => IDEMPOTENT_METHODS.has(request.method);

/**
 * A rule for an upsert that matches existing records by any of `keys`: resending is safe when the
 * body carries one of them (a non-empty string), because the second delivery then updates what the
 * first created instead of creating another.
 */
export function bodyHasMatchingKey(keys: readonly string[]): ResendRule {
  return (request) => {
    const body = request.json();
    if (body === null || typeof body !== "object") return false;
    return keys.some((key) => {
      const value = Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined;
      return typeof value === "string" && value.trim() !== "";
    });
  };
}

/** A request sent again is safe when its body names the record it upserts (sdk.config.json `retry.resend`). */
interface ConfiguredResend {
  readonly methods: readonly string[];
  readonly path: string;
  readonly whenBodyHas: readonly string[];
}

/** The end of a URL path that a path template (`/v1/contacts`, `/pets/{id}`) matches. */
function pathPattern(template: string): RegExp {
  const escaped = template
    .replace(/\/+$/, "")
    .split(/\{[^}]*\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]+");
  return new RegExp(`${escaped}/?$`);
}

/**
 * The client's default rule from its SDK config: a request matching a configured upsert (method and
 * path) is safe to resend when its body carries one of the keys the upsert matches records by;
 * every other request, when its method is idempotent.
 */
export function configuredResendRule(rules: readonly ConfiguredResend[]): ResendRule {
  const compiled = rules.map((rule) => ({
    methods: new Set(rule.methods),
    path: pathPattern(rule.path),
    body: bodyHasMatchingKey(rule.whenBodyHas) as (request: ResendRequest) => boolean,
  }));
  return (request) => {
    const match = compiled.find((rule) => rule.methods.has(request.method) && rule.path.test(request.url.pathname));
    return match ? match.body(request) : IDEMPOTENT_METHODS.has(request.method);
  };
}

const CONFIGURED: readonly ConfiguredResend[] = SDK_CONFIG.retry.resend;

/**
 * Hatch's upsert (`POST`/`PUT /v1/contacts`) matches an existing contact by `phoneNumber`, then by
 * `email`; a body with neither creates a new contact each time it is delivered. (The keys of the
 * first `retry.resend` entry of sdk.config.json.)
 */
export const hatchUpsertRule: ResendRule = bodyHasMatchingKey(CONFIGURED[0]?.whenBodyHas ?? []);

/** The client's default: the configured upsert rules (Hatch: contact upserts), the idempotent-method rule elsewhere. */
export const hatchResendRule: ResendRule = configuredResendRule(CONFIGURED);

/** Evaluates a rule; a rule that throws counts as "not safe". */
export function allowsResend(rule: ResendRule, request: ResendRequest): boolean {
  if (typeof rule === "boolean") return rule;
  try {
    return rule(request) === true;
  } catch {
    return false;
  }
}

/**
 * Responses that were not retried although their status usually is (500, 502, 504), because the
 * request may have been applied and was not safe to send again; errorFromResponse says so.
 */
export const notResent = new WeakSet<Response>();
