// @ts-check
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { SpecError } from "@sdkit/cli-kit";
import { errorPrefix } from "@sdkit/client-core";
import { deref, isJsonMedia, isObject, refPath } from "@sdkit/openapi";
import { toJsonSchema } from "../json-schema.js";

/** @typedef {import("../model.js").OperationModel} OperationModel */
/** @typedef {import("../sdk-config.js").SdkConfig} SdkConfig */
/**
 * A tool, as mcp-runtime/tool-spec.ts declares it (ToolSpec).
 *
 * @typedef {{ name: string, title?: string, description: string, operationId: string, sdkMethod: string,
 *   tags: string[], method: string, path: string, inputSchema: Record<string, any>,
 *   annotations: ToolAnnotations, arguments: ArgumentSpec[], bodyMediaType?: string, responseMediaType?: string }} ToolSpec
 */
/** @typedef {{ property: string, in: "path" | "query" | "header" | "body", name: string, required: boolean }} ArgumentSpec */
/**
 * @typedef {{ title?: string, readOnlyHint: boolean, destructiveHint: boolean, idempotentHint: boolean,
 *   openWorldHint: boolean }} ToolAnnotations
 */

const RUNTIME = new URL("../../mcp-runtime/", import.meta.url);
/** What MCP clients accept as a tool name (the spec's recommendation; some clients enforce it). */
const MAX_NAME = 64;
/** Property names of a tool's input some clients enforce (Anthropic's API among them). */
const SAFE_PROPERTY = /[^A-Za-z0-9_.-]/g;

/** The MCP server's names, from the SDK config (defaults: `<scope>/mcp`, bin `<name>-mcp`). @param {SdkConfig} config */
export function mcpNames(config) {
  return {
    packageName: config.packages.mcp ?? `${config.scope}/mcp`,
    bin: config.mcp?.bin ?? `${config.name}-mcp`,
  };
}

/** `upsertPet` → `upsert_pet`. @param {string} name */
function snake(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9_-]+/g, "_")
    .toLowerCase();
}

/** A name cut to `max` characters keeps a hash of the whole, so two long names stay apart. */
function fit(/** @type {string} */ name, max = MAX_NAME) {
  if (name.length <= max) return name;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${name.slice(0, max - 9)}_${hash}`;
}

/**
 * The MCP hints an HTTP method gives (RFC 9110's safe and idempotent methods): GET, HEAD and
 * OPTIONS read only; DELETE destroys; PUT and DELETE are idempotent; POST and PATCH are neither.
 * Every tool reaches outside the client (openWorldHint).
 *
 * @param {string} method lower or upper case
 * @param {string} [title]
 * @returns {ToolAnnotations}
 */
export function annotationsFor(method, title) {
  const verb = method.toUpperCase();
  const readOnly = verb === "GET" || verb === "HEAD" || verb === "OPTIONS";
  return {
    ...(title ? { title } : {}),
    readOnlyHint: readOnly,
    destructiveHint: verb === "DELETE",
    idempotentHint: readOnly || verb === "PUT" || verb === "DELETE",
    openWorldHint: true,
  };
}

/** @param {unknown} text */
const prose = (text) => (typeof text === "string" && text.trim() ? text.trim() : undefined);

/**
 * Converts schemas of the document into one self-contained JSON Schema: every local `$ref` becomes
 * `#/$defs/<name>` and the schemas it reaches are copied into `defs` (recursion stays a `$ref`).
 *
 * @param {Record<string, any>} spec
 */
function schemaConverter(spec) {
  /** @type {Record<string, unknown>} */
  const defs = {};
  /** @type {Map<string, string>} */
  const names = new Map();
  /** @type {string[]} */
  const queue = [];
  /** @param {string} ref */
  const rename = (ref) => {
    let name = names.get(ref);
    if (name === undefined) {
      const keys = refPath(ref);
      if (keys === undefined) throw new SpecError(`only local $refs are supported, found ${ref}`);
      const base = String(keys.at(-1) ?? "schema").replace(SAFE_PROPERTY, "_") || "schema";
      const taken = new Set(names.values());
      name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
      names.set(ref, name);
      queue.push(ref);
    }
    return `#/$defs/${name}`;
  };
  /**
   * Rewrites `$ref`s that toJsonSchema does not visit (under keywords it does not know as holding schemas).
   *
   * @param {unknown} node
   * @returns {unknown}
   */
  const fixRefs = (node) => {
    if (Array.isArray(node)) return node.map(fixRefs);
    if (!isObject(node)) return node;
    /** @type {Record<string, unknown>} */
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] =
        key === "$ref" && typeof value === "string" && !value.startsWith("#/$defs/") ? rename(value) : fixRefs(value);
    }
    return out;
  };
  const convert = (/** @type {unknown} */ schema) => fixRefs(toJsonSchema(schema ?? {}, rename));
  return {
    /** A parameter's or a body's schema: a `$ref` at its root is inlined, so that its description can sit beside it. */
    convert: (/** @type {unknown} */ schema) => convert(deref(spec, schema)),
    /** The `$defs` every converted schema needs (converting the schemas they reach on the way). */
    defs() {
      while (queue.length > 0) {
        const ref = /** @type {string} */ (queue.shift());
        defs[/** @type {string} */ (names.get(ref))] = convert(deref(spec, { $ref: ref }));
      }
      return defs;
    },
  };
}

