// @ts-check
// One document through everything `pnpm build` does to it, in the calling process: the scaffold's
// operation fixes and lint settings, lint + bundle, then every generator. A long-lived worker
// (generate-worker.js) calls this for document after document: starting Node and loading the
// toolchain costs more than generating most documents, and the sweep has about 2,600 of them.
//
// Lint and bundle run in-process with Redocly's engine (@redocly/openapi-core) rather than the
// Redocly CLI the scaffolded repos run: the CLI is one bundled executable with no API, and three
// starts of it per document were most of the sweep's time. The engine is the same code the CLI
// ships (the CLI 2.77.0 bundles it; 2.76.0 is the newest published on its own), with the same
// `recommended` rules, so a document it crashes on or cannot bundle would stop the repo's build too.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";

/** The targets a scaffolded repo generates; each reads its options from the repo's SDK config. */
export const TARGETS = Object.freeze(["types", "sdk", "samples", "contract"]);

const METHOD = /^(get|put|post|delete|options|head|patch|trace)$/;

/**
 * @typedef {object} Toolchain what the steps call, loaded by the worker from the toolchain under test
 * @property {Record<string, any>} scaffold `@sdkit/scaffold`
 * @property {Record<string, any>} codegen `@sdkit/codegen`
 * @property {Record<string, any>} redocly `@redocly/openapi-core`
 * @property {new (message: string) => Error} ToolError errors of ours that are messages for people
 */

/**
 * @typedef {object} GenerateOutcome
 * @property {string} stage the stage reached ("done" when every one passed)
 * @property {boolean} ok
 * @property {boolean} [crash] the failure is not one of our messages for people
 * @property {string} [reason] one line: where and why
 * @property {Record<string, unknown>} facts what was learned on the way (counts)
 */

/**
 * A Redocly problem as one line: the pointer and the message.
 *
 * @param {{ message?: string, location?: Array<{ pointer?: string }> }} problem
 */
function problemLine(problem) {
  const pointer = problem.location?.[0]?.pointer ?? "#";
  return `${pointer}: ${String(problem.message ?? "").split("\n")[0]}`;
}

/**
 * The operation fixes the scaffold would write as an overlay (operationIds and tags it derives),
 * made directly on the document: what the overlay produces, without the CLI that applies overlays.
 * (The pattern overlay likewise, by the scaffold's own `removePatterns`.)
 *
 * @param {Record<string, any>} spec
 * @param {{ operations: Array<{ path: string, method: string, operationId?: string, tags?: string[] }> }} plan
 */
function applyOperationFixes(spec, plan) {
  for (const fix of plan.operations) {
    const operation = spec.paths?.[fix.path]?.[fix.method];
    if (!operation || typeof operation !== "object") continue;
    if (fix.operationId) operation.operationId = fix.operationId;
    if (fix.tags) operation.tags = fix.tags;
  }
}

/**
 * @param {Toolchain} toolchain
 * @param {string} documentFile
 * @param {string} work an empty folder of this document's own
 * @returns {Promise<GenerateOutcome>}
 */
