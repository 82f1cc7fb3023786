// @ts-check
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { ReleaseError } from "./errors.js";
import { writePublishUserconfig } from "./npmrc.js";
import { listPendingChangesets } from "./pending-changesets.js";
import { resolveRegistry } from "./registry.js";
import {
  assertNoSnapshotApplied,
  readSnapshotState,
  removeSnapshotState,
  snapshotStatePath,
  UNDO_COMMAND,
  writeSnapshotState,
} from "./snapshot-state.js";
import { removeStraySnapshotChangelogs } from "./stray-snapshot-changelogs.js";
import { editedSince, recordWorkTree, repositoryRoot, restoreFiles } from "./work-tree-changes.js";

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
 * `pnpm release:snapshot [tag] [--publish]`: turn the pending changesets into snapshot prerelease
 * versions (`changeset version --snapshot <tag>`) and build the packages that got one. Everything it
 * changes is recorded in `.git`, so `pnpm release:snapshot --undo` puts back exactly those files (the
 * version bumps and the consumed changesets, committed or not); with `--publish` it publishes under the
 * dist-tag and undoes by itself. A snapshot never writes a changelog entry, so no unpublished version
 * can reach a CHANGELOG.md or the docs site built from it.
 *
 * @param {import("./release.js").ReleaseContext & { tag?: string, publish?: boolean }} context
 */
export async function releaseSnapshot({ run, cwd, env, log, tag: requestedTag, publish = false }) {
  const tag = validateSnapshotTag(requestedTag);
  await assertNoSnapshotApplied({ run, cwd }, "take a snapshot");
  const pending = await listPendingChangesets(cwd);
  if (pending.length === 0) {
    throw new ReleaseError("No changesets to snapshot: add one with `pnpm changeset` first.", {
      step: "pending changesets",
    });
  }
  const registry = publish ? resolveRegistry(env) : undefined;
  if (publish && !env.NPM_TOKEN) {
    throw new ReleaseError(`NPM_TOKEN is not set: export a publish token for ${registry} and run again.`, {
      step: "credentials",
    });
  }

  const recording = await recordWorkTree({ run, cwd });
  const version = await run("pnpm", ["exec", "changeset", "version", "--snapshot", tag], { cwd, env });
  const written = await recording.changes();
  if (version.code !== 0) {
    await restoreFiles(recording.root, written);
    throw new ReleaseError(
      `\`changeset version --snapshot ${tag}\` failed (exit ${version.code}); every file it changed was put back.`,
      { step: "changeset version --snapshot" },
    );
  }
  // Changelogs describe releases. A snapshot is not one: drop its entries (and the CHANGELOG.md files it
  // created) at once, so neither the package tarballs nor the docs changelog page can show its version.
  const changelogs = written.filter((change) => basename(change.path) === "CHANGELOG.md");
  await restoreFiles(recording.root, changelogs);
  const files = written.filter((change) => !changelogs.includes(change));
  const versions = await snapshotVersions(recording.root, files);

  const statePath = await snapshotStatePath({ run, cwd });
  await writeSnapshotState(statePath, { tag, versions, files });
  const undo = async () => {
    await restoreFiles(recording.root, files);
    await removeSnapshotState(statePath);
  };

  const names = Object.keys(versions);
  if (names.length === 0) {
    await undo();
    throw new ReleaseError("`changeset version --snapshot` gave no public package a version; nothing to build.", {
      step: "changeset version --snapshot",
    });
  }
  const filters = names.map((name) => `--filter=${name}...`);
  const build = await run("pnpm", ["exec", "turbo", "run", "build", ...filters], { cwd, env });
  if (build.code !== 0) {
    await undo();
    throw new ReleaseError(
      `\`turbo run build\` failed (exit ${build.code}) on the snapshot versions; they were undone, the tree is as before.`,
      { step: "turbo run build" },
    );
  }
  const listed = names.map((name) => `  ${name}@${versions[name]}`);

  if (publish) {
    try {
      await publishSnapshot({ run, cwd, env, log, tag, registry: /** @type {string} */ (registry) });
    } finally {
      await undo();
      log(`Snapshot versions undone: ${files.length} file(s) put back as they were.`);
    }
    log(
      [`Published under the dist-tag "${tag}":`, ...listed, `Install with: npm install ${names[0]}@${tag}`].join("\n"),
    );
    return;
  }

  log(
    [
      `Snapshot versions written and built (dist-tag "${tag}"):`,
      ...listed,
      "No changelog entry is written for a snapshot.",
      "To publish them, with npm_config_registry and NPM_TOKEN set:",
      `  pnpm exec changeset publish --tag ${tag} --no-git-tag`,
      `Then put back every file the snapshot changed (versions and consumed changesets): ${UNDO_COMMAND}`,
      `(\`pnpm release:snapshot ${tag} --publish\` does all three in one go.)`,
    ].join("\n"),
  );
}