/**
 * The operations the config exposes (`mcp.include`, then `mcp.exclude`, by operationId or tag),
 * every name checked against the document.
 *
 * @param {OperationModel[]} operations
 * @param {SdkConfig} config
 */
export function selectOperations(operations, config) {
  const ids = new Set(operations.map((m) => m.op.operationId));
  const tags = new Set(operations.flatMap((m) => m.op.tags));
  for (const part of /** @type {const} */ (["include", "exclude"])) {
    const filter = config.mcp?.[part];
    for (const [i, id] of (filter?.operationIds ?? []).entries()) {
      if (!ids.has(id)) {
        throw new SpecError(
          `sdk.config.json #/mcp/${part}/operationIds/${i}: no operation ${JSON.stringify(id)} in the spec`,
        );
      }
    }
    for (const [i, tag] of (filter?.tags ?? []).entries()) {
      if (!tags.has(tag)) {
        throw new SpecError(
          `sdk.config.json #/mcp/${part}/tags/${i}: no operation has the tag ${JSON.stringify(tag)} (tags: ${[...tags].join(", ") || "none"})`,
        );
      }
    }
  }
  /** @param {{ operationIds?: string[], tags?: string[] } | undefined} filter @param {OperationModel} m */
  const matches = (filter, m) =>
    Boolean(filter?.operationIds?.includes(m.op.operationId) || m.op.tags.some((tag) => filter?.tags?.includes(tag)));
  const include = config.mcp?.include;
  const exclude = config.mcp?.exclude;
  return operations.filter((m) => (include === undefined || matches(include, m)) && !matches(exclude, m));
}

/**
 * The tool of one operation: its name, description, input schema, annotations and where each
 * argument goes. Undefined (with the reason) for a body MCP's JSON arguments cannot carry.
 *
 * @param {Record<string, any>} spec
 * @param {OperationModel} m
 * @param {string} name
 * @returns {{ tool: ToolSpec } | { skipped: string }}
 */