export async function generateOne(toolchain, documentFile, work) {
  const { scaffold, codegen, redocly } = toolchain;
  // A baseline toolchain (an older checkout) may not have these yet: then the document goes in as read.
  /** @type {(source: string, spec: Record<string, any>) => Promise<{ spec: Record<string, any>, files: number }>} */
  const bundleIfMultiFile = scaffold.bundleIfMultiFile ?? (async (_source, spec) => ({ spec, files: 1 }));
  /** @type {(spec: Record<string, any>) => unknown[]} */
  const dropDanglingRefs = scaffold.dropDanglingRefs ?? (() => []);
  /** @type {(spec: Record<string, any>) => Array<{ keys: string[] }>} */
  const planPatternFixes = scaffold.planPatternFixes ?? (() => []);
  /** @type {(spec: Record<string, any>) => { fixes: unknown[], kept: unknown[] }} */
  const planQueryKeyFixes = scaffold.planQueryKeyFixes ?? (() => ({ fixes: [], kept: [] }));
  /** @type {readonly string[]} */
  const exampleRules = scaffold.EXAMPLE_RULES ?? [];

  let stage = "read";
  /** @type {Record<string, unknown>} */
  const facts = {};
  try {
    const read = await scaffold.readDocument(documentFile);
    const { spec, files } = await bundleIfMultiFile(documentFile, read.spec);
    facts.openapi = spec.openapi ?? spec.swagger;
    facts.files = files;
    facts.droppedRefs = dropDanglingRefs(spec).length;
    // Patterns no validator finishes checking: the scaffold removes them in an overlay and runs
    // lint without the example rules, which would hang on them.
    const patterns = planPatternFixes(spec);
    facts.backtrackingPatterns = patterns.length;
    // Path keys with a query string: the scaffold moves them to their paths in an overlay.
    const queryKeys = planQueryKeyFixes(spec);
    facts.queryKeysMoved = queryKeys.fixes.length;
    const skipped = patterns.length > 0 ? Object.fromEntries(exampleRules.map((rule) => [rule, "off"])) : {};

    stage = "lint";
    const specDir = join(work, "spec");
    await mkdir(specDir, { recursive: true });
    const specFile = join(specDir, "openapi.json");
    await writeFile(specFile, JSON.stringify(spec));
    const recommended = await redocly.createConfig(
      { extends: ["recommended"], rules: skipped },
      { configPath: join(specDir, "x.yaml") },
    );
    const problems = await redocly.lint({ ref: specFile, config: recommended });
    const summary = scaffold.summarizeLint({ problems });
    facts.lintProblems = problems.length;

    stage = "scaffold-fixes";
    // In the overlays' order, on the keys each was planned on: patterns (planned on the keys as
    // written), then the moved keys, then the names (planned on the moved paths, as the scaffold does).
    scaffold.removePatterns?.(spec, patterns);
    scaffold.moveQueryKeys?.(spec, queryKeys.fixes);
    applyOperationFixes(spec, scaffold.planFixes(spec));
    await writeFile(specFile, JSON.stringify(spec));
    const configFile = join(specDir, "redocly.yaml");
    const configText = scaffold.lintConfig(summary, { patterns });
    await writeFile(configFile, configText);

    // What the repo's build does: lint with the repo's rules (errors stop it), then bundle.
    stage = "bundle";
    const config = await redocly.createConfig(parseYaml(configText), { configPath: configFile });
    const errors = (await redocly.lint({ ref: specFile, config })).filter(
      (/** @type {{ severity: string }} */ problem) => problem.severity === "error",
    );
    if (errors.length > 0)
      throw new toolchain.ToolError(`lint: ${errors.length} error(s), the first at ${problemLine(errors[0])}`);
    const result = await redocly.bundle({ ref: specFile, config });
    const failed = result.problems.filter(
      (/** @type {{ severity: string }} */ problem) => problem.severity === "error",
    );
    if (failed.length > 0)
      throw new toolchain.ToolError(`bundle: ${failed.length} error(s), the first at ${problemLine(failed[0])}`);
    /** @type {Record<string, any>} */
    const bundled = result.bundle.parsed;
    const distDir = join(work, "dist");
    await mkdir(distDir, { recursive: true });
    const json = join(distDir, "openapi.json");
    await writeFile(json, `${JSON.stringify(bundled, null, 2)}\n`);
    facts.operations = Object.values(bundled.paths ?? {}).reduce(
      (n, item) => n + Object.keys(item ?? {}).filter((key) => METHOD.test(key)).length,
      0,
    );

    // The SDK config the scaffold writes for this document (names, security, base URL).
    stage = "sdk-config";
    const sdkConfig = join(work, "sdk.config.json");
    const { config: defaults } = scaffold.defaultSdkConfig({ spec: bundled, name: "acme", scope: "@acme" });
    await writeFile(sdkConfig, `${JSON.stringify(defaults, null, 2)}\n`);

    for (const target of TARGETS) {
      stage = target;
      const written = await codegen.renderTarget(target, bundled, {
        file: json,
        label: "spec/dist/openapi.json",
        sdkConfig,
      });
      facts[`${target}Files`] = written.size;
    }
    return { stage: "done", ok: true, facts };
  } catch (error) {
    const err = /** @type {{ name?: string, message?: string } | undefined} */ (error);
    // Our tools' errors (ToolError and its subclasses) are messages for people, with the file and
    // pointer; anything else is a crash of ours, recorded as such.
    const crash = !(error instanceof toolchain.ToolError);
    const first =
      String(err?.message ?? err)
        .split("\n")
        .find((line) => line.trim()) ?? "";
    return {
      stage,
      ok: false,
      crash,
      reason: `${crash ? `${err?.name ?? "Error"}: ` : ""}${first}`.slice(0, 400),
      facts,
    };
  }
}
