// @ts-check
import { resolve } from "node:path";
import { displayPath, invocationDir, SpecError } from "@sdkit/cli-kit";
import { lintReport } from "./lint-summary.js";
import { runRedocly } from "./redocly.js";
import { collectSpecFiles } from "./spec-files.js";

/**
 * @typedef {object} LintOptions
 * @property {string} config Redocly config with the lint rules
 * @property {string} [root] the folder referenced files must stay in (default: the spec's folder)
 * @property {number} [maxBytes] size limit for the document and its files (see collectSpecFiles)
 * @property {number} [timeoutMs] Redocly's deadline
 * @property {number} [heapMb] Redocly's heap limit
 * @property {string} [what] how to call the document in messages (default: its path)
 * @property {boolean} [checked] the caller already ran `collectSpecFiles` on it (bundleSpec does)
 */

/**
 * Lints `specPath` with the rules in `options.config`, after `collectSpecFiles` has refused what
 * must never reach Redocly (remote or escaping `$ref`s, oversized or non-UTF-8 files, alias
 * bombs). Redocly runs in the folder the user ran the command from, so every `file:line:col` it
 * prints opens from there (`spec/openapi.yaml:131:5` after `pnpm build` at the root). A lint error
 * prints our hint for linting again and becomes a SpecError; warnings are only printed.
 *
 * @param {string} specPath
 * @param {LintOptions} options
 */
export async function lintSpec(specPath, options) {
  const from = invocationDir();
  const shown = displayPath(specPath, from);
  if (!options.checked) await checkSpecFiles(specPath, options, from);
  const { code, output, killed } = await runRedocly(
    ["lint", "--config", resolve(options.config), "--format", "codeframe", shown],
    { cwd: from, timeoutMs: options.timeoutMs, heapMb: options.heapMb },
  );
  const what = options.what ?? shown;
  if (killed) throw new SpecError(`lint did not finish within its deadline; nothing was written`, { file: what });
  // Thousands of warnings are summarised (a line per rule), the whole report written to a file.
  const report = await lintReport(output);
  if (code !== 0) {
    process.stderr.write(`${report}\n\n${lintAgainHint(shown, options.config, from)}\n`);
    throw new SpecError("lint failed: fix the problems listed above; nothing was written", { file: what });
  }
  if (report) console.log(report);
}

/**
 * Runs `collectSpecFiles` on a spec (and its referenced files) and words its refusals as a
 * failed build: the file, the place, the reason, and that nothing was written.
 *
 * @param {string} specPath
 * @param {{ root?: string, maxBytes?: number }} options
 * @param {string} [from] where paths are shown from
 */
export async function checkSpecFiles(specPath, options, from = invocationDir()) {
  try {
    await collectSpecFiles(specPath, {
      root: options.root,
      maxBytes: options.maxBytes,
      display: (file) => displayPath(file, from),
    });
  } catch (error) {
    if (error instanceof SpecError) error.message += "; nothing was written";
    throw error;
  }
}

/**
 * How to lint again: through turbo when we run as a workspace package's script, else our CLI.
 *
 * @param {string} shownSpec
 * @param {string} config
 * @param {string} from
 */
export function lintAgainHint(shownSpec, config, from, env = process.env) {
  const command = env.npm_package_name
    ? `pnpm turbo run lint --filter=${env.npm_package_name}`
    : `openapi-bundle lint --config ${displayPath(config, from)} ${shownSpec}`;
  return `Fix each problem in the spec (an ignore file would only hide it). Lint it alone with: ${command}`;
}
