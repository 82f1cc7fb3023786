#!/usr/bin/env node
// @ts-check
// Builds the docs site: `node src/cli/build-site.js [--spec <openapi.json>] [--out <dir>]`.
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { runCli } from "@sdkit/cli-kit";
import { buildSite, PACKAGE_DIR } from "../build-site.js";

const require = createRequire(import.meta.url);

async function main() {
  const { values } = parseArgs({
    options: { spec: { type: "string" }, out: { type: "string" } },
    strict: true,
  });
  const specPath = values.spec ? resolve(values.spec) : require.resolve("@hatch-api/spec/openapi.json");
  const outDir = resolve(values.out ?? resolve(PACKAGE_DIR, "dist"));
  const started = performance.now();
  const { files } = await buildSite({ specPath, outDir });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Docs site from ${specPath}: ${files.length} files in ${outDir} (${seconds} s)`);
}

await runCli(main, { name: "build-site", usage: "usage: build-site [--spec <openapi.json>] [--out <dir>]" });
