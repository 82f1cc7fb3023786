// @ts-check
// The CLI and MCP pages: what the generated command-line tool and MCP server of an SDK config do,
// from the same spec and the same generator functions (@sdkit/codegen) that write them, so the
// pages list exactly the commands and tools the packages have.
import {
  buildModel,
  CLI_EXIT_CODES,
  cliCommands,
  cliNames,
  mcpNames,
  mcpTools,
  mediaExample,
  parameterExample,
} from "@sdkit/codegen";

/** @typedef {import("@sdkit/codegen/sdk-config").SdkConfig} SdkConfig */

const fence = "```";

/** A table cell: one line, pipes escaped. @param {unknown} text */
function cell(text) {
  return String(text ?? "")
    .replace(/\s*\n\s*/g, " ")
    .replaceAll("|", "\\|")
    .trim();
}

/** A word as a shell would take it back: bare when safe, else single-quoted. @param {unknown} value */
export function shellWord(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * The environment the generated tools read (the client's variables).
 *
 * @param {SdkConfig} config
 * @param {string} apiKeyNote what the tool does about the key
 */
function environmentTable(config, apiKeyNote) {
  const rows = [
    "| variable | what |",
    "| --- | --- |",
    ...(config.security.length > 0
      ? [
          `| \`${config.env.apiKey}\` | the API key ${apiKeyNote}${config.apiKeyHelp ? ` ${cell(config.apiKeyHelp)}` : ""} |`,
        ]
      : []),
    `| \`${config.env.baseUrl}\` | another origin than \`${config.baseUrl}\` (a mock, a staging server) |`,
    `| \`${config.env.log}\` | \`debug\`: the client's request log, on stderr |`,
  ];
  return rows.join("\n");
}

/**
 * The value at a dotted path of an example body, when it is a scalar or an array of scalars.
 *
 * @param {unknown} example
 * @param {string[]} key
 */
function exampleAt(example, key) {
  /** @type {any} */
  let node = example;
  for (const part of key) node = node !== null && typeof node === "object" ? node[part] : undefined;
  const scalar = (/** @type {unknown} */ v) => v === null || ["string", "number", "boolean"].includes(typeof v);
  if (node === undefined || node === null) return undefined;
  if (scalar(node)) return [node];
  if (Array.isArray(node) && node.every(scalar)) return node;
  return undefined;
}

/**
 * One invocation of a command with the spec's examples: every required option (a placeholder when
 * the spec gives no example) and each body field the example sets.
 *
 * @param {Record<string, any>} spec
 * @param {ReturnType<typeof buildModel>} model
 * @param {string} bin
 * @param {ReturnType<typeof cliCommands>[number]} command
 */
function exampleInvocation(spec, model, bin, command) {
  const m = model.byId.get(command.operations[0]?.operationId ?? "");
  const body = m?.body ? mediaExample(spec, m.body.mediaObject) : undefined;
  /** @type {string[]} */
  const words = [bin, command.resource, command.command];
  for (const option of command.options) {
    /** @type {unknown[] | undefined} */
    let values;
    if (option.in === "body") values = exampleAt(body, option.key);
    else if (option.required && m) {
      const list = option.in === "path" ? m.pathParams : option.in === "query" ? m.queryParams : m.headerParams;
      const param = list.find((p) => p.name === option.name);
      const value = param ? parameterExample(spec, param.parameter) : undefined;
      values = value === undefined ? undefined : Array.isArray(value) ? value : [value];
    }
    if (values === undefined && option.required) values = [`<${option.name}>`];
    for (const value of values ?? []) words.push(`--${option.name}`, shellWord(value));
  }
  return words.join(" ");
}

/**
 * The CLI page's Markdown: install, environment, output and exit codes, and each command with its
 * options and an example invocation.
 *
 * @param {Record<string, any>} spec the bundled document
 * @param {SdkConfig} config
 */
export function cliPageMarkdown(spec, config) {
  const model = buildModel(spec);
  const commands = cliCommands(spec, model);
  const { packageName, bin } = cliNames(config);
  const lines = [
    `# The \`${bin}\` command`,
    "",
    `\`${packageName}\` calls the ${config.title} API from a terminal or a script: one command per operation,`,
    "generated from the same OpenAPI document as the client, on the client (its rate limiter, retries and",
    "timeouts apply).",
    "",
    "## Install",
    "",
    `${fence}sh`,
    `npm install --global ${packageName}`,
    ...(config.security.length > 0 ? [`export ${config.env.apiKey}="<your API key>"`] : []),
    `${bin} --help`,
    fence,
    "",
    "## Environment",
    "",
    environmentTable(config, "(read from the environment only: no flag puts it in shell history)."),
    "",
    "## Output and exit codes",
    "",
    "The response body is printed as JSON on stdout. An error is printed as JSON on stderr",
    '(`{ "error": { "class", "status", "message", "requestId", "fieldErrors", "body" } }`), and the exit code',
    "says which class of error it was:",
    "",
    "| code | meaning |",
    "| --- | --- |",
    ...CLI_EXIT_CODES.map(({ code, meaning }) => `| ${code} | ${cell(meaning)} |`),
    "",
    "## Commands",
    "",
  ];
  for (const command of commands) {
    const name = `${bin} ${command.resource} ${command.command}`;
    lines.push(`### \`${name}\``, "");
    if (command.summary) lines.push(command.summary, "");
    if (command.description && command.description !== command.summary) lines.push(command.description, "");
    const [first, ...others] = command.operations;
    if (first) {
      const alternatives = others.map((op) => `; \`--method ${op.method}\`: \`${op.method} ${op.path}\``).join("");
      lines.push(
        `Calls \`${first.method} ${first.path}\`${others.length > 0 ? " by default" : ""}${alternatives}.`,
        "",
      );
    }
    if (command.options.length > 0 || command.body !== "none") {
      lines.push("| option | type | required | description |", "| --- | --- | --- | --- |");
      for (const option of command.options) {
        const type = option.enum ? option.enum.map((v) => `\`${v}\``).join(", ") : option.type;
        const description = [option.description, option.multiple ? "Repeat the option for several values." : ""]
          .filter(Boolean)
          .join(" ");
        lines.push(`| \`--${option.name}\` | ${cell(type)} | ${option.required ? "yes" : ""} | ${cell(description)} |`);
      }
      if (command.body !== "none") {
        lines.push(
          `| \`--data\` | JSON, \`@file.json\` or \`@-\` | ${command.bodyRequired ? "or the options" : ""} | the whole request body; the options above override its fields |`,
        );
      }
      lines.push("");
    }
    lines.push("Example:", "", `${fence}sh`, exampleInvocation(spec, model, bin, command), fence, "");
    if (command.body === "object") {
      lines.push(
        `Bulk mode: \`${name} --bulk <file.csv|file.ndjson>\` sends one request per row, under the rate limit, resumable.`,
        "",
      );
    }
  }
  for (const entry of config.cli?.imports ?? []) {
    const target = commands.find((c) => c.operations.some((op) => op.operationId === entry.operationId));
    if (!target) continue;
    lines.push(
      `### \`${bin} ${entry.command} <file>\``,
      "",
      `Imports a CSV or NDJSON file (\`-\` for standard input) row by row through \`${bin} ${target.resource} ${target.command}\`'s bulk mode:`,
      "a CSV header names body fields (`--map column=field` renames),",
      entry.unknownColumns ? `other columns go into \`${entry.unknownColumns}\`;` : "other columns are an error;",
      "a journal makes a rerun resume without sending a row twice, and rejected rows are written back with their field errors.",
      "",
      `${fence}sh`,
      `${bin} ${entry.command} rows.csv`,
      fence,
      "",
    );
  }
  return lines.join("\n");
}

/**
 * A JSON Schema's type in a few words.
 *
 * @param {any} schema
 * @param {number} [depth]
 * @returns {string}
 */
function typeOf(schema, depth = 0) {
  if (!schema || typeof schema !== "object") return "any";
  if (typeof schema.$ref === "string") return String(schema.$ref.split("/").at(-1));
  if (Array.isArray(schema.enum)) return schema.enum.map((/** @type {unknown} */ v) => JSON.stringify(v)).join(" \\| ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes("array") && depth < 2) return `${typeOf(schema.items, depth + 1)}[]`;
  if (types.length > 0) return types.join(" \\| ");
  for (const key of ["oneOf", "anyOf"]) {
    if (Array.isArray(schema[key]))
      return schema[key].map((/** @type {any} */ s) => typeOf(s, depth + 1)).join(" \\| ");
  }
  return schema.properties ? "object" : "any";
}

/**
 * The properties of an object schema, through one `$ref` into `$defs` and `allOf` parts.
 *
 * @param {any} schema
 * @param {any} root
 * @returns {{ properties: Record<string, any>, required: Set<string> }}
 */
function propertiesOf(schema, root) {
  const node = typeof schema?.$ref === "string" ? root.$defs?.[schema.$ref.split("/").at(-1)] : schema;
  /** @type {Record<string, any>} */
  const properties = { ...(node?.properties ?? {}) };
  const required = new Set(node?.required ?? []);
  for (const part of node?.allOf ?? []) {
    const inner = propertiesOf(part, root);
    Object.assign(properties, inner.properties);
    for (const name of inner.required) required.add(name);
  }
  return { properties, required };
}

/**
 * The MCP page's Markdown: how to register the server with an MCP client, its environment, its
 * errors, and each tool with its annotations and input.
 *
 * @param {Record<string, any>} spec the bundled document
 * @param {SdkConfig} config
 */
export function mcpPageMarkdown(spec, config) {
  const model = buildModel(spec);
  const { tools, skipped } = mcpTools(spec, model, config);
  const { packageName, bin } = mcpNames(config);
  const env = config.security.length > 0 ? { [config.env.apiKey]: "<your API key>" } : {};
  const registration = {
    mcpServers: { [config.name]: { command: "npx", args: ["-y", packageName], env } },
  };
  const keyArg = config.security.length > 0 ? ` --env "${config.env.apiKey}=<your API key>"` : "";
  const lines = [
    `# The \`${bin}\` MCP server`,
    "",
    `\`${packageName}\` lets AI agents call the ${config.title} API through the Model Context Protocol: an MCP`,
    "server on standard input and output with one tool per operation, generated from the same OpenAPI document",
    "as the client, on the client (its rate limiter, retries and timeouts apply).",
    "",
    "## Register it with an MCP client",
    "",
    "The client starts the server; the key goes in its environment. In Claude Desktop's",
    "`claude_desktop_config.json` (Cursor's `.cursor/mcp.json` takes the same entry):",
    "",
    `${fence}json`,
    JSON.stringify(registration, null, 2),
    fence,
    "",
    `With the package installed globally (\`npm install --global ${packageName}\`), \`"command": "${bin}"\` and no \`args\`.`,
    "In Claude Code:",
    "",
    `${fence}sh`,
    `claude mcp add ${config.name}${keyArg} -- npx -y ${packageName}`,
    fence,
    "",
    "## Environment",
    "",
    environmentTable(
      config,
      "(without it the server still lists its tools, and each call returns a tool error saying what to set).",
    ),
    "",
    "## Results and errors",
    "",
    "A tool returns the response body as JSON text. An API error is a tool error (`isError: true`) whose JSON text",
    'is `{ "error": { "class", "status", "message", "requestId", "fieldErrors", "body" } }`: the client\'s error class',
    "for the status, the API's message, and `fieldErrors`, each refused field with its messages, so the agent can",
    "correct its input. An argument the tool does not have, or a missing required one, is refused before anything is sent.",
    "",
    "## Tools",
    "",
    "Annotations come from the HTTP method: `GET` reads only; `DELETE` is destructive (clients ask before calling it);",
    "`PUT` and `DELETE` are idempotent. Arguments: each parameter by name, and the JSON request body as `body`.",
    "",
  ];
  for (const tool of tools) {
    lines.push(`### \`${tool.name}\``, "");
    const hints = [
      tool.annotations.readOnlyHint ? "read-only" : "",
      tool.annotations.destructiveHint ? "**destructive**" : "",
      tool.annotations.idempotentHint ? "idempotent" : "",
      tool.annotations.readOnlyHint || tool.annotations.destructiveHint || tool.annotations.idempotentHint
        ? ""
        : "not idempotent",
    ].filter(Boolean);
    lines.push(
      `${tool.title ? `${tool.title}. ` : ""}\`${tool.method} ${tool.path}\` (operationId \`${tool.operationId}\`, SDK method \`${tool.sdkMethod}\`).`,
      "",
      `Annotations: ${hints.join(", ")}.`,
      "",
    );
    const details = tool.description
      .split("\n\n")
      .slice(tool.title ? 1 : 0, -1)
      .join("\n\n");
    if (details) lines.push(details, "");
    if (tool.arguments.length > 0) {
      lines.push("| argument | in | type | required | description |", "| --- | --- | --- | --- | --- |");
      const schema = tool.inputSchema;
      for (const argument of tool.arguments) {
        const property = schema.properties?.[argument.property];
        lines.push(
          `| \`${argument.property}\` | ${argument.in}${argument.in !== "body" && argument.name !== argument.property ? ` \`${cell(argument.name)}\`` : ""} | ${typeOf(property)} | ${argument.required ? "yes" : ""} | ${cell(property?.description)} |`,
        );
        if (argument.in === "body") {
          const { properties, required } = propertiesOf(property, schema);
          for (const [name, field] of Object.entries(properties)) {
            lines.push(
              `| \`${argument.property}.${cell(name)}\` | body | ${typeOf(field)} | ${required.has(name) ? "yes" : ""} | ${cell(field?.description)} |`,
            );
          }
        }
      }
      lines.push("");
    }
  }
  if (skipped.length > 0) {
    lines.push(
      "### Operations without a tool",
      "",
      ...skipped.map(({ operationId, reason }) => `- \`${operationId}\`: ${reason}.`),
      "",
    );
  }
  return lines.join("\n");
}
