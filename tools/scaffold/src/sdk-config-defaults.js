// @ts-check
// The first SDK config of a scaffolded repo, derived from the document and the command line. The
// user edits sdk.config.json afterwards; everything here is only a starting point.
import { isReservedName, validateSdkConfig } from "@sdkit/codegen";

/**
 * @param {string} text
 * @returns {string[]}
 */
function wordsOf(text) {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * The API's short name from its title: `Swagger Petstore` → `swagger-petstore`,
 * `Train Travel API` → `train-travel` (a final "API" word is dropped).
 *
 * @param {Record<string, any>} spec
 */
export function nameFromTitle(spec) {
  const words = wordsOf(String(spec.info?.title ?? ""));
  if (words.length > 1 && words.at(-1) === "api") words.pop();
  const name = words.join("-").replace(/^[0-9-]+/, "");
  return name || "api";
}

/**
 * @param {string} name kebab-case
 */
export function namesOf(name) {
  const words = name.split("-").filter(Boolean);
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("");
  return {
    pascal,
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    upper: words.map((word) => word.toUpperCase()).join("_"),
  };
}

/**
 * The default base URL: the first server's URL with its variables' defaults, when that is an
 * absolute http(s) URL; otherwise a note for the report and a local placeholder.
 *
 * @param {Record<string, any>} spec
 * @returns {{ baseUrl: string, note?: string }}
 */
export function baseUrlOf(spec) {
  const server = Array.isArray(spec.servers) ? spec.servers[0] : undefined;
  if (!server || typeof server.url !== "string") {
    return { baseUrl: "http://localhost", note: "the document declares no server: set baseUrl in sdk.config.json" };
  }
  const url = server.url.replace(/\{([^}]+)\}/g, (/** @type {string} */ whole, /** @type {string} */ name) => {
    const fallback = server.variables?.[name]?.default;
    return typeof fallback === "string" ? fallback : whole;
  });
  if (!/^https?:\/\/[^\s/?#{}]+(\/[^\s?#{}]*)?$/.test(url)) {
    return {
      baseUrl: "http://localhost",
      note: `the first server URL ${JSON.stringify(server.url)} is not an absolute http(s) URL: set baseUrl in sdk.config.json`,
    };
  }
  return { baseUrl: url.replace(/\/+$/, "") };
}

/**
 * The security schemes the client will send: those the document requires somewhere (on the root
 * or an operation), in the order components.securitySchemes lists them, that the client supports
 * (HTTP bearer or basic, an API key in a header or the query; OAuth 2 and OpenID Connect as a
 * bearer access token). The others are reported.
 *
 * @param {Record<string, any>} spec
 * @returns {{ security: string[], unsupported: string[] }}
 */
export function securityOf(spec) {
  const declared = spec.components?.securitySchemes ?? {};
  /** @type {Set<string>} */
  const required = new Set();
  /** @param {unknown} requirements */
  const add = (requirements) => {
    if (!Array.isArray(requirements)) return;
    for (const requirement of requirements) for (const name of Object.keys(requirement ?? {})) required.add(name);
  };
  add(spec.security);
  for (const item of Object.values(spec.paths ?? {})) {
    for (const operation of Object.values(item ?? {}))
      if (operation && typeof operation === "object") add(operation.security);
  }
  /** @type {string[]} */
  const security = [];
  /** @type {string[]} */
  const unsupported = [];
  for (const [name, scheme] of Object.entries(declared)) {
    if (!required.has(name)) continue;
    const supported =
      (scheme?.type === "http" && /^(bearer|basic)$/i.test(String(scheme.scheme))) ||
      scheme?.type === "oauth2" ||
      scheme?.type === "openIdConnect" ||
      (scheme?.type === "apiKey" && (scheme.in === "header" || scheme.in === "query"));
    (supported ? security : unsupported).push(
      supported ? name : `${name} (${scheme?.type}${scheme?.in ? ` in ${scheme.in}` : ""})`,
    );
  }
  return { security, unsupported };
}

/**
 * @param {{ spec: Record<string, any>, name?: string, scope?: string }} input
 * @returns {{ config: import("@sdkit/codegen/sdk-config").SdkConfig, notes: string[] }}
 */
export function defaultSdkConfig({ spec, name: givenName, scope: givenScope }) {
  const name = givenName ?? nameFromTitle(spec);
  const { pascal, camel, upper } = namesOf(name);
  const scope = givenScope ?? `@${name}`;
  const { baseUrl, note } = baseUrlOf(spec);
  const { security, unsupported } = securityOf(spec);
  const notes = note ? [note] : [];
  if (unsupported.length > 0) {
    notes.push(
      `security schemes the client cannot send are left out of sdk.config.json#/security: ${unsupported.join(", ")}`,
    );
  }
  const config = {
    $schema: "./node_modules/@sdkit/codegen/sdk-config.schema.json",
    name,
    title: String(spec.info?.title ?? name).split("\n")[0] || name,
    scope,
    packages: { types: `${scope}/types`, client: `${scope}/client`, cli: `${scope}/cli`, mcp: `${scope}/mcp` },
    // The samples' variable is the name itself unless that is a reserved word (`--name delete`).
    client: {
      factory: `create${pascal}Client`,
      type: `${pascal}Client`,
      variable: isReservedName(camel) ? `${camel}Client` : camel,
    },
    // The generated command-line tool's command: the API's name (`petstore pets list`).
    cli: { bin: name },
    // The generated MCP server's command and its name in MCP clients (`petstore-mcp`).
    mcp: { bin: `${name}-mcp` },
    env: { apiKey: `${upper}_API_KEY`, baseUrl: `${upper}_BASE_URL`, log: `${upper}_LOG` },
    baseUrl,
    rateLimit: /** @type {false} */ (false),
    userAgent: `${scope}/client`,
    retry: { maxRetries: 2, timeoutMs: 30000 },
    security,
  };
  return { config: validateSdkConfig(config, "sdk.config.json (from --name, --scope and the document)"), notes };
}
