import type { OpenApiDocument } from "./spec.js";

/**
 * The credentials the contract suite sends, as the document's security schemes say: an API that
 * uses HTTP basic gets a username and password, an API key goes in its header, query parameter or
 * cookie, OAuth 2 and OpenID Connect get a bearer access token (the suite runs no flow; Prism
 * checks the token's presence). The secret of each is the suite's test key.
 */
export type ContractAuthScheme =
  | { type: "bearer" }
  | { type: "basic"; username: string }
  | { type: "apiKey"; in: "header" | "query"; name: string; value?: string };

export interface ContractAuth {
  /** For the client's `auth` option; undefined when the document requires no security. */
  auth: ContractAuthScheme[] | undefined;
  /** Header names that carry credentials: removed to send a request without them. */
  headers: string[];
  /** Query parameters that carry credentials. */
  query: string[];
}

/** The username the suite authenticates with, where the document's scheme is HTTP basic. */
export const CONTRACT_USERNAME = "contract-test-user";

/**
 * Every scheme the document requires somewhere (root `security` first, then the operations', in
 * document order), sent together, each at most once per header: a request then satisfies any of
 * the alternatives an operation lists. Schemes the client cannot send (HTTP digest) are left out.
 */
export function contractAuth(spec: OpenApiDocument, key: string): ContractAuth {
  const components = spec.components as { securitySchemes?: Record<string, Record<string, unknown>> } | undefined;
  const declared = components?.securitySchemes ?? {};
  const used: string[] = [];
  const add = (requirements: unknown) => {
    if (!Array.isArray(requirements)) return;
    for (const requirement of requirements) {
      for (const name of Object.keys(requirement ?? {})) if (!used.includes(name)) used.push(name);
    }
  };
  add(spec.security);
  for (const item of Object.values(spec.paths ?? {}) as Array<Record<string, { security?: unknown }>>) {
    for (const operation of Object.values(item ?? {}))
      if (operation && typeof operation === "object") add(operation.security);
  }
  const auth: ContractAuthScheme[] = [];
  const headers: string[] = [];
  const query: string[] = [];
  const cookies: string[] = [];
  const takeHeader = (name: string) => {
    if (headers.includes(name)) return false;
    headers.push(name);
    return true;
  };
  for (const name of used) {
    const scheme = declared[name];
    if (!scheme) continue;
    const type = String(scheme.type);
    const http = typeof scheme.scheme === "string" ? scheme.scheme.toLowerCase() : "";
    if ((type === "http" && http === "bearer") || type === "oauth2" || type === "openIdConnect") {
      if (takeHeader("authorization")) auth.push({ type: "bearer" });
    } else if (type === "http" && http === "basic") {
      if (takeHeader("authorization")) auth.push({ type: "basic", username: CONTRACT_USERNAME });
    } else if (type === "apiKey" && typeof scheme.name === "string" && scheme.name !== "") {
      if (scheme.in === "header" && takeHeader(scheme.name.toLowerCase())) {
        auth.push({ type: "apiKey", in: "header", name: scheme.name });
      } else if (scheme.in === "query" && !query.includes(scheme.name)) {
        query.push(scheme.name);
        auth.push({ type: "apiKey", in: "query", name: scheme.name });
      } else if (scheme.in === "cookie") cookies.push(`${scheme.name}=${key}`);
    }
  }
  // The client sends no cookies of its own; a cookie is a header it can set.
  if (cookies.length > 0 && takeHeader("cookie")) {
    auth.push({ type: "apiKey", in: "header", name: "Cookie", value: cookies.join("; ") });
  }
  return { auth: auth.length > 0 ? auth : undefined, headers, query };
}
