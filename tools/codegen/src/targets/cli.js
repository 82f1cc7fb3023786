// @ts-check
import { readdirSync, readFileSync } from "node:fs";
import { SpecError } from "@sdkit/cli-kit";
import { errorPrefix } from "@sdkit/client-core";
import { deref, isObject } from "@sdkit/openapi";

/** @typedef {import("../model.js").OperationModel} OperationModel */
/** @typedef {import("../sdk-config.js").SdkConfig} SdkConfig */
/** @typedef {"string" | "number" | "integer" | "boolean"} ValueType */
/**
 * An option of a command, as cli-runtime/command-spec.ts declares it (OptionSpec).
 *
 * @typedef {{ name: string, in: "path" | "query" | "header" | "body", key: string[], type: ValueType,
 *   multiple: boolean, required: boolean, description?: string, enum?: unknown[] }} OptionSpec
 */
/**
 * A command, as cli-runtime/command-spec.ts declares it (CommandSpec).
 *
 * @typedef {{ resource: string, command: string, summary?: string, description?: string,
 *   operations: Array<{ operationId: string, method: string, path: string }>, options: OptionSpec[],
 *   body: "none" | "json" | "object", bodyRequired: boolean }} CommandSpec
 */

const RUNTIME = new URL("../../cli-runtime/", import.meta.url);
/** Options every command has; a body field of the same name is set through `--data` only. */
const RESERVED = new Set(["data", "help", "method", "h"]);
/** How deep body objects are flattened into dotted options; deeper fields go through `--data`. */
const MAX_DEPTH = 4;
const SCALARS = new Set(["string", "number", "integer", "boolean"]);

