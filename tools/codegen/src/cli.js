#!/usr/bin/env node
// @ts-check
// openapi-codegen <target> --spec <openapi.json> --out <dir> [target options]
import { parseArgs } from "node:util";
import { runCli, UsageError } from "@sdkit/cli-kit";
import { generate, kebab, TARGETS } from "./generate.js";

const USAGE = `usage: openapi-codegen <target> --spec <openapi.json> --out <dir> [options]
targets:
  types     openapi-typescript's output and a named alias per schema and operation
  sdk       a complete client source: resources, the core,    --sdk-config <file> [--types-module <m>]
            and client.ts with the configured names
  samples   a TypeScript and a curl sample per operation      --client-package <p> --client-factory <f> --client-variable <v> --api-key-env <NAME>
  contract  the contract suite of @sdkit/contract: bindings per operation, the client under fixed names,
            the global setup and one entry file per suite      --client-package <p> --client-type <T> --client-factory <f>
                                                               --api-key-env <NAME> --provider-url-env <NAME>
  cli       a command-line tool on the client: one command    --sdk-config <file>
            per SDK method, options typed from the request
  mcp       an MCP server (stdio) on the client: one tool     --sdk-config <file>
            per operation the config's mcp section exposes
options:
  --sdk-config <file>  an SDK config (sdk.config.json): supplies the names above that are not given;
                       the sdk target takes the client's names and defaults from it
  --label <text>       how headers name the spec (default: its path relative to the repository)`;

const optionNames = [...new Set(Object.values(TARGETS).flat())];

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      spec: { type: "string" },
      out: { type: "string" },
      label: { type: "string" },
      "sdk-config": { type: "string" },
      help: { type: "boolean", short: "h" },
      ...Object.fromEntries(optionNames.map((name) => [kebab(name), { type: /** @type {const} */ ("string") }])),
    },
  });
  if (values.help) return console.log(USAGE);
  const [target, ...extra] = positionals;
  if (!target || extra.length > 0 || !values.spec || !values.out)
    throw new UsageError("--spec, --out and one target are required");
  /** @type {Record<string, string | undefined>} */
  const options = {
    label: /** @type {string | undefined} */ (values.label),
    sdkConfig: /** @type {string | undefined} */ (values["sdk-config"]),
  };
  const given = /** @type {Record<string, unknown>} */ (values);
  for (const name of optionNames) options[name] = /** @type {string | undefined} */ (given[kebab(name)]);
  const started = performance.now();
  const result = await generate(/** @type {import("./generate.js").Target} */ (target), {
    ...options,
    spec: String(values.spec),
    out: String(values.out),
  });
  const ms = Math.round(performance.now() - started);
  console.log(`openapi-codegen ${target}: ${result.files.length} files in ${result.out} (${ms} ms)`);
}

await runCli(main, { name: "openapi-codegen", usage: USAGE });
