// @ts-check
import { access } from "node:fs/promises";
import { join } from "node:path";
import { pendingChangesets } from "./changeset.js";
import { classify } from "./classify.js";
import { SpecUpdateError } from "./errors.js";
import { bumpCovers, maxBump } from "./levels.js";
import { readRepoConfig } from "./repo-config.js";
import { CONSUMER_FIXTURE, compileAgainstNewSdk, gateFiles, RELEASED_SAMPLES } from "./type-gate.js";

export const RELEASED_SPEC = "spec/released/openapi.json";
export const CURRENT_BUNDLE = "spec/dist/openapi.json";

/**
 * The gate: the API change since the last release (the committed bundle in spec/released) needs a
 * bump; the pending changesets must give the public packages at least that bump. Then the type
 * gate: the last release's docs samples and the consumer fixture must still compile against the
 * SDK built from the current spec, unless the pending changesets make a major release.
 *
 * @param {{ root: string, log: (text: string) => void, types?: boolean }} options `types: false`
 *   skips the type gate (it needs the client built)
 * @returns {Promise<{ required: import("./levels.js").Bump, pending: import("./levels.js").Bump, breaks?: import("./type-gate.js").CompileBreak[] }>}
 */
export async function specCheck({ root, log, types = true }) {
  const released = join(root, RELEASED_SPEC);
  const current = join(root, CURRENT_BUNDLE);
  const config = await readRepoConfig(root);
  if (!(await exists(current))) {
    throw new SpecUpdateError(
      `${CURRENT_BUNDLE} is missing: bundle the spec first (pnpm turbo run bundle --filter=${config.specPackage})`,
      { step: "spec:check" },
    );
  }
  if (!(await exists(released))) {
    log(
      `spec:check: no ${RELEASED_SPEC} yet (nothing released): the current bundle is the baseline, nothing to check.`,
    );
    return { required: "none", pending: "none" };
  }
  const { changes, bump: required } = await classify(released, current);
  const changesets = await pendingChangesets(root);
  const pending = changesets.reduce(
    (bump, changeset) => maxBump(bump, changeset.bump),
    /** @type {import("./levels.js").Bump} */ ("none"),
  );
  const source = changesets
    .filter((changeset) => changeset.bump !== "none")
    .map((changeset) => `${changeset.name} (${changeset.bump})`);
  if (required === "none") {
    log("spec:check: the API is unchanged since the last release.");
    return { required, pending };
  }
  if (!bumpCovers(pending, required)) {
    const short = changes.filter((change) => !bumpCovers(pending, change.level));
    const lines = short.map(
      (change) =>
        `  ${change.level}: ${[change.operation, change.target].filter(Boolean).join(", ")}${change.operation || change.target ? ": " : ""}${change.text}`,
    );
    throw new SpecUpdateError(
      [
        `the API changed since the last release in ways that need a ${required} release, but the pending changesets give ${pending === "none" ? "no release" : `a ${pending}`}${source.length ? ` (${source.join(", ")})` : ""} to ${config.publicPackages.join(" and ")}.`,
        `Changes that need more than ${pending === "none" ? "no release" : pending}:`,
        ...lines,
        `Add a changeset with \`pnpm changeset\` (${required} for both packages), or raise the existing one.`,
      ].join("\n"),
      { step: "spec:check" },
    );
  }
  log(
    `spec:check: the API change since the last release needs a ${required} release; pending changesets give ${pending} (${source.join(", ")}).`,
  );
  if (!types) return { required, pending };
  const breaks = await typeGate({ root, log, changes, pending, source, clientTypes: config.clientTypes });
  return { required, pending, breaks };
}

/**
 * @param {{ root: string, log: (text: string) => void, changes: import("./classify.js").ApiChange[], pending: import("./levels.js").Bump, source: string[], clientTypes: Record<string, string> }} input
 */
async function typeGate({ root, log, changes, pending, source, clientTypes }) {
  if ((await gateFiles(root)).length === 0) {
    log(`spec:check: no ${RELEASED_SAMPLES} or ${CONSUMER_FIXTURE} to compile against the new SDK.`);
    return [];
  }
  for (const path of Object.values(clientTypes)) {
    if (!(await exists(join(root, path))))
      throw new SpecUpdateError(`${path} is missing: build the SDK first (pnpm build)`, { step: "spec:check" });
  }
  const { files, breaks } = await compileAgainstNewSdk({ root, changes, clientTypes });
  if (breaks.length === 0) {
    log(
      `spec:check: the last release's docs samples and the consumer fixture (${files.length} files) compile against the new SDK.`,
    );
    return breaks;
  }
  const lines = breaks.flatMap((item) => [
    `  ${item.file}:${item.line}: ${item.message}`,
    ...(item.causes.length
      ? item.causes.map(
          (change) =>
            `    caused by (${change.level}) ${[change.operation, change.target].filter(Boolean).join(", ")}: ${change.text}`,
        )
      : ["    caused by: no API change names it; see the changes since the last release (pnpm spec:check)"]),
  ]);
  if (bumpCovers(pending, "major")) {
    log(
      [
        `spec:check: code written against the last release no longer compiles (${breaks.length} error(s)); the pending major release (${source.join(", ")}) says so:`,
        ...lines,
      ].join("\n"),
    );
    return breaks;
  }
  throw new SpecUpdateError(
    [
      `code written against the last release no longer compiles against the new SDK, but the pending changesets give ${pending === "none" ? "no release" : `a ${pending}`}${source.length ? ` (${source.join(", ")})` : ""}: a compile break is a major change.`,
      ...lines,
      "Make the changeset major (both packages), or keep the old surface compiling.",
    ].join("\n"),
    { step: "spec:check" },
  );
}

/** @param {string} path */
const exists = (path) =>
  access(path).then(
    () => true,
    () => false,
  );
