import type { SdkDefinition } from "./definition.js";

/**
 * How requests prove who they are: the OpenAPI security schemes a client core can apply. Each
 * secret (`token`, `password`, `value`) defaults to the client's `apiKey`.
 */
export type AuthScheme =
  /** `Authorization: Bearer <token>` (OpenAPI `type: http, scheme: bearer`). */
  | { type: "bearer"; token?: string | undefined }
  /** `Authorization: Basic base64(username:password)` (OpenAPI `type: http, scheme: basic`). */
  | { type: "basic"; username: string; password?: string | undefined }
  /** A key in a named header or query parameter (OpenAPI `type: apiKey, in: header | query`). */
  | { type: "apiKey"; in: "header" | "query"; name: string; value?: string | undefined };

/** One scheme, or several applied together (an OpenAPI security requirement naming several). */
export type AuthOption = AuthScheme | readonly AuthScheme[];

/** What the transport puts on every request, and the strings that must never appear in output. */
export interface ResolvedAuth {
  headers: ReadonlyArray<readonly [name: string, value: string]>;
  query: ReadonlyArray<readonly [name: string, value: string]>;
  /** Header names whose values are secrets: redacted in logs and error headers. */
  secretHeaders: ReadonlySet<string>;
  /** Every secret value as sent (raw and encoded forms are derived by the redactor). */
  secrets: readonly string[];
}

// RFC 9110 token characters: what a header name may be made of.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Printable ASCII without spaces: what a key pasted correctly looks like.
const SECRET = /^[!-~]+$/;

/** Base64 of UTF-8 text, with what every runtime has (`btoa` takes only Latin-1). */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Checks the `auth` option and turns it into the headers and query parameters to send. */
export function resolveAuth(
  auth: AuthOption | undefined,
  apiKey: string | undefined,
  sdk: SdkDefinition,
): ResolvedAuth {
  // Never echoes a value: it may be a secret.
  const authError = (where: string, problem: string) => new sdk.errors.Base(`${sdk.factory}: \`${where}\` ${problem}`);
  const secretOf = (where: string, value: unknown): string => {
    const secret = value ?? apiKey;
    if (secret === undefined || secret === "") {
      throw authError(where, "is missing: pass it, or pass `apiKey` (or set the API key environment variable)");
    }
    if (typeof secret !== "string" || !SECRET.test(secret)) {
      throw authError(where, "contains whitespace or characters other than printable ASCII; check how it is loaded");
    }
    return secret;
  };

  const schemes: readonly AuthScheme[] =
    auth === undefined ? [{ type: "bearer" }] : Array.isArray(auth) ? auth : [auth as AuthScheme];
  if (schemes.length === 0) throw authError("auth", "must name at least one scheme");
  const headers: Array<readonly [string, string]> = [];
  const query: Array<readonly [string, string]> = [];
  const secretHeaders = new Set<string>();
  const secrets: string[] = [];
  schemes.forEach((scheme, index) => {
    const where = schemes.length === 1 ? "auth" : `auth[${index}]`;
    if (scheme === null || typeof scheme !== "object") throw authError(where, "must be an object with a `type`");
    if (scheme.type === "bearer") {
      const token = secretOf(`${where}.token`, scheme.token);
      headers.push(["authorization", `Bearer ${token}`]);
      secretHeaders.add("authorization");
      secrets.push(token);
    } else if (scheme.type === "basic") {
      if (typeof scheme.username !== "string" || scheme.username === "" || scheme.username.includes(":")) {
        throw authError(`${where}.username`, "must be a non-empty string without `:`");
      }
      const password = secretOf(`${where}.password`, scheme.password);
      const credentials = base64(`${scheme.username}:${password}`);
      headers.push(["authorization", `Basic ${credentials}`]);
      secretHeaders.add("authorization");
      secrets.push(password, credentials);
    } else if (scheme.type === "apiKey") {
      const value = secretOf(`${where}.value`, scheme.value);
      if (scheme.in === "header") {
        if (typeof scheme.name !== "string" || !HEADER_NAME.test(scheme.name)) {
          throw authError(`${where}.name`, "must be a valid header name");
        }
        headers.push([scheme.name.toLowerCase(), value]);
        secretHeaders.add(scheme.name.toLowerCase());
      } else if (scheme.in === "query") {
        if (typeof scheme.name !== "string" || scheme.name === "") {
          throw authError(`${where}.name`, "must be a non-empty query parameter name");
        }
        query.push([scheme.name, value]);
      } else {
        throw authError(`${where}.in`, 'must be "header" or "query"');
      }
      secrets.push(value);
    } else {
      throw authError(`${where}.type`, 'must be "bearer", "basic" or "apiKey"');
    }
  });
  const names = headers.map(([name]) => name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw authError("auth", `sets the ${repeated} header twice`);
  return { headers, query, secretHeaders, secrets };
}