function toolFor(spec, m, name) {
  const { op } = m;
  const converter = schemaConverter(spec);
  /** @type {Record<string, unknown>} */
  const properties = {};
  /** @type {string[]} */
  const required = [];
  /** @type {ArgumentSpec[]} */
  const args = [];
  const taken = new Set();
  /** @param {string} wanted */
  const propertyName = (wanted) => {
    const base = fit(wanted.replace(SAFE_PROPERTY, "_") || "arg");
    let property = base;
    for (let n = 2; taken.has(property); n++) property = fit(`${base}_${n}`);
    taken.add(property);
    return property;
  };
  for (const [where, list] of /** @type {const} */ ([
    ["path", m.pathParams],
    ["query", m.queryParams],
    ["header", m.headerParams],
  ])) {
    for (const param of list) {
      const parameter = param.parameter;
      const fromContent = isObject(parameter.content) ? Object.values(parameter.content)[0]?.schema : undefined;
      const schema = /** @type {Record<string, unknown>} */ (converter.convert(parameter.schema ?? fromContent));
      const notes = [prose(parameter.description), parameter.deprecated === true ? "Deprecated." : undefined];
      const description = notes.filter(Boolean).join(" ");
      const property = propertyName(param.name);
      properties[property] = { ...schema, ...(description ? { description } : {}) };
      if (param.required) required.push(property);
      args.push({ property, in: where, name: param.name, required: param.required });
    }
  }
  /** @type {string | undefined} */
  let bodyMediaType;
  if (m.body) {
    const media = m.body.contentType;
    if (!isJsonMedia(media)) {
      if (!/^(application\/x-www-form-urlencoded|text\/)/i.test(media)) {
        return { skipped: `its request body is ${media}, which a tool's JSON arguments cannot carry` };
      }
      bodyMediaType = media;
    }
    const requestBody = deref(spec, op.operation.requestBody);
    const schema = /** @type {Record<string, unknown>} */ (converter.convert(m.body.mediaObject?.schema));
    const description = prose(requestBody?.description) ?? "The request body.";
    const property = propertyName(taken.has("body") ? "requestBody" : "body");
    properties[property] = { ...schema, description: schema.description ?? description };
    if (m.body.required) required.push(property);
    args.push({ property, in: "body", name: property, required: m.body.required });
  }
  const defs = converter.defs();
  const summary = prose(op.operation.summary);
  const details = prose(op.operation.description);
  const verb = op.method.toUpperCase();
  const sdkMethod = `${m.resource}.${m.sdkMethod}`;
  const description = [
    summary,
    details,
    op.operation.deprecated === true ? "Deprecated." : undefined,
    `${verb} ${op.path} (operationId ${op.operationId}; SDK method ${sdkMethod}).`,
  ]
    .filter(Boolean)
    .join("\n\n");
  return {
    tool: {
      name,
      ...(summary ? { title: summary } : {}),
      description,
      operationId: op.operationId,
      sdkMethod,
      tags: op.tags,
      method: verb,
      path: op.path,
      inputSchema: {
        type: "object",
        properties,
        ...(required.length > 0 ? { required } : {}),
        additionalProperties: false,
        ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
      },
      annotations: annotationsFor(verb, summary),
      arguments: args,
      ...(bodyMediaType ? { bodyMediaType } : {}),
      ...(m.success?.media && !isJsonMedia(m.success.media) ? { responseMediaType: m.success.media } : {}),
    },
  };
}

/**
 * Every tool of the document, in the SDK's order: one per operation the config exposes, named
 * `<resource>_<method>` after its SDK method (a merged method's other verbs add `_<verb>`).
 *
 * @param {Record<string, any>} spec
 * @param {ReturnType<typeof import("../model.js").buildModel>} model
 * @param {SdkConfig} config
 */
export function mcpTools(spec, model, config) {
  const exposed = new Set(selectOperations(model.operations, config).map((m) => m.op.operationId));
  /** @type {ToolSpec[]} */
  const tools = [];
  /** @type {Array<{ operationId: string, reason: string }>} */
  const skipped = [];
  /** @type {Map<string, string>} */
  const owners = new Map();
  for (const [resource, methods] of model.plan) {
    for (const method of methods) {
      for (const [index, variant] of method.variants.entries()) {
        if (!exposed.has(variant.operationId)) continue;
        const m = /** @type {OperationModel} */ (model.byId.get(variant.operationId));
        const base = `${snake(resource)}_${snake(method.name)}${index === 0 ? "" : `_${variant.method.toLowerCase()}`}`;
        // Two SDK names can meet in snake case (`getV2`, `get_v2`): the later one gets `_2`.
        let name = fit(base);
        for (let n = 2; owners.has(name); n++) name = fit(`${base}_${n}`);
        owners.set(name, variant.operationId);
        const result = toolFor(spec, m, name);
        if ("tool" in result) tools.push(result.tool);
        else skipped.push({ operationId: variant.operationId, reason: result.skipped });
      }
    }
  }
  // A selection that leaves nothing is a mistake in the config; a document with no operation a tool
  // can carry still builds (a server without tools).
  if (tools.length === 0 && (config.mcp?.include || config.mcp?.exclude)) {
    throw new SpecError(
      "sdk.config.json #/mcp: exposes no tool (every operation it selects is excluded or has a body a tool cannot carry)",
    );
  }
  return { tools, skipped };
}