/**
 * `pnpm release:snapshot --undo`: put back every file the applied snapshot changed. Refuses, naming
 * them, when files were edited since the snapshot wrote them, unless `force` is set.
 *
 * @param {Omit<import("./release.js").ReleaseContext, "env"> & { force?: boolean }} context
 */
export async function undoSnapshot({ run, cwd, log, force = false }) {
  const statePath = await snapshotStatePath({ run, cwd });
  const state = await readSnapshotState(statePath);
  if (state === undefined) {
    const stray = await removeStraySnapshotChangelogs({ run, cwd });
    if (stray.length === 0) log("No snapshot is applied: nothing to undo.");
    else {
      log(
        [
          "No snapshot is applied; removed changelogs left by an earlier snapshot (snapshot versions only):",
          ...stray.map((path) => `  ${path}`),
        ].join("\n"),
      );
    }
    return;
  }
  const root = await repositoryRoot({ run, cwd });
  const edited = await editedSince(root, state.files);
  if (edited.length > 0 && !force) {
    throw new ReleaseError(
      `Not undoing the snapshot "${state.tag}": ${edited.join(", ")} changed since the snapshot wrote ${
        edited.length === 1 ? "it" : "them"
      }. Save those edits elsewhere, then run \`${UNDO_COMMAND} --force\`.`,
      { step: "snapshot undo" },
    );
  }
  await restoreFiles(root, state.files);
  await removeSnapshotState(statePath);
  log(
    [
      `Snapshot "${state.tag}" undone; put back as before:`,
      ...state.files.map(({ path, original }) => `  ${path}${original === null ? " (removed)" : ""}`),
    ].join("\n"),
  );
}

/**
 * @param {import("./release.js").ReleaseContext & { tag: string, registry: string }} context
 */
async function publishSnapshot({ run, cwd, env, log, tag, registry }) {
  log(`Publishing the snapshot to ${registry} under the dist-tag "${tag}"`);
  const userconfig = await writePublishUserconfig(registry);
  try {
    const result = await run("pnpm", ["exec", "changeset", "publish", "--tag", tag, "--no-git-tag"], {
      cwd,
      env: { ...env, npm_config_registry: registry, npm_config_userconfig: userconfig.path },
    });
    if (result.code !== 0) {
      throw new ReleaseError(`\`changeset publish --tag ${tag}\` failed (exit ${result.code}); see its output above.`, {
        step: "changeset publish",
      });
    }
  } finally {
    await userconfig.remove();
  }
}

/**
 * The public packages whose version the snapshot changed, from the package.json files it wrote.
 *
 * @param {string} root
 * @param {ReadonlyArray<import("./work-tree-changes.js").FileChange>} files
 * @returns {Promise<Record<string, string>>}
 */
async function snapshotVersions(root, files) {
  /** @type {Record<string, string>} */
  const versions = {};
  for (const { path, original } of files) {
    if (basename(path) !== "package.json" || original === null) continue;
    const manifest = JSON.parse(await readFile(join(root, path), "utf8"));
    if (!manifest.private && manifest.version !== JSON.parse(original).version) {
      versions[manifest.name] = manifest.version;
    }
  }
  return versions;
}
