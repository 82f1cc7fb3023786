#!/usr/bin/env node
// @ts-check
// Writes the docs bundle, the spec with x-codeSamples from samples/:
// `node src/cli/inject-code-samples.js --spec <openapi.json> --out <docs-bundle.json> [--samples <dir>]`.
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "@sdkit/bundle";
import { runCli, UsageError } from "@sdkit/cli-kit";
import { PACKAGE_DIR } from "../build-site.js";
import { buildDocsBundle } from "../code-samples.js";

const usage = "usage: inject-code-samples --spec <openapi.json> --out <file> [--samples <dir>]";

async function main() {
  const { values } = parseArgs({
    options: { spec: { type: "string" }, out: { type: "string" }, samples: { type: "string" } },
    strict: true,
  });
  if (!values.spec || !values.out) throw new UsageError("--spec and --out are required");
  const docsSpec = await buildDocsBundle({
    specPath: resolve(values.spec),
    samplesDir: resolve(values.samples ?? join(PACKAGE_DIR, "samples")),
  });
  await writeFileAtomic(resolve(values.out), `${JSON.stringify(docsSpec, null, 2)}\n`);
  console.log(`Docs bundle with code samples: ${resolve(values.out)}`);
}

await runCli(main, { name: "inject-code-samples", usage });