/**
 * One `const toolN: ToolSpec = {...};` per tool, each followed by a blank line. One literal array
 * of every tool makes tsc build the union of all their types: on ~1,000 operations (GitHub's
 * description) that union is too big and tsc stops with TS2590. Annotated one by one, each
 * literal is checked against ToolSpec on its own and the list is an array of names.
 *
 * @param {ToolSpec[]} tools
 * @returns {string[]}
 */
function toolConstants(tools) {
  return tools.flatMap((tool, i) => [`const tool${i}: ToolSpec = ${JSON.stringify(tool, null, 2)};`, ""]);
}

/**
 * The `mcp` target: an MCP server (stdio) on the generated client, one tool per operation the
 * config exposes. Writes `tools.ts` (the tool table), `config.ts` (the configured names and the
 * client factory), `bin.ts` (the entry) and `runtime/` (the neutral runtime, copied from
 * mcp-runtime/).
 *
 * @param {{ spec: Record<string, any>, model: ReturnType<typeof import("../model.js").buildModel>, header: string, config: SdkConfig, version: string }} input
 * @returns {Map<string, string>}
 */
export function mcpTarget({ spec, model, header, config, version }) {
  /** @type {Map<string, string>} */
  const files = new Map();
  for (const name of readdirSync(RUNTIME)
    .filter((file) => file.endsWith(".ts"))
    .sort()) {
    files.set(`runtime/${name}`, `// ${header}\n${readFileSync(new URL(name, RUNTIME), "utf8")}`);
  }
  const { tools, skipped } = mcpTools(spec, model, config);
  files.set(
    "tools.ts",
    [
      `// ${header}`,
      'import type { ToolSpec } from "./runtime/tool-spec.js";',
      "",
      ...toolConstants(tools),
      "/** One tool per operation the SDK config exposes, in the SDK's order. */",
      `export const TOOLS: readonly ToolSpec[] = [${tools.map((_, i) => `\n  tool${i},`).join("")}${tools.length > 0 ? "\n" : ""}];`,
      "",
      "/** Operations left out because a tool's JSON arguments cannot carry their request body. */",
      `export const SKIPPED: ReadonlyArray<{ operationId: string; reason: string }> = ${JSON.stringify(skipped, null, 2)};`,
      "",
    ].join("\n"),
  );
  const names = mcpNames(config);
  const mcpConfig = {
    name: names.bin,
    title: config.title,
    packageName: names.packageName,
    version,
    apiKeyEnv: config.security.length > 0 ? config.env.apiKey : undefined,
    baseUrlEnv: config.env.baseUrl,
    logEnv: config.env.log,
    apiKeyHelp: config.apiKeyHelp,
    errorPrefix: errorPrefix(config.name),
  };
  files.set(
    "config.ts",
    [
      `// ${header}`,
      `import { ${config.client.factory} } from ${JSON.stringify(config.packages.client)};`,
      'import type { GenericClient } from "./runtime/server.js";',
      'import type { McpConfig } from "./runtime/tool-spec.js";',
      "",
      `export const MCP_CONFIG: McpConfig = ${JSON.stringify(mcpConfig, null, 2)};`,
      "",
      "// Standard output carries the protocol: the client's debug log (the log variable set to debug) goes to stderr.",
      "const stderrLogger = {",
      "  debug: (message: string, details?: Record<string, unknown>) =>",
      '    process.stderr.write([message, details ? JSON.stringify(details) : ""].join(" ").trimEnd() + "\\n"),',
      "};",
      "",
      "/** The client, with its key and base URL from the environment (as the client reads them). */",
      "export const createClient = (): GenericClient =>",
      `  ${config.client.factory}({`,
      `    ...(process.env[MCP_CONFIG.logEnv] === "debug" ? { logger: stderrLogger } : {}),`,
      "  }) as unknown as GenericClient;",
      "",
    ].join("\n"),
  );
  files.set(
    "bin.ts",
    [
      "#!/usr/bin/env node",
      `// ${header}`,
      'import { createClient, MCP_CONFIG } from "./config.js";',
      'import { createMcpServer, serveStdio } from "./runtime/server.js";',
      'import { TOOLS } from "./tools.js";',
      "",
      "// Standard output is the protocol channel: nothing else may write to it.",
      "await serveStdio(createMcpServer(MCP_CONFIG, TOOLS, createClient, process.env));",
      "",
    ].join("\n"),
  );
  return files;
}
