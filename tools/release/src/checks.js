// @ts-check
import { ReleaseError } from "./errors.js";

/** Run in this order, one turbo invocation each, so a failure names exactly one step. */
export const RELEASE_CHECKS = /** @type {const} */ (["build", "lint", "test"]);

/**
 * Runs build, lint and test through turbo; stops at the first failure.
 *
 * @param {{ run: import("./run-command.js").Runner, cwd: string, env?: NodeJS.ProcessEnv }} context
 */
export async function runReleaseChecks({ run, cwd, env }) {
  for (const task of RELEASE_CHECKS) {
    const step = `turbo run ${task}`;
    const result = await run("pnpm", ["exec", "turbo", "run", task], { cwd, env });
    if (result.code !== 0) {
      throw new ReleaseError(`Release stopped: \`${step}\` failed (exit ${result.code}). Nothing was published.`, {
        step,
      });
    }
  }
}
