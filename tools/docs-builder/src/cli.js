#!/usr/bin/env node
// @ts-check
// sdkit-docs build | bundle | preview: the docs site of a bundled OpenAPI document.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { onStopRequest, reportCliError, runCli, UsageError, writeFileAtomic } from "@sdkit/bundle";
import { readSdkConfig } from "@sdkit/codegen";
import { buildSite } from "./build-site.js";
import { buildDocsBundle } from "./code-samples.js";
import { DocsBuildError } from "./errors.js";
import { startStaticServer } from "./static-server.js";

const USAGE = `usage: sdkit-docs <command> [options]
commands:
  build    the whole site
           --spec <openapi.json>      the bundled document (required)
           --samples <dir>            samples named after operations, the generated ones in <dir>/generated (required)
           --sdk-config <file>        sdk.config.json: the client package, its factory and key variable the pages name
           --quick-start <file.md>    the quick start (default: written from the SDK config and the first operation)
           --changelog <name>=<file>  a package's CHANGELOG.md for the changelog page (repeatable)
           --api-changes <dir>        the API change reports, <version>.json
           --redocly-config <file>    Redoc's options (default: this package's redocly.yaml)
           --out <dir>                where the site goes (default: dist)
  bundle   only the docs bundle, the spec with x-codeSamples: --spec <file> --samples <dir> --out <file>
  preview  serves a built site: [--dir dist] [--port 8080, or PORT] [--host 127.0.0.1]`;

/** @param {string[]} args */
async function build(args) {
  const { values } = parseArgs({
    args,
    options: {
      spec: { type: "string" },
      samples: { type: "string" },
      "sdk-config": { type: "string" },
      "quick-start": { type: "string" },
      changelog: { type: "string", multiple: true },
      "api-changes": { type: "string" },
      "redocly-config": { type: "string" },
      out: { type: "string", default: "dist" },
    },
    strict: true,
  });
  if (!values.spec || !values.samples) throw new UsageError("build needs --spec and --samples");
  const changelogs = (values.changelog ?? []).map((entry) => {
    const at = entry.lastIndexOf("=");
    if (at <= 0 || at === entry.length - 1)
      throw new UsageError(`--changelog takes <package name>=<file>, got "${entry}"`);
    return { name: entry.slice(0, at), path: resolve(entry.slice(at + 1)) };
  });
  const config = values["sdk-config"] ? await readSdkConfig(resolve(values["sdk-config"])) : undefined;
  const specPath = resolve(values.spec);
  const outDir = resolve(values.out);
  const started = performance.now();
  const { files } = await buildSite({
    specPath,
    outDir,
    samplesDir: resolve(values.samples),
    client: config && {
      packageName: config.packages.client,
      factory: config.client.factory,
      variable: config.client.variable,
      apiKeyEnv: config.env.apiKey,
    },
    sdkConfig: config,
    quickStartPath: values["quick-start"] && resolve(values["quick-start"]),
    changelogs,
    apiChangesDir: values["api-changes"] && resolve(values["api-changes"]),
    redoclyConfigPath: values["redocly-config"] && resolve(values["redocly-config"]),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Docs site from ${specPath}: ${files.length} files in ${outDir} (${seconds} s)`);
}

/** @param {string[]} args */
async function bundle(args) {
  const { values } = parseArgs({
    args,
    options: { spec: { type: "string" }, out: { type: "string" }, samples: { type: "string" } },
    strict: true,
  });
  if (!values.spec || !values.out || !values.samples) throw new UsageError("bundle needs --spec, --samples and --out");
  const docsSpec = await buildDocsBundle({ specPath: resolve(values.spec), samplesDir: resolve(values.samples) });
  await writeFileAtomic(resolve(values.out), `${JSON.stringify(docsSpec, null, 2)}\n`);
  console.log(`Docs bundle with code samples: ${resolve(values.out)}`);
}

/** @param {string[]} args */
async function preview(args) {
  const { values } = parseArgs({
    args,
    options: { port: { type: "string" }, host: { type: "string" }, dir: { type: "string", default: "dist" } },
    strict: true,
  });
  const portText = values.port ?? process.env.PORT ?? "8080";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    throw new UsageError(`--port must be a port number (0-65535), got "${portText}"`);
  }
  const root = resolve(values.dir);
  if (!existsSync(join(root, "index.html"))) {
    throw new DocsBuildError(`${root} has no index.html: build the site first (sdkit-docs build)`);
  }
  const title = await siteTitle(root);
  const server = await startStaticServer({ root, host: values.host ?? "127.0.0.1", port });
  console.log(`${title} docs: ${server.url}/ (reference: ${server.url}/reference.html). Ctrl+C stops.`);
  // Ctrl-C, `kill <pid>`, a closed terminal, or the pnpm that started us killed: close the port.
  onStopRequest(() => {
    server.close().then(
      () => process.exit(0),
      (error) => process.exit(reportCliError(error, { name: "sdkit-docs preview" })),
    );
  });
}

/**
 * The API's title, from the docs bundle the site carries (`openapi.json`); "API" without one.
 *
 * @param {string} root
 */
async function siteTitle(root) {
  try {
    const title = JSON.parse(await readFile(join(root, "openapi.json"), "utf8"))?.info?.title;
    return typeof title === "string" && title.trim() ? title.trim() : "API";
  } catch {
    return "API";
  }
}

const COMMANDS = { build, bundle, preview };

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command === "-h" || command === "--help") return console.log(USAGE);
  if (!command || !(command in COMMANDS)) {
    throw new UsageError(command ? `unknown command "${command}"` : "a command is required");
  }
  await COMMANDS[/** @type {keyof typeof COMMANDS} */ (command)](args);
}

await runCli(main, { name: "sdkit-docs", usage: USAGE });
