import { acceptsAnonymous, type SecurityRequirement, securityRequirementsOf } from "@sdkit/openapi";
import { deref, type OpenApiDocument } from "./spec.js";

/**
 * The credentials the contract suite sends, as an operation's security says: an API that uses
 * HTTP basic gets a username and password, an API key goes in its header, query parameter or
 * cookie, OAuth 2 and OpenID Connect get a bearer access token (the suite runs no flow; Prism
 * checks the token's presence). The secret of each is the suite's test key.
 */
export type ContractAuthScheme =
  | { type: "bearer"; token?: string }
  | { type: "basic"; username: string }
  | { type: "apiKey"; in: "header" | "query"; name: string; value?: string };

export interface ContractAuth {
  /**
   * For the client's `auth` option: every scheme of the one alternative the suite satisfies.
   * Undefined when the operation accepts a call without credentials (or the client can send none
   * of its alternatives): then nothing is to be sent.
   */
  auth: ContractAuthScheme[] | undefined;
  /** Header names (lower case) that carry those credentials: removed to send a request without them. */
  headers: string[];
  /** Query parameters that carry those credentials. */
  query: string[];
}

/** The username the suite authenticates with, where the document's scheme is HTTP basic. */
export const CONTRACT_USERNAME = "contract-test-user";

/** What an operation needs: its own `security`, when it has one. SpecOperation and the Operation Object both fit. */
export type SecuredOperation = { security?: unknown };

/**
 * The credentials for one operation. Prism (and a real server) accepts a request that satisfies
 * one alternative of the operation's security, with every scheme that alternative names: so the
 * suite picks the first alternative the client can send (not HTTP digest, not a scheme the
 * document does not declare, not two schemes that both need the Authorization header) and sends
 * all of its schemes. Sending every scheme of the document instead fails wherever an operation
 * takes other schemes, or none. An operation that accepts anonymous calls (`security: []`, or an
 * alternative `{}`) gets nothing.
 */
export function contractAuth(spec: OpenApiDocument, operation: SecuredOperation, key: string): ContractAuth {
  const requirements = securityRequirementsOf(spec, operation);
  if (acceptsAnonymous(requirements)) return none();
  for (const requirement of requirements) {
    const sendable = credentialsFor(spec, requirement, key);
    if (sendable) return sendable;
  }
  return none();
}

/** Whether a call without credentials must be refused: what the authentication suite checks for 401. */
export function refusesAnonymous(spec: OpenApiDocument, operation: SecuredOperation): boolean {
  return !acceptsAnonymous(securityRequirementsOf(spec, operation));
}

/** The bearer token a client for an anonymous call is built with; the fetch removes it, it is never sent. */
export const ANONYMOUS_PLACEHOLDER = "sdkit-contract-anonymous";

/**
 * The client's `auth` option for these credentials, and whether the request must leave without
 * any (`dropAuthorization` of the recording fetch). An operation that takes no credentials is
 * sent none, but the client's factory insists on some (its default may be HTTP basic, which needs
 * a username, or a key the provider run lacks): it gets a placeholder bearer token that the fetch
 * removes before the request goes out.
 */
export function clientAuthOf(credentials: ContractAuth): { auth: ContractAuthScheme[]; anonymous: boolean } {
  return credentials.auth === undefined
    ? { auth: [{ type: "bearer", token: ANONYMOUS_PLACEHOLDER }], anonymous: true }
    : { auth: credentials.auth, anonymous: false };
}

/** Nothing to send (a new object each time: callers may keep and change it). */
function none(): ContractAuth {
  return { auth: undefined, headers: [], query: [] };
}

/** Every scheme of one alternative, or undefined when the client cannot send one of them. */
function credentialsFor(
  spec: OpenApiDocument,
  requirement: SecurityRequirement,
  key: string,
): ContractAuth | undefined {
  const auth: ContractAuthScheme[] = [];
  const headers: string[] = [];
  const query: string[] = [];
  const cookies: string[] = [];
  // Two schemes on one header cannot both be sent (bearer and basic); one bearer token does
  // satisfy two bearer-like schemes (OAuth 2 and HTTP bearer) at once.
  let authorization: "bearer" | "basic" | undefined;
  const takeHeader = (name: string) => {
    if (headers.includes(name)) return false;
    headers.push(name);
    return true;
  };
  for (const name of Object.keys(requirement)) {
    const scheme = schemeNamed(spec, name);
    if (!scheme) return undefined;
    const type = String(scheme.type);
    const http = typeof scheme.scheme === "string" ? scheme.scheme.toLowerCase() : "";
    if ((type === "http" && http === "bearer") || type === "oauth2" || type === "openIdConnect") {
      if (authorization === "bearer") continue;
      if (authorization !== undefined || !takeHeader("authorization")) return undefined;
      authorization = "bearer";
      auth.push({ type: "bearer" });
    } else if (type === "http" && http === "basic") {
      if (authorization !== undefined || !takeHeader("authorization")) return undefined;
      authorization = "basic";
      auth.push({ type: "basic", username: CONTRACT_USERNAME });
    } else if (type === "apiKey" && typeof scheme.name === "string" && scheme.name !== "") {
      if (scheme.in === "header") {
        if (!takeHeader(scheme.name.toLowerCase())) return undefined;
        auth.push({ type: "apiKey", in: "header", name: scheme.name });
      } else if (scheme.in === "query") {
        if (query.includes(scheme.name)) continue;
        query.push(scheme.name);
        auth.push({ type: "apiKey", in: "query", name: scheme.name });
      } else if (scheme.in === "cookie") {
        cookies.push(`${scheme.name}=${key}`);
      } else return undefined;
    } else return undefined; // HTTP digest and other HTTP schemes, mutualTLS: the client cannot send them
  }
  // The client sends no cookies of its own; a cookie is a header it can set. Joined without a
  // space: the client refuses a secret with whitespace, and cookie parsers trim around `;`.
  if (cookies.length > 0) {
    if (!takeHeader("cookie")) return undefined;
    auth.push({ type: "apiKey", in: "header", name: "Cookie", value: cookies.join(";") });
  }
  return { auth, headers, query };
}

/** The declared scheme of that name, `$ref`s followed; undefined where none (or a broken one) is declared. */
function schemeNamed(spec: OpenApiDocument, name: string): Record<string, unknown> | undefined {
  const components = spec.components as { securitySchemes?: Record<string, unknown> } | undefined;
  const declared = components?.securitySchemes?.[name];
  if (declared === undefined) return undefined;
  try {
    const scheme = deref(spec, declared);
    return scheme !== null && typeof scheme === "object" ? scheme : undefined;
  } catch {
    return undefined;
  }
}
