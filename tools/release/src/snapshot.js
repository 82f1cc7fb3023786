// @ts-check
import { ReleaseError } from "./errors.js";
import { listPendingChangesets } from "./pending-changesets.js";

export const DEFAULT_SNAPSHOT_TAG = "snapshot";

// npm dist-tags and semver prerelease identifiers: letters, digits and hyphens. `latest` is refused so a
// snapshot can never become what `npm install @hatch-api/client` picks by default.
const SNAPSHOT_TAG = /^[a-z0-9][a-z0-9-]*$/i;

/**
 * @param {string | undefined} tag
 * @returns {string}
 */
export function validateSnapshotTag(tag = DEFAULT_SNAPSHOT_TAG) {
  if (!SNAPSHOT_TAG.test(tag) || tag === "latest") {
    throw new ReleaseError(
      `Invalid snapshot tag "${tag}": use letters, digits and hyphens (e.g. "pr-42"), and not "latest".`,
      { step: "snapshot tag" },
    );
  }
  return tag;
}

/**
 * `pnpm release:snapshot [tag]`: turn the pending changesets into snapshot prerelease versions
 * (`changeset version --snapshot <tag>`) and build them. Publishing stays a separate, explicit step
 * under the same dist-tag, so a branch build never lands on `latest`.
 *
 * @param {import("./release.js").ReleaseContext & { tag?: string }} context
 */
export async function releaseSnapshot({ run, cwd, env, log, tag: requestedTag }) {
  const tag = validateSnapshotTag(requestedTag);
  const pending = await listPendingChangesets(cwd);
  if (pending.length === 0) {
    throw new ReleaseError("No changesets to snapshot: add one with `pnpm changeset` first.", {
      step: "pending changesets",
    });
  }

  const version = await run("pnpm", ["exec", "changeset", "version", "--snapshot", tag], { cwd, env });
  if (version.code !== 0) {
    throw new ReleaseError(`\`changeset version --snapshot ${tag}\` failed (exit ${version.code}).`, {
      step: "changeset version --snapshot",
    });
  }
  const build = await run("pnpm", ["exec", "turbo", "run", "build"], { cwd, env });
  if (build.code !== 0) {
    throw new ReleaseError(`Snapshot versions were written but \`turbo run build\` failed (exit ${build.code}).`, {
      step: "turbo run build",
    });
  }

  log(
    [
      `Snapshot versions written and built (dist-tag "${tag}").`,
      "To publish them, with npm_config_registry and NPM_TOKEN set:",
      `  pnpm exec changeset publish --tag ${tag} --no-git-tag`,
      `Install with: npm install @hatch-api/client@${tag}`,
      "Do not commit the snapshot versions: discard them afterwards with `git restore .`",
      "(and `git clean -n .changeset` to check the consumed changesets come back).",
    ].join("\n"),
  );
}
