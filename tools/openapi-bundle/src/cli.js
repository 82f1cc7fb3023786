#!/usr/bin/env node
// @ts-check
import { parseArgs } from "node:util";
import { bundleSpec } from "./bundle.js";
import { SpecError } from "./errors.js";
import { lintSpec } from "./lint.js";

const usage = `Usage:
  openapi-bundle lint   --config <redocly.yaml> <spec>
  openapi-bundle bundle --config <redocly.yaml> --out <dir> [--overlays <dir>] <spec>`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      config: { type: "string" },
      out: { type: "string" },
      overlays: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, spec, ...extra] = positionals;
  if (values.help) return console.log(usage);
  if (!spec || extra.length > 0 || !values.config)
    throw new UsageError("a command, one spec path and --config are required");

  if (command === "lint") return lintSpec(spec, { config: values.config });
  if (command === "bundle") {
    if (!values.out) throw new UsageError("bundle needs --out <dir>");
    const started = performance.now();
    const result = await bundleSpec(spec, { config: values.config, out: values.out, overlays: values.overlays });
    const applied = result.overlays.length ? ` with ${result.overlays.length} overlay(s)` : "";
    console.log(
      `bundled ${spec}${applied} → ${result.json}, ${result.yaml} in ${Math.round(performance.now() - started)} ms`,
    );
    return;
  }
  throw new UsageError(`unknown command "${command}"`);
}

class UsageError extends Error {}

main().catch((error) => {
  if (error instanceof UsageError || (error instanceof TypeError && "code" in error)) {
    console.error(`openapi-bundle: ${error.message}\n${usage}`);
    process.exitCode = 2;
  } else if (error instanceof SpecError) {
    console.error(`openapi-bundle: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
