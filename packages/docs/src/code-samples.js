// @ts-check
import { readdir, readFile } from "node:fs/promises";
import { extname, join, relative } from "node:path";
import { DocsBuildError } from "./errors.js";

/**
 * The languages every operation must have a sample in, keyed by file extension. `lang` is what
 * Redoc highlights the code as; `label` is what a reader picks in the language menu, and Redoc
 * shows a sample only if its label is one of `openapi.codeSamples.languages` in redocly.yaml.
 */
export const SAMPLE_LANGUAGES = Object.freeze({
  ".ts": { lang: "typescript", label: "TypeScript" },
  ".sh": { lang: "bash", label: "curl" },
});

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** @typedef {{ lang: string, label: string, source: string }} CodeSample */
/** @typedef {{ operationId: string, method: string, path: string }} OperationRef */

/**
 * Lists the operations of an OpenAPI document, so samples can be matched to them by operationId.
 *
 * @param {any} spec
 * @returns {OperationRef[]}
 */
export function listOperations(spec) {
  /** @type {OperationRef[]} */
  const operations = [];
  for (const [path, item] of Object.entries(spec?.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      if (typeof operation.operationId !== "string" || operation.operationId === "") {
        throw new DocsBuildError(`${method.toUpperCase()} ${path} has no operationId, so no sample can name it`);
      }
      operations.push({ operationId: operation.operationId, method, path });
    }
  }
  return operations;
}

/**
 * Reads the sample files at the top of `samplesDir` (sub-folders hold guide snippets, not operation
 * samples). Each file is named `<operationId><extension>`.
 *
 * @param {string} samplesDir
 * @returns {Promise<Map<string, Map<string, string>>>} operationId → extension → source
 */
export async function readSampleFiles(samplesDir) {
  /** @type {Map<string, Map<string, string>>} */
  const samples = new Map();
  const problems = [];
  const entries = await readdir(samplesDir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile()) continue;
    const extension = extname(entry.name);
    if (!(extension in SAMPLE_LANGUAGES)) {
      problems.push(
        `${join(samplesDir, entry.name)}: unexpected file; samples are <operationId>.ts or <operationId>.sh`,
      );
      continue;
    }
    const operationId = entry.name.slice(0, -extension.length);
    const source = await readFile(join(samplesDir, entry.name), "utf8");
    if (source.trim() === "") problems.push(`${join(samplesDir, entry.name)}: the sample is empty`);
    const byLanguage = samples.get(operationId) ?? new Map();
    byLanguage.set(extension, source.trimEnd());
    samples.set(operationId, byLanguage);
  }
  if (problems.length > 0) throw new DocsBuildError(`Invalid code samples:\n- ${problems.join("\n- ")}`);
  return samples;
}

/**
 * Returns a copy of `spec` with `x-codeSamples` on every operation. Every operation needs a sample
 * in every language, and every sample must name an existing operation: both mistakes are reported
 * together, so one run shows everything to fix.
 *
 * @param {any} spec
 * @param {Map<string, Map<string, string>>} samples operationId → extension → source
 * @param {{ specPath: string, samplesDir: string }} where used in error messages
 * @returns {any}
 */
export function injectCodeSamples(spec, samples, where) {
  const docsSpec = structuredClone(spec);
  const operations = listOperations(docsSpec);
  const known = new Set(operations.map((operation) => operation.operationId));
  const problems = [];

  for (const operationId of samples.keys()) {
    if (!known.has(operationId)) {
      const files = [...(samples.get(operationId)?.keys() ?? [])].map((ext) =>
        join(where.samplesDir, operationId + ext),
      );
      problems.push(
        `${files.join(", ")}: names operation "${operationId}", which ${where.specPath} does not have ` +
          `(operations: ${[...known].sort().join(", ") || "none"})`,
      );
    }
  }

  for (const { operationId, method, path } of operations) {
    const byLanguage = samples.get(operationId);
    /** @type {CodeSample[]} */
    const codeSamples = [];
    for (const [extension, language] of Object.entries(SAMPLE_LANGUAGES)) {
      const source = byLanguage?.get(extension);
      if (source === undefined) {
        problems.push(
          `${where.specPath}#/paths/${escapePointer(path)}/${method} (operationId ${operationId}) has no ` +
            `${language.label} sample: add ${join(where.samplesDir, operationId + extension)}`,
        );
        continue;
      }
      codeSamples.push({ lang: language.lang, label: language.label, source });
    }
    docsSpec.paths[path][method]["x-codeSamples"] = codeSamples;
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
  const samples = await readSampleFiles(samplesDir);
  return injectCodeSamples(spec, samples, { specPath: relative(cwd, specPath), samplesDir: relative(cwd, samplesDir) });
}

/** @param {string} specPath */
export async function readSpec(specPath) {
  let text;
  try {
    text = await readFile(specPath, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DocsBuildError(
      `Cannot read the bundled spec ${specPath} (${reason}); run \`pnpm turbo run bundle --filter=@hatch-api/spec\``,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DocsBuildError(`${specPath} is not valid JSON: ${reason}`);
  }
}

/** @param {string} segment JSON pointer escaping (RFC 6901), so `/v1/contacts` reads `~1v1~1contacts`. */
function escapePointer(segment) {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}
