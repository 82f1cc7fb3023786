// @ts-check
import { reportCliError } from "@sdkit/cli-kit";
import { runReleaseChecks } from "./checks.js";
import { ReleaseError } from "./errors.js";
import { assertCleanTree } from "./git-tree.js";
import { writePublishUserconfig } from "./npmrc.js";
import { assertNoPendingChangesets } from "./pending-changesets.js";
import { assertNoPrivateDependencies } from "./private-dependencies.js";
import { resolveRegistry } from "./registry.js";
import { assertNoSnapshotApplied } from "./snapshot-state.js";

/**
 * @typedef {object} ReleaseContext
 * @property {import("./run-command.js").Runner} run
 * @property {string} cwd the repository root
 * @property {NodeJS.ProcessEnv} env
 * @property {(line: string) => void} log
 */

/**
 * `pnpm release`: refuse on a dirty tree or unapplied changesets, run build, lint and test through
 * turbo, then `changeset publish` with credentials taken only from the environment.
 *
 * @param {ReleaseContext} context
 */
export async function release({ run, cwd, env, log }) {
  // Before the clean-tree check: an applied snapshot makes the tree dirty, and this names the one fix.
  await assertNoSnapshotApplied({ run, cwd }, "release");
  await assertCleanTree({ run, cwd });
  await assertNoPendingChangesets(cwd);
  await assertNoPrivateDependencies(cwd);
  const registry = resolveRegistry(env);
  if (!env.NPM_TOKEN) {
    // Checked before the slow checks so a missing token costs seconds, not a full test run.
    throw new ReleaseError(`NPM_TOKEN is not set: export a publish token for ${registry} and run again.`, {
      step: "credentials",
    });
  }

  await runReleaseChecks({ run, cwd, env });
  // Builds and tests must not change tracked files; if they did, the tarballs would not match the commit.
  await assertCleanTree({ run, cwd });

  log(`Publishing to ${registry}`);
  const userconfig = await writePublishUserconfig(registry);
  try {
    const publish = await run("pnpm", ["exec", "changeset", "publish"], {
      cwd,
      env: { ...env, npm_config_registry: registry, npm_config_userconfig: userconfig.path },
    });
    if (publish.code !== 0) {
      throw new ReleaseError(
        `\`changeset publish\` failed (exit ${publish.code}); see its output above. ` +
          "Packages it reported as published are on the registry; rerunning publishes only the rest.",
        { step: "changeset publish" },
      );
    }
  } finally {
    await userconfig.remove();
  }
  log("Published. Push the release tags with `git push --follow-tags`.");
}

/**
 * `pnpm release`'s command line, apart from the process: returns the exit code.
 *
 * @param {ReleaseContext & { error: (line: string) => void }} context
 * @returns {Promise<number>}
 */
export async function releaseCli({ error, ...context }) {
  try {
    await release(context);
    return 0;
  } catch (caught) {
    return reportCliError(caught, { name: "release", print: error });
  }
}
