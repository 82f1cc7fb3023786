// @ts-check
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { extname, join, relative } from "node:path";
import { sampleFileName, webhookModels, webhookSampleName } from "@sdkit/codegen";
import { deref, readSpecFile } from "@sdkit/openapi";
import { DocsBuildError } from "./errors.js";
import { listOperations } from "./operations.js";

export { listOperations };

/**
 * The languages every operation must have a sample in, keyed by file extension. `lang` is what
 * Redoc highlights the code as; `label` is what a reader picks in the language menu, and Redoc
 * shows a sample only if its label is one of `openapi.codeSamples.languages` in redocly.yaml.
 */
export const SAMPLE_LANGUAGES = Object.freeze({
  ".ts": { lang: "typescript", label: "TypeScript" },
  ".sh": { lang: "bash", label: "curl" },
});

/** Where `openapi-codegen samples` writes the generated samples, inside the samples folder. */
export const GENERATED_DIR = "generated";

/** The first line of every generated file; the docs show samples without it. */
const GENERATED_HEADER = /^(\/\/|#) generated from .* by \S+, do not edit[^\n]*\n/;

/** @typedef {{ lang: string, label: string, source: string }} CodeSample */
/** @typedef {import("./operations.js").OperationRef} OperationRef */
/** @typedef {{ source: string, file: string, generated: boolean }} SampleFile */

/**
 * Reads the sample files at the top of `dir` (sub-folders hold guide snippets and the generated
 * samples). Each file is named `<sample name><extension>`, where the sample name is the operationId
 * with unsafe characters percent-encoded (`sampleFileName` of @sdkit/codegen).
 *
 * @param {string} dir
 * @param {{ generated?: boolean }} [options]
 * @returns {Promise<Map<string, Map<string, SampleFile>>>} sample name → extension → file
 */
export async function readSampleFiles(dir, { generated = false } = {}) {
  /** @type {Map<string, Map<string, SampleFile>>} */
  const samples = new Map();
  const problems = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile()) continue;
    const extension = extname(entry.name);
    const file = join(dir, entry.name);
    if (!(extension in SAMPLE_LANGUAGES)) {
      problems.push(`${file}: unexpected file; samples are <operationId>.ts or <operationId>.sh`);
      continue;
    }
    const text = await readFile(file, "utf8");
    const source = (generated ? text.replace(GENERATED_HEADER, "") : text).trimEnd();
    if (source.trim() === "") problems.push(`${file}: the sample is empty`);
    const name = entry.name.slice(0, -extension.length);
    const byLanguage = samples.get(name) ?? new Map();
    byLanguage.set(extension, { source, file, generated });
    samples.set(name, byLanguage);
  }
  if (problems.length > 0) throw new DocsBuildError(`Invalid code samples:\n- ${problems.join("\n- ")}`);
  return samples;
}

/**
 * The samples of `samplesDir`: the generated ones (`samplesDir/generated/`), each replaced by a
 * hand-written file of the same name at the top of `samplesDir` when there is one.
 *
 * @param {string} samplesDir
 * @returns {Promise<Map<string, Map<string, SampleFile>>>}
 */
export async function collectSamples(samplesDir) {
  const generatedDir = join(samplesDir, GENERATED_DIR);
  const generated = await readSampleFiles(generatedDir, { generated: true }).catch((error) => {
    if (error?.code === "ENOENT") return new Map();
    throw error;
  });
  const merged = new Map([...generated].map(([name, byLanguage]) => [name, new Map(byLanguage)]));
  for (const [name, byLanguage] of await readSampleFiles(samplesDir)) {
    const target = merged.get(name) ?? new Map();
    for (const [extension, file] of byLanguage) target.set(extension, file);
    merged.set(name, target);
  }
  return merged;
}

/**
 * Returns a copy of `spec` with `x-codeSamples` on every operation. Every operation needs a sample
 * in every language, and every sample must name an existing operation: both mistakes are reported
 * together, so one run shows everything to fix.
 *
 * @param {any} spec
 * @param {Map<string, Map<string, SampleFile>>} samples sample name → extension → file
 * @param {{ specPath: string, samplesDir: string }} where used in error messages
 * @returns {any}
 */
