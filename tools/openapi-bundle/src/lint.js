// @ts-check
import { SpecError } from "./errors.js";
import { runRedocly } from "./redocly.js";

/**
 * Lints `specPath` with the rules in `configPath`. Redocly prints each problem with its file,
 * line, column and JSON pointer; a lint error becomes a SpecError, warnings are only printed.
 *
 * @param {string} specPath
 * @param {{ config: string }} options
 */
export async function lintSpec(specPath, options) {
  const { code } = await runRedocly(["lint", "--config", options.config, "--format", "codeframe", specPath]);
  if (code !== 0) {
    throw new SpecError("lint failed: fix the problems listed above; nothing was written", { file: specPath });
  }
}
