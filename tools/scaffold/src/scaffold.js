// @ts-check
// sdkit-scaffold: writes a new SDK monorepo for any OpenAPI 3.0/3.1 document: the document, an
// overlay with what the generators need, a fresh sdk.config.json, and manifests that install the
// @sdkit/* toolchain as packages. No toolchain source is copied, so `pnpm up` upgrades it.
import { spawnSync } from "node:child_process";
import { chmod, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { runRedocly } from "@sdkit/bundle";
import { ToolError } from "@sdkit/cli-kit";
import { parseSpecText } from "@sdkit/openapi";
import YAML from "yaml";
import { bundleIfMultiFile, dropDanglingRefs, droppedRefNotes } from "./document-input.js";
import { lintConfig, summarizeLint } from "./lint-report.js";
import { overlaySkeleton, planFixes } from "./operation-fixes.js";
import { EXAMPLE_RULES, PATTERN_OVERLAY, patternOverlay, planPatternFixes } from "./pattern-fixes.js";
import { moveQueryKeys, planQueryKeyFixes, QUERY_KEYS_OVERLAY, queryKeyOverlay } from "./query-path-keys.js";
import { defaultSdkConfig } from "./sdk-config-defaults.js";
import { toolchainVersions } from "./toolchain-versions.js";
import { repoFiles } from "./written-files.js";

/**
 * Reads the document from a file or an http(s) URL, as JSON or YAML.
 *
 * @param {string} source
 * @param {{ fetch?: typeof fetch }} [options]
 * @returns {Promise<{ spec: Record<string, any>, shown: string }>}
 */
export async function readDocument(source, options = {}) {
  let text;
  if (/^https?:\/\//i.test(source)) {
    const response = await (options.fetch ?? fetch)(source, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new ToolError(`${source}: the server answered ${response.status} ${response.statusText}`);
    text = await response.text();
  } else {
    try {
      text = await readFile(source, "utf8");
    } catch (error) {
      throw new ToolError(`${source}: cannot read the document (${/** @type {NodeJS.ErrnoException} */ (error).code})`);
    }
  }
  const spec = /** @type {Record<string, any>} */ (parseSpecText(text, { file: source, json: /^\s*[{[]/.test(text) }));
  if (!spec || typeof spec !== "object" || !/^3\.[01]\./.test(String(spec.openapi))) {
    throw new ToolError(
      `${source}: not an OpenAPI 3.0 or 3.1 document (openapi: ${JSON.stringify(spec?.openapi ?? spec?.swagger ?? null)})`,
    );
  }
  return { spec, shown: source };
}

/**
 * @typedef {object} ScaffoldOptions
 * @property {string} spec a file or an http(s) URL
 * @property {string} out the new repo's folder (must not exist, or be empty)
 * @property {string} [scope] npm scope, e.g. `@acme` (default `@<name>`)
 * @property {string} [name] the API's short name, e.g. `acme` (default: from the title)
 * @property {boolean} [lockfile] write pnpm-lock.yaml with `pnpm install --lockfile-only` (default true)
 * @property {(line: string) => void} [log]
 */

/**
 * @param {ScaffoldOptions} options
 * @returns {Promise<{ out: string, config: import("@sdkit/codegen/sdk-config").SdkConfig, report: string[], files: string[] }>}
 */
export async function scaffold(options) {
  const log = options.log ?? ((line) => console.log(line));
  const out = resolve(options.out);
  const existing = await readdir(out).catch(() => []);
  if (existing.length > 0) throw new ToolError(`${options.out}: exists and is not empty; scaffold writes a new repo`);
  if (options.name !== undefined && !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(options.name)) {
    throw new ToolError(
      `--name ${JSON.stringify(options.name)}: use lowercase letters, digits and single dashes (acme, train-travel)`,
    );
  }
  if (options.scope !== undefined && !/^@[a-z0-9][a-z0-9._~-]*$/.test(options.scope)) {
    throw new ToolError(`--scope ${JSON.stringify(options.scope)}: an npm scope such as @acme`);
  }

  const read = await readDocument(options.spec);
  // Many files → one (bundled once, here); references that lead nowhere → dropped with a note.
  const { spec, files: inputFiles } = await bundleIfMultiFile(options.spec, read.spec);
  const dropped = dropDanglingRefs(spec);
  const { config, notes } = defaultSdkConfig({ spec, name: options.name, scope: options.scope });
  // Path keys with a query string move to their paths first (00-keys-with-query-strings.yaml sorts
  // before 00-operation-names.yaml): the later overlays name operations and patterns by the moved paths.
  const queryKeys = planQueryKeyFixes(spec);
  const queryKeysOverlay = queryKeyOverlay(spec, queryKeys.fixes, config.title);
  // A copy only when there is something to move: a large document is not cloned for nothing.
  const moved = queryKeys.fixes.length > 0 ? structuredClone(spec) : spec;
  moveQueryKeys(moved, queryKeys.fixes);
  const fixes = planFixes(moved);
  const overlay = overlaySkeleton(fixes, config.title);
  const patterns = planPatternFixes(moved);
  const patternsOverlay = patternOverlay(patterns, config.title);

  const files = repoFiles({ config, versions: toolchainVersions(), dropped });
  files.set("spec/openapi.yaml", YAML.stringify(spec, { lineWidth: 0, aliasDuplicateObjects: false }));
  if (queryKeysOverlay) files.set(QUERY_KEYS_OVERLAY, queryKeysOverlay);
  if (overlay) files.set("spec/overlays/00-operation-names.yaml", overlay);
  if (patternsOverlay) files.set(PATTERN_OVERLAY, patternsOverlay);
  files.set("sdk.config.json", `${JSON.stringify(config, null, 2)}\n`);

  await mkdir(out, { recursive: true });
  try {
    for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      const target = join(out, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    }
    // The repo's own formatter settles the layout of what was written (JSON arrays, the document's
    // YAML), so `pnpm lint` passes in the new repo from the start.
    const biome = spawnSync(
      process.execPath,
      [createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome"), "check", "--write", "."],
      {
        cwd: out,
        encoding: "utf8",
      },
    );
    const formatted =
      biome.status === 0
        ? []
        : [
            `Note: biome check left findings to fix by hand (run \`pnpm lint\` there):\n${biome.stderr || biome.stdout}`,
          ];
    await chmod(join(out, ".ci/run"), 0o755);

    // Lint the document as written with Redocly's `recommended`, then keep recommended but turn
    // the rules it fails at error level into warnings, so the first build runs, and say so.
    const lint = await lintWithRecommended(out, { skip: patterns.length > 0 ? EXAMPLE_RULES : [] });
    const summary = summarizeLint(lint);
    await writeFile(join(out, "spec/redocly.yaml"), lintConfig(summary, { patterns }));

    /** @type {string[]} */
    const report = [
      `Scaffolded ${config.title} (OpenAPI ${spec.openapi}) into ${options.out}: ${config.packages.types}, ${config.packages.client}.`,
      ...(inputFiles > 1
        ? [
            `The description's ${inputFiles} files (every file its entry reaches) are bundled once into spec/openapi.yaml: the new repo builds from that one file.`,
          ]
        : []),
      ...droppedRefNotes(dropped),
      ...summary.lines,
      ...queryKeyLines(queryKeys),
      ...(patterns.length > 0
        ? [
            `${PATTERN_OVERLAY}: ${patterns.length} pattern(s) backtrack exponentially (the first at ${patterns[0]?.pointer}): removed from the build, and Redocly's example rules are off in spec/redocly.yaml, since no validator could finish checking text against them.`,
          ]
        : []),
      fixes.operations.length > 0
        ? `spec/overlays/00-operation-names.yaml: ${fixes.renamed} derived operationId(s), ${fixes.tagged} derived tag(s), ${fixes.methods} x-sdk-method(s) for SDK names the rule could not use (edit the names there).`
        : "Every operation has an operationId, a tag and a usable SDK name: no overlay needed.",
      ...notes.map((note) => `Note: ${note}.`),
      ...formatted,
    ];
    if (options.lockfile !== false) {
      const install = spawnSync("pnpm", ["install", "--lockfile-only", "--prefer-offline", "--ignore-scripts"], {
        cwd: out,
        encoding: "utf8",
        // pnpm 12 reads its settings from pnpm_config_* (npm_config_* are npm's): no check that the
        // new folder's dependencies are installed, which is what this install is about to record.
        env: { ...process.env, pnpm_config_verify_deps_before_run: "false" },
      });
      if (install.status !== 0) {
        throw new ToolError(
          `pnpm install --lockfile-only failed in ${options.out}:\n${install.stderr || install.stdout}`,
        );
      }
    }
    report.push(`Next: cd ${options.out} && pnpm install --frozen-lockfile && pnpm build`);
    for (const line of report) log(line);
    return { out, config, report, files: [...files.keys()].sort() };
  } catch (error) {
    // Nothing half-written stays behind: the folder was empty (or absent) when we started.
    await rm(out, { recursive: true, force: true });
    throw error;
  }
}

/**
 * @param {string} out
 * @param {{ skip: readonly string[] }} options rules not to run (they would not finish on this document)
 */
async function lintWithRecommended(out, { skip }) {
  const config = join(out, "spec/.redocly.recommended.yaml");
  const rules = skip.length > 0 ? `rules:\n${skip.map((rule) => `  ${rule}: off\n`).join("")}` : "";
  await writeFile(config, `extends:\n  - recommended\n${rules}telemetry: off\n`);
  try {
    // Redocly stops listing at 100 problems by default; every rule the document fails must be
    // reported and turned into a warning, or the first build fails on the rules past the cut.
    const args = ["lint", join(out, "spec/openapi.yaml"), "--config", config, "--format", "json"];
    const run = await runRedocly([...args, "--max-problems", String(Number.MAX_SAFE_INTEGER)], {
      cwd: join(out, "spec"),
    });
    const start = run.stdout.indexOf("{");
    const end = run.stdout.lastIndexOf("}");
    if (start < 0 || end < start) throw new ToolError(`Redocly lint printed no report:\n${run.output}`);
    return /** @type {{ problems: Array<Record<string, any>> }} */ (JSON.parse(run.stdout.slice(start, end + 1)));
  } finally {
    await rm(config, { force: true });
  }
}

/**
 * The report's lines on path keys with a query string: how many moved, and each one left as written.
 *
 * @param {import("./query-path-keys.js").QueryKeyPlan} plan
 */
function queryKeyLines(plan) {
  return [
    ...(plan.fixes.length > 0
      ? [
          `${QUERY_KEYS_OVERLAY}: ${plan.fixes.length} path key(s) with a query string (the first: ${plan.fixes[0]?.key}) move to their paths, the query items becoming query parameters.`,
        ]
      : []),
    ...plan.kept.map(
      ({ key, reason }) =>
        `Note: the path key ${key} keeps its query string (${reason}); the generators may refuse it.`,
    ),
  ];
}
