#!/usr/bin/env node
// @ts-check
// One document through everything `pnpm build` does to it, in one process, no install and no
// tests: the scaffold's operation fixes and lint settings, lint + bundle (Redocly), then every
// generator. Prints one JSON line: the last stage reached and, on failure, one line saying why.
// Run by generate-only.js under /usr/bin/time, so its peak memory (Redocly's included) is known.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { bundleSpec, runRedocly, ToolError } from "@sdkit/bundle";
import { renderTarget } from "@sdkit/codegen";
import * as scaffoldKit from "@sdkit/scaffold";

const { lintConfig, overlaySkeleton, planFixes, readDocument, summarizeLint } = scaffoldKit;
// A baseline toolchain (an older checkout) may not have these yet: then the document goes in as read.
const kit = /** @type {Record<string, any>} */ (scaffoldKit);
/** @type {(source: string, spec: Record<string, any>) => Promise<{ spec: Record<string, any>, files: number }>} */
const bundleIfMultiFile = kit.bundleIfMultiFile ?? (async (_source, spec) => ({ spec, files: 1 }));
/** @type {(spec: Record<string, any>) => unknown[]} */
const dropDanglingRefs = kit.dropDanglingRefs ?? (() => []);

const [documentFile, work] = process.argv.slice(2);
if (!documentFile || !work) {
  console.error("usage: generate-worker.js <document.json> <work dir>");
  process.exit(2);
}

/** The targets a scaffolded repo generates; each reads its options from the repo's SDK config. */
const TARGETS = ["types", "sdk", "samples", "contract"];

let stage = "read";
/** @type {Record<string, unknown>} */
const facts = {};
try {
  const read = await readDocument(documentFile);
  const { spec, files } = await bundleIfMultiFile(documentFile, read.spec);
  facts.openapi = spec.openapi;
  facts.files = files;
  facts.droppedRefs = dropDanglingRefs(spec).length;
  stage = "scaffold-fixes";
  const specDir = join(work, "spec");
  await mkdir(join(specDir, "overlays"), { recursive: true });
  const specFile = join(specDir, "openapi.json");
  await writeFile(specFile, JSON.stringify(spec));
  const overlay = overlaySkeleton(planFixes(spec), "corpus");
  if (overlay) await writeFile(join(specDir, "overlays", "00-operation-names.yaml"), overlay);

  stage = "lint";
  const recommended = join(work, "recommended.yaml");
  await writeFile(recommended, "extends:\n  - recommended\ntelemetry: off\n");
  const lint = await runRedocly(
    ["lint", specFile, "--config", recommended, "--format", "json", "--max-problems", String(Number.MAX_SAFE_INTEGER)],
    { cwd: specDir },
  );
  const start = lint.stdout.indexOf("{");
  const end = lint.stdout.lastIndexOf("}");
  if (start < 0 || end < start) throw new Error(`Redocly lint printed no report: ${lint.output.split("\n")[0]}`);
  const summary = summarizeLint(JSON.parse(lint.stdout.slice(start, end + 1)));
  facts.lintProblems = summary.rules.reduce((n, rule) => n + rule.count, 0);
  const config = join(specDir, "redocly.yaml");
  await writeFile(config, lintConfig(summary));

  stage = "bundle";
  const out = join(work, "dist");
  const { json } = await bundleSpec(specFile, { config, out, overlays: join(specDir, "overlays") });
  const bundled = (await readDocument(json)).spec;
  facts.operations = Object.values(bundled.paths ?? {}).reduce(
    (n, item) =>
      n + Object.keys(item ?? {}).filter((key) => /^(get|put|post|delete|options|head|patch|trace)$/.test(key)).length,
    0,
  );

  // The SDK config the scaffold writes for this document (names, security, base URL).
  stage = "sdk-config";
  const sdkConfig = join(work, "sdk.config.json");
  const { config: defaults } = scaffoldKit.defaultSdkConfig({ spec: bundled, name: "acme", scope: "@acme" });
  await writeFile(sdkConfig, `${JSON.stringify(defaults, null, 2)}\n`);

  for (const target of TARGETS) {
    stage = target;
    const files = await renderTarget(/** @type {any} */ (target), bundled, {
      file: json,
      label: "spec/dist/openapi.json",
      sdkConfig,
    });
    facts[`${target}Files`] = files.size;
  }
  stage = "done";
  console.log(JSON.stringify({ stage, ok: true, facts }));
} catch (error) {
  const err = /** @type {Error} */ (error);
  // Our tools' errors (ToolError and its subclasses) are messages for people, with the file and
  // pointer; anything else is a crash of ours, recorded as such.
  const crash = !(err instanceof ToolError);
  console.log(
    JSON.stringify({
      stage,
      ok: false,
      crash,
      reason: `${crash ? `${err?.name ?? "Error"}: ` : ""}${
        String(err?.message ?? err)
          .split("\n")
          .find((line) => line.trim()) ?? ""
      }`.slice(0, 400),
      facts,
    }),
  );
}