/** `orderLines` → `order-lines`: the words users type. @param {string} name */
export function commandWord(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/** The CLI's names, from the SDK config (defaults: `<scope>/cli`, bin = the API's name). @param {SdkConfig} config */
export function cliNames(config) {
  return {
    packageName: config.packages.cli ?? `${config.scope}/cli`,
    bin: config.cli?.bin ?? config.name,
  };
}

/**
 * A schema's scalar type (`string`, `number`, `integer`, `boolean`), or undefined for anything else.
 * A 3.1 type array with `"null"` counts as its other type.
 *
 * @param {any} schema
 */
function scalarType(schema) {
  let type = schema?.type;
  if (Array.isArray(type)) {
    const rest = type.filter((t) => t !== "null");
    type = rest.length === 1 ? rest[0] : undefined;
  }
  if (
    type === undefined &&
    Array.isArray(schema?.enum) &&
    schema.enum.every((/** @type {unknown} */ v) => typeof v === "string")
  ) {
    type = "string";
  }
  return typeof type === "string" && SCALARS.has(type) ? /** @type {ValueType} */ (type) : undefined;
}

/**
 * The properties of an object schema, `allOf` parts merged (what a dotted option can address).
 *
 * @param {Record<string, any>} spec
 * @param {any} schema
 * @returns {{ properties: Record<string, any>, required: Set<string> } | undefined}
 */
function objectShape(spec, schema, seen = new Set()) {
  const node = deref(spec, schema);
  if (!isObject(node) || seen.has(node)) return undefined;
  seen.add(node);
  /** @type {Record<string, any>} */
  const properties = {};
  const required = new Set(Array.isArray(node.required) ? node.required : []);
  if (isObject(node.properties)) Object.assign(properties, node.properties);
  if (Array.isArray(node.allOf)) {
    for (const part of node.allOf) {
      const shape = objectShape(spec, part, seen);
      if (!shape) continue;
      Object.assign(properties, shape.properties);
      for (const name of shape.required) required.add(name);
    }
  }
  if (Object.keys(properties).length === 0 && node.type !== "object") return undefined;
  return { properties, required };
}

/** @param {unknown} text */
const prose = (text) => (typeof text === "string" && text.trim() ? text.trim() : undefined);

/**
 * One option per scalar (or array of scalars) leaf of the body schema, named by its dotted path.
 * Objects nest (to MAX_DEPTH); unions, free-form maps and arrays of objects are left to `--data`.
 *
 * @param {Record<string, any>} spec
 * @param {any} schema
 * @param {string[]} path
 * @param {boolean} parentRequired
 * @param {Set<string>} taken names already used
 * @param {OptionSpec[]} out
 */
function bodyOptions(spec, schema, path, parentRequired, taken, out, seen = new Set()) {
  const shape = objectShape(spec, schema);
  if (!shape || path.length >= MAX_DEPTH) return;
  for (const [name, raw] of Object.entries(shape.properties)) {
    const property = deref(spec, raw);
    if (!isObject(property) || property.readOnly === true || seen.has(property)) continue;
    const key = [...path, name];
    const optionName = key.join(".");
    if (RESERVED.has(optionName) || taken.has(optionName) || !/^[A-Za-z0-9_$][\w$-]*$/.test(name)) continue;
    const required = parentRequired && shape.required.has(name);
    const scalar = scalarType(property);
    const items = property.type === "array" ? deref(spec, property.items) : undefined;
    const itemScalar = items ? scalarType(items) : undefined;
    if (scalar || itemScalar) {
      const typed = /** @type {any} */ (scalar ? property : items);
      taken.add(optionName);
      out.push({
        name: optionName,
        in: "body",
        key,
        type: /** @type {any} */ (scalar ?? itemScalar),
        multiple: !scalar,
        required,
        ...(prose(property.description) ? { description: prose(property.description) } : {}),
        ...(Array.isArray(typed.enum) ? { enum: typed.enum.filter((/** @type {unknown} */ v) => v !== null) } : {}),
      });
    } else if (objectShape(spec, property)) {
      bodyOptions(spec, property, key, required, taken, out, new Set([...seen, property]));
    }
  }
}

/**
 * @param {Record<string, any>} spec
 * @param {OperationModel} m
 * @param {Set<string>} taken
 */
function parameterOptions(spec, m, taken) {
  /** @type {OptionSpec[]} */
  const out = [];
  for (const [where, list] of /** @type {const} */ ([
    ["path", m.pathParams],
    ["query", m.queryParams],
    ["header", m.headerParams],
  ])) {
    for (const param of list) {
      if (RESERVED.has(param.name) || taken.has(param.name)) continue;
      const schema = deref(spec, param.parameter.schema);
      const scalar = scalarType(schema);
      const itemScalar = schema?.type === "array" ? scalarType(deref(spec, schema.items)) : undefined;
      taken.add(param.name);
      out.push({
        name: param.name,
        in: where,
        key: [param.name],
        type: scalar ?? itemScalar ?? "string",
        multiple: !scalar && Boolean(itemScalar),
        required: param.required,
        ...(prose(param.parameter.description) ? { description: prose(param.parameter.description) } : {}),
        ...(Array.isArray(schema?.enum) ? { enum: schema.enum } : {}),
      });
    }
  }
  return out;
}

/**
 * The commands of a document: one per SDK method (`<resource> <method>` in kebab case), with
 * options typed from the operation's parameters and JSON body (what `commands.ts` holds; the docs
 * site's CLI page lists the same).
 *
 * @param {Record<string, any>} spec
 * @param {ReturnType<typeof import("../model.js").buildModel>} model
 * @returns {CommandSpec[]}
 */
export function cliCommands(spec, model) {
  /** @type {CommandSpec[]} */
  const commands = [];
  for (const [resource, methods] of model.plan) {
    for (const method of methods) {
      const first = /** @type {OperationModel} */ (model.byId.get(method.variants[0]?.operationId ?? ""));
      const taken = new Set();
      const options = parameterOptions(spec, first, taken);
      let body = /** @type {"none" | "json" | "object"} */ ("none");
      if (first.body) {
        const content = first.body.mediaObject;
        const isJson = /^application\/([\w.-]+\+)?json\b/i.test(first.body.media);
        body = isJson ? "json" : "none";
        if (isJson && objectShape(spec, content?.schema)) {
          body = "object";
          bodyOptions(spec, content.schema, [], true, taken, options);
        }
      }
      const { summary, description } = first.op.operation;
      commands.push({
        resource: commandWord(resource),
        command: commandWord(method.name),
        ...(prose(summary) ? { summary: prose(summary) } : {}),
        ...(prose(description) ? { description: prose(description) } : {}),
        operations: method.variants.map((/** @type {any} */ op) => ({
          operationId: op.operationId,
          method: op.method.toUpperCase(),
          path: op.path,
        })),
        options,
        body,
        bodyRequired: body !== "none" && Boolean(first.body?.required),
      });
    }
  }
  return commands;
}

/**
 * The `cli` target: a complete command-line tool on the generated client, one command per SDK
 * method (`<resource> <method>`, in kebab case; a method that merges several operations takes
 * `--method`), with options typed from the operation's parameters and JSON body. Writes
 * `commands.ts` (the command table), `config.ts` (the configured names and the client factory),
 * `bin.ts` (the entry) and `runtime/` (the neutral runtime, copied from cli-runtime/).
 *
 * @param {{ spec: Record<string, any>, model: ReturnType<typeof import("../model.js").buildModel>, header: string, config: SdkConfig, version: string }} input
 * @returns {Map<string, string>}
 */
export function cliTarget({ spec, model, header, config, version }) {
  /** @type {Map<string, string>} */
  const files = new Map();
  for (const name of readdirSync(RUNTIME)
    .filter((file) => file.endsWith(".ts"))
    .sort()) {
    files.set(`runtime/${name}`, `// ${header}\n${readFileSync(new URL(name, RUNTIME), "utf8")}`);
  }
  const commands = cliCommands(spec, model);
  files.set(
    "commands.ts",
    `// ${header}\nimport type { CommandSpec } from "./runtime/command-spec.js";\n\n/** One command per SDK method, in document order. */\nexport const COMMANDS: readonly CommandSpec[] = ${JSON.stringify(commands, null, 2)};\n`,
  );
  /** @type {Array<{ resource: string, command: string, target: { resource: string, command: string }, unknownInto?: string }>} */
  const imports = [];
  for (const [i, entry] of (config.cli?.imports ?? []).entries()) {
    const target = commands.find((c) => c.operations.some((op) => op.operationId === entry.operationId));
    const where = `sdk.config.json #/cli/imports/${i}`;
    if (!target)
      throw new SpecError(`${where}/operationId: no operation ${JSON.stringify(entry.operationId)} in the spec`);
    if (target.body !== "object") {
      throw new SpecError(
        `${where}/operationId: ${entry.operationId} takes no JSON object body, so it has no bulk mode`,
      );
    }
    const [resource, command] = entry.command.split(" ");
    if (commands.some((c) => c.resource === resource && c.command === command)) {
      throw new SpecError(`${where}/command: "${entry.command}" is already the command of an operation`);
    }
    imports.push({
      resource: /** @type {string} */ (resource),
      command: /** @type {string} */ (command),
      target: { resource: target.resource, command: target.command },
      ...(entry.unknownColumns ? { unknownInto: entry.unknownColumns } : {}),
    });
  }
  const names = cliNames(config);
  const security = config.security.length > 0;
  const cliConfig = {
    bin: names.bin,
    title: config.title,
    packageName: names.packageName,
    version,
    apiKeyEnv: security ? config.env.apiKey : undefined,
    baseUrlEnv: config.env.baseUrl,
    apiKeyHelp: config.apiKeyHelp,
    errorPrefix: errorPrefix(config.name),
    imports,
  };
  files.set(
    "config.ts",
    [
      `// ${header}`,
      `import { ${config.client.factory} } from ${JSON.stringify(config.packages.client)};`,
      'import type { CliConfig } from "./runtime/command-spec.js";',
      'import type { ClientSettings, GenericClient } from "./runtime/main.js";',
      "",
      `export const CLI_CONFIG: CliConfig = ${JSON.stringify(cliConfig, null, 2)};`,
      "",
      "/** The client, with its key and base URL from the environment (as the client reads them). */",
      `export const createClient = (settings: ClientSettings = {}): GenericClient =>`,
      `  ${config.client.factory}(settings) as unknown as GenericClient;`,
      "",
    ].join("\n"),
  );
  files.set(
    "bin.ts",
    [
      "#!/usr/bin/env node",
      `// ${header}`,
      'import { readFileSync } from "node:fs";',
      'import { setFlagsFromString } from "node:v8";',
      'import { COMMANDS } from "./commands.js";',
      'import { CLI_CONFIG, createClient } from "./config.js";',
      'import { runCli } from "./runtime/main.js";',
      "",
      "// A bulk run makes garbage at a steady rate (a request and a response per row) that V8's default",
      "// heap growth (doubling toward a far limit) lets pile up: a 10,000-row import peaked near 190 MB,",
      "// about 130 MB with this. Collecting once the heap has grown 10 % keeps memory near what is live;",
      "// it costs under 3 % of the rate (see bench/, the import suite). Read by V8 at each collection,",
      "// so setting it here, before any work, takes effect.",
      'setFlagsFromString("--heap-growing-percent=10");',
      "",
      "// Ctrl-C once: a bulk run stops starting rows and finishes those in flight; twice: exit at once.",
      "const interrupt = new AbortController();",
      'process.on("SIGINT", () => {',
      "  if (interrupt.signal.aborted) process.exit(130);",
      "  interrupt.abort();",
      "});",
      "process.exitCode = await runCli(CLI_CONFIG, COMMANDS, createClient, {",
      "  argv: process.argv.slice(2),",
      "  stdin: process.stdin,",
      "  stderrIsTTY: process.stderr.isTTY,",
      "  signal: interrupt.signal,",
      "  env: process.env,",
      "  stdout: (text) => process.stdout.write(text),",
      "  stderr: (text) => process.stderr.write(text),",
      '  readStdin: () => readFileSync(0, "utf8"),',
      "});",
      "",
    ].join("\n"),
  );
  return files;
}
