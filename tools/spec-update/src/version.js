// @ts-check
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { classify } from "./classify.js";
import { SpecUpdateError } from "./errors.js";
import { formatWithBiome } from "./format.js";
import { readRepoConfig } from "./repo-config.js";
import { contractChanges } from "./report.js";
import { CURRENT_BUNDLE, RELEASED_SPEC } from "./spec-check.js";
import { PATHS } from "./spec-update.js";
import { snapshotSamples } from "./type-gate.js";

/**
 * `pnpm version-packages`: `changeset version`, then the API record of the new version:
 * spec/api-changes/<version>.json from the change reports spec:update left for the consumed
 * changesets (or, for hand-made spec changes, from oasdiff against the released spec), and the
 * released-spec snapshot that spec:check compares against.
 *
 * @param {{ root: string, run: import("@sdkit/cli-kit").Runner, log: (text: string) => void, now?: Date }} options
 * @returns {Promise<{ version: string | null, changesFile: string | null }>}
 */
export async function versionPackages({ root, run, log, now = new Date() }) {
  const config = await readRepoConfig(root);
  const before = await publicVersion(root, config);
  const changesetsBefore = await changesetNames(root);
  const version = await run("pnpm", ["exec", "changeset", "version"], { cwd: root });
  if (version.code !== 0)
    throw new SpecUpdateError(`\`changeset version\` failed (exit ${version.code})`, { step: "changeset version" });
  const after = await publicVersion(root, config);
  if (after === before) {
    log(`No new version (still ${before}): nothing to record.`);
    return { version: null, changesFile: null };
  }
  const remaining = new Set(await changesetNames(root));
  const consumed = new Set(changesetsBefore.filter((name) => !remaining.has(name)));

  const bundle = await run("pnpm", ["exec", "turbo", "run", "bundle", `--filter=${config.specPackage}`], { cwd: root });
  if (bundle.code !== 0)
    throw new SpecUpdateError(`bundling the spec failed (exit ${bundle.code})`, { step: "bundle" });

  // The change reports spec:update stored for the changesets this version consumed.
  const pendingDir = join(root, PATHS.pending);
  /** @type {Array<ReturnType<typeof contractChanges>[number]>} */
  let changes = [];
  /** @type {string[]} */
  const used = [];
  for (const file of (await readdir(pendingDir).catch(() => [])).filter((name) => name.endsWith(".json")).sort()) {
    const report = JSON.parse(await readFile(join(pendingDir, file), "utf8"));
    if (!consumed.has(report.changeset ?? file.replace(/\.json$/, ""))) continue;
    changes.push(...report.changes);
    used.push(file);
  }
  const releasedPath = join(root, RELEASED_SPEC);
  const currentPath = join(root, CURRENT_BUNDLE);
  if (used.length === 0) {
    // A spec edited by hand: the record is what oasdiff finds since the last release.
    const hasReleased = await readFile(releasedPath).then(
      () => true,
      () => false,
    );
    if (hasReleased) changes = contractChanges((await classify(releasedPath, currentPath)).changes);
  }

  let changesFile = null;
  /** @type {string[]} */
  const written = [releasedPath];
  if (changes.length > 0) {
    changesFile = join("spec/api-changes", `${after}.json`);
    const record = { version: after, date: now.toISOString().slice(0, 10), bump: semverBump(before, after), changes };
    await mkdir(join(root, "spec/api-changes"), { recursive: true });
    await writeFile(join(root, changesFile), `${JSON.stringify(record, null, 2)}\n`);
    written.push(join(root, changesFile));
  }
  await mkdir(join(root, "spec/released"), { recursive: true });
  await copyFile(currentPath, releasedPath);
  // The type gate of spec:check compiles these against every later SDK until the next release.
  await snapshotSamples(root);
  await formatWithBiome(root, written);
  for (const file of used) await rm(join(pendingDir, file));
  log(
    `Versioned ${config.publicPackages.join(" and ")} ${before} → ${after}; ${changesFile ? `API changes recorded in ${changesFile}` : "no API change recorded"}; ${RELEASED_SPEC} refreshed. Review and commit.`,
  );
  return { version: after, changesFile };
}

/** @param {string} root */
async function changesetNames(root) {
  return (await readdir(join(root, ".changeset")).catch(() => []))
    .filter((name) => name.endsWith(".md") && name !== "README.md")
    .map((name) => name.replace(/\.md$/, ""));
}

/** @param {string} root @param {import("./repo-config.js").RepoConfig} config */
async function publicVersion(root, config) {
  const manifest = JSON.parse(await readFile(join(root, config.typesDir, "package.json"), "utf8"));
  return String(manifest.version);
}

/**
 * @param {string} before
 * @param {string} after
 * @returns {"major" | "minor" | "patch"}
 */
export function semverBump(before, after) {
  const [a = [], b = []] = [before, after].map((version) => version.split(/[.-]/).map(Number));
  if (b[0] !== a[0]) return "major";
  if (b[1] !== a[1]) return "minor";
  return "patch";
}
