#!/usr/bin/env node
// @ts-check
import { parseArgs } from "node:util";
import { displayPath, runCli, UsageError } from "@sdkit/cli-kit";
import { bundleSpec } from "./bundle.js";
import { lintSpec } from "./lint.js";

const usage = `Usage:
  openapi-bundle lint   --config <redocly.yaml> <spec>
  openapi-bundle bundle --config <redocly.yaml> --out <dir> [--overlays <dir>] [--yaml] <spec>

bundle lints the spec (and the result of its overlays) itself, then replaces <dir> with
openapi.json (and openapi.yaml with --yaml).

Limits (a build must end, and never reads the network):
  --max-size-mb <n>   largest document plus referenced files (default 32)
  --timeout-s <n>     deadline of each Redocly run (default 600)`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      config: { type: "string" },
      out: { type: "string" },
      overlays: { type: "string" },
      yaml: { type: "boolean", default: false },
      "max-size-mb": { type: "string" },
      "timeout-s": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, spec, ...extra] = positionals;
  if (values.help) return console.log(usage);
  if (!spec || extra.length > 0 || !values.config)
    throw new UsageError("a command, one spec path and --config are required");
  const limits = {
    maxBytes: positiveNumber(values["max-size-mb"], "--max-size-mb", 1024 * 1024),
    timeoutMs: positiveNumber(values["timeout-s"], "--timeout-s", 1000),
  };

  if (command === "lint") return lintSpec(spec, { config: values.config, ...limits });
  if (command === "bundle") {
    if (!values.out) throw new UsageError("bundle needs --out <dir>");
    const started = performance.now();
    const result = await bundleSpec(spec, {
      config: values.config,
      out: values.out,
      overlays: values.overlays,
      yaml: values.yaml,
      ...limits,
    });
    const applied = result.overlays.length ? ` with ${result.overlays.length} overlay(s)` : "";
    const written = [result.json, result.yaml].filter((file) => file !== undefined).map((file) => displayPath(file));
    console.log(
      `bundled ${displayPath(spec)}${applied} → ${written.join(", ")} in ${Math.round(performance.now() - started)} ms`,
    );
    return;
  }
  throw new UsageError(`unknown command "${command}"`);
}

/**
 * @param {string | undefined} text
 * @param {string} flag
 * @param {number} unit
 */
function positiveNumber(text, flag, unit) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${flag} must be a positive number, got "${text}"`);
  return Math.round(value * unit);
}

await runCli(main, { name: "openapi-bundle", usage });
