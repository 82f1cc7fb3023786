// @ts-check
// The SDK config: everything API-specific about a generated SDK that the OpenAPI document does not
// say (package names, the client factory, env var names, defaults). Its JSON schema is
// ../sdk-config.schema.json; this module validates a config against it, checks what only the spec
// can tell (the security schemes it names exist), and renders the client's generated defaults.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { SpecError } from "@sdkit/cli-kit";
import { deref } from "@sdkit/openapi";
import { isReservedName } from "./naming.js";

/**
 * @typedef {{
 *   name: string, title: string, scope: string,
 *   packages: { types: string, client: string, cli?: string, mcp?: string },
 *   client: { factory: string, type: string, variable: string },
 *   cli?: { bin?: string, imports?: Array<{ command: string, operationId: string, unknownColumns?: string }> },
 *   mcp?: { bin?: string, include?: McpFilter, exclude?: McpFilter },
 *   env: { apiKey: string, baseUrl: string, log: string },
 *   apiKeyHelp?: string,
 *   baseUrl: string,
 *   rateLimit: { limit: number, intervalMs: number } | false,
 *   userAgent: string,
 *   retry: { maxRetries: number, timeoutMs: number },
 *   security: string[],
 *   idempotencyHeader?: string,
 * }} SdkConfig
 */
/** @typedef {{ operationIds?: string[], tags?: string[] }} McpFilter */

/**
 * A security scheme the client can send, as the generated config describes it.
 *
 * @typedef {{ name: string, type: "http", scheme: "bearer" | "basic" }
 *   | { name: string, type: "apiKey", in: "header" | "query", parameter: string }} ClientSecurityScheme
 */

export const SDK_CONFIG_SCHEMA = JSON.parse(
  readFileSync(new URL("../sdk-config.schema.json", import.meta.url), "utf8"),
);

/** @type {((value: unknown) => boolean) & { errors?: Array<Record<string, any>> | null } | undefined} */
let compiled;

function validator() {
  if (compiled) return compiled;
  // Ajv ships CommonJS whose default export TypeScript sees through `.default`; require is simplest.
  const Ajv = createRequire(import.meta.url)("ajv").default;
  compiled = new Ajv({ allErrors: true, strict: true }).compile(SDK_CONFIG_SCHEMA);
  return /** @type {NonNullable<typeof compiled>} */ (compiled);
}

/**
 * One line per problem, naming the field by JSON pointer: `#/rateLimit/limit: must be >= 1`.
 * `oneOf` failures of `rateLimit` are reported once, in words, instead of Ajv's three lines.
 *
 * @param {Array<Record<string, any>>} errors
 */
function describe(errors) {
  /** @type {string[]} */
  const lines = [];
  const rateLimitShape = errors.some((error) => error.instancePath === "/rateLimit" && error.keyword === "oneOf");
  for (const error of errors) {
    const pointer = error.instancePath || "";
    if (rateLimitShape && pointer.startsWith("/rateLimit")) continue;
    let text;
    if (error.keyword === "additionalProperties") {
      text = `#${pointer}/${error.params.additionalProperty}: unknown field (allowed: ${Object.keys(
        schemaAt(pointer)?.properties ?? {},
      ).join(", ")})`;
    } else if (error.keyword === "required") {
      text = `#${pointer}/${error.params.missingProperty}: is required`;
    } else if (error.keyword === "pattern") {
      text = `#${pointer}: ${JSON.stringify(valueHint(error))} is not valid (${schemaAt(pointer)?.description ?? `must match ${error.params.pattern}`})`;
    } else {
      text = `#${pointer}: ${error.message}`;
    }
    if (!lines.includes(text)) lines.push(text);
  }
  if (rateLimitShape) lines.push("#/rateLimit: must be false or { limit, intervalMs } with positive integers");
  return lines;
}

/** @param {Record<string, any>} error */
function valueHint(error) {
  return error.data;
}

/**
 * The schema node that describes the value at `pointer` (for its description and allowed keys).
 *
 * @param {string} pointer
 * @returns {Record<string, any> | undefined}
 */
function schemaAt(pointer) {
  /** @type {Record<string, any> | undefined} */
  let node = SDK_CONFIG_SCHEMA;
  for (const part of pointer.split("/").slice(1)) {
    node = node?.properties?.[part];
    if (node?.$ref) node = { ...SDK_CONFIG_SCHEMA.definitions[node.$ref.split("/").at(-1)], ...node };
  }
  return node;
}

/**
 * The names the client package exports its factory and types under: `client.factory`,
 * `client.type` and `<client.type>Options`.
 *
 * @param {SdkConfig} config
 */
export function clientNames(config) {
  return { factory: config.client.factory, type: config.client.type, options: `${config.client.type}Options` };
}

/**
 * Checks a parsed config against the schema and the rules a schema cannot say. Every problem is
 * reported at once, each naming the field.
 *
 * @param {unknown} value
 * @param {string} file how messages name the config
 * @returns {SdkConfig}
 */