export function injectCodeSamples(spec, samples, where) {
  const docsSpec = structuredClone(spec);
  const operations = listOperations(docsSpec);
  const known = new Map(operations.map((operation) => [sampleFileName(operation.operationId), operation.operationId]));
  // Webhooks (3.1 `webhooks`, 3.0 `x-webhooks`): a TypeScript sample each, the handler that unwraps it.
  const webhooks = webhookModels(docsSpec, where.specPath, new Set()).webhooks;
  for (const webhook of webhooks) known.set(webhookSampleName(webhook.name), `webhook ${webhook.name}`);
  const problems = [];

  for (const [name, byLanguage] of samples) {
    if (known.has(name)) continue;
    const files = [...byLanguage.values()].map((file) => file.file);
    const stale = [...byLanguage.values()].every((file) => file.generated);
    problems.push(
      `${files.join(", ")}: names operation "${decodeURIComponent(name)}", which ${where.specPath} does not have ` +
        `(operations: ${[...known.values()].sort().join(", ") || "none"})` +
        (stale ? "; the generated samples are out of date: run `openapi-codegen samples` again" : ""),
    );
  }

  for (const { operationId, method, path } of operations) {
    const name = sampleFileName(operationId);
    const byLanguage = samples.get(name);
    /** @type {CodeSample[]} */
    const codeSamples = [];
    for (const [extension, language] of Object.entries(SAMPLE_LANGUAGES)) {
      const file = byLanguage?.get(extension);
      if (file === undefined) {
        problems.push(
          `${where.specPath}#/paths/${escapePointer(path)}/${method} (operationId ${operationId}) has no ` +
            `${language.label} sample: run \`openapi-codegen samples\` again, or add ` +
            `${join(where.samplesDir, name + extension)}`,
        );
        continue;
      }
      codeSamples.push({ lang: language.lang, label: language.label, source: file.source });
    }
    docsSpec.paths[path][method]["x-codeSamples"] = codeSamples;
  }
  const webhooksKey = docsSpec.webhooks !== undefined ? "webhooks" : "x-webhooks";
  for (const webhook of webhooks) {
    const name = webhookSampleName(webhook.name);
    const file = samples.get(name)?.get(".ts");
    if (file === undefined) {
      problems.push(
        `${where.specPath}#${webhook.pointer} (webhook ${webhook.name}) has no TypeScript sample: run ` +
          `\`openapi-codegen samples\` again, or add ${join(where.samplesDir, `${name}.ts`)}`,
      );
      continue;
    }
    const { lang, label } = SAMPLE_LANGUAGES[".ts"];
    const item = deref(docsSpec, docsSpec[webhooksKey][webhook.name]);
    item[webhook.method]["x-codeSamples"] = [{ lang, label, source: file.source }];
  }

  if (problems.length > 0) throw new DocsBuildError(`Code samples do not match the spec:\n- ${problems.join("\n- ")}`);
  return docsSpec;
}

/**
 * Reads the spec and the samples and returns the docs bundle (the spec with `x-codeSamples`).
 *
 * @param {{ specPath: string, samplesDir: string, cwd?: string }} options
 */
export async function buildDocsBundle({ specPath, samplesDir, cwd = process.cwd() }) {
  const spec = await readSpec(specPath);
  const samples = await collectSamples(samplesDir);
  const shown = new Map(
    [...samples].map(([name, byLanguage]) => [
      name,
      new Map([...byLanguage].map(([extension, file]) => [extension, { ...file, file: relative(cwd, file.file) }])),
    ]),
  );
  return injectCodeSamples(spec, shown, { specPath: relative(cwd, specPath), samplesDir: relative(cwd, samplesDir) });
}

/**
 * Reads the bundled spec through the shared reader (its errors name the file and line), saying how
 * to produce it when it is missing.
 *
 * @param {string} specPath
 */
export async function readSpec(specPath) {
  if (!existsSync(specPath)) {
    throw new DocsBuildError(
      `Cannot read the bundled spec ${specPath} (it does not exist); bundle the spec first (openapi-bundle)`,
    );
  }
  return /** @type {any} */ ((await readSpecFile(specPath)).document);
}

/** @param {string} segment JSON pointer escaping (RFC 6901), so `/v1/pets` reads `~1v1~1pets`. */
function escapePointer(segment) {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}