export function validateSdkConfig(value, file) {
  const validate = validator();
  // Ajv's `data` on errors needs `verbose`; keep the compiled validator lean and look values up.
  if (!validate(value)) {
    const errors = (validate.errors ?? []).map((error) => ({ ...error, data: lookup(value, error.instancePath) }));
    throw configError(file, describe(errors));
  }
  const config = /** @type {SdkConfig} */ (value);
  /** @type {string[]} */
  const problems = [];
  for (const [key, name] of Object.entries(config.packages)) {
    if (!name.startsWith(`${config.scope}/`)) {
      problems.push(`#/packages/${key}: ${JSON.stringify(name)} is not in the scope ${config.scope} (#/scope)`);
    }
  }
  /** @type {Map<string, string>} */
  const envSeen = new Map();
  for (const [key, name] of Object.entries(config.env)) {
    const first = envSeen.get(name);
    if (first) problems.push(`#/env/${key}: must differ from #/env/${first} (both ${name})`);
    else envSeen.set(name, key);
  }
  for (const [key, name] of Object.entries(config.client)) {
    if (isReservedName(name)) {
      problems.push(
        `#/client/${key}: ${JSON.stringify(name)} is a reserved word in JavaScript or TypeScript (it must name a function, type or variable)`,
      );
    }
  }
  const names = clientNames(config);
  if (names.factory === names.type || names.factory === names.options) {
    problems.push(
      `#/client/factory: must differ from #/client/type and its options type ${names.options} (all three are exports of ${config.packages.client})`,
    );
  }
  if (config.client.variable === config.client.factory) {
    problems.push(
      `#/client/variable: must differ from #/client/factory (samples write \`const ${config.client.variable} = ${config.client.factory}(…)\`)`,
    );
  }
  if (problems.length > 0) throw configError(file, problems);
  return config;
}

/**
 * @param {string} file
 * @param {string[]} lines
 */
function configError(file, lines) {
  return new SpecError(
    `invalid SDK config (schema: tools/codegen/sdk-config.schema.json):\n${lines.map((line) => `  ${line}`).join("\n")}`,
    { file },
  );
}

/**
 * @param {unknown} value
 * @param {string} pointer
 */
function lookup(value, pointer) {
  /** @type {any} */
  let node = value;
  for (const part of pointer.split("/").slice(1)) node = node?.[part.replaceAll("~1", "/").replaceAll("~0", "~")];
  return node;
}

/**
 * Reads and validates an SDK config file.
 *
 * @param {string} file
 * @returns {Promise<SdkConfig>}
 */
export async function readSdkConfig(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new SpecError(`cannot read the SDK config (${/** @type {Error} */ (error).message})`, { file });
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SpecError(`is not valid JSON (${/** @type {Error} */ (error).message})`, { file });
  }
  return validateSdkConfig(value, file);
}

/**
 * The config's security schemes, looked up in the spec: each must exist and be one the client can
 * send (HTTP bearer or basic, an API key in a header or the query). OAuth 2 and OpenID Connect
 * schemes are sent as what their flows produce, a bearer access token: the client runs no flow.
 *
 * @param {SdkConfig} config
 * @param {Record<string, any>} spec
 * @param {{ configFile: string, specFile: string }} files
 * @returns {ClientSecurityScheme[]}
 */
export function resolveSecurity(config, spec, files) {
  const schemes = spec.components?.securitySchemes ?? {};
  return config.security.map((name, index) => {
    const where = { file: files.configFile, pointer: `/security/${index}` };
    if (!Object.hasOwn(schemes, name)) {
      const known = Object.keys(schemes);
      throw new SpecError(
        `security scheme ${JSON.stringify(name)} is not declared in ${files.specFile}#/components/securitySchemes (${
          known.length > 0 ? `declared: ${known.join(", ")}` : "it declares none"
        })`,
        where,
      );
    }
    const scheme = deref(spec, schemes[name]) ?? {};
    const type = String(scheme.type);
    const httpScheme = typeof scheme.scheme === "string" ? scheme.scheme.toLowerCase() : undefined;
    if (type === "http" && (httpScheme === "bearer" || httpScheme === "basic")) {
      return { name, type: "http", scheme: httpScheme };
    }
    if (type === "oauth2" || type === "openIdConnect") return { name, type: "http", scheme: "bearer" };
    if (type === "apiKey" && (scheme.in === "header" || scheme.in === "query") && typeof scheme.name === "string") {
      return { name, type: "apiKey", in: scheme.in, parameter: scheme.name };
    }
    const shown = type === "http" ? `http ${scheme.scheme}` : type === "apiKey" ? `apiKey in ${scheme.in}` : type;
    throw new SpecError(
      `security scheme ${JSON.stringify(name)} is ${shown}; the client sends HTTP bearer (also an OAuth 2 / OpenID Connect access token), HTTP basic, or an API key in a header or the query (remove it from #/security, or send it yourself with a fetch wrapper)`,
      where,
    );
  });
}
