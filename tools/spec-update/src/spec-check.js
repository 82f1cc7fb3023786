// @ts-check
import { access } from "node:fs/promises";
import { join } from "node:path";
import { PUBLIC_PACKAGES, pendingChangesets, SPEC_PACKAGE } from "./changeset.js";
import { classify } from "./classify.js";
import { SpecUpdateError } from "./errors.js";
import { bumpCovers, maxBump } from "./levels.js";

export const RELEASED_SPEC = "spec/released/openapi.json";
export const CURRENT_BUNDLE = "spec/dist/openapi.json";

/**
 * The gate: the API change since the last release (the committed bundle in spec/released) needs a
 * bump; the pending changesets must give the public packages at least that bump.
 *
 * @param {{ root: string, log: (text: string) => void }} options
 * @returns {Promise<{ required: import("./levels.js").Bump, pending: import("./levels.js").Bump }>}
 */
export async function specCheck({ root, log }) {
  const released = join(root, RELEASED_SPEC);
  const current = join(root, CURRENT_BUNDLE);
  if (!(await exists(current))) {
    throw new SpecUpdateError(
      `${CURRENT_BUNDLE} is missing: bundle the spec first (pnpm turbo run bundle --filter=${SPEC_PACKAGE})`,
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
        `the API changed since the last release in ways that need a ${required} release, but the pending changesets give ${pending === "none" ? "no release" : `a ${pending}`}${source.length ? ` (${source.join(", ")})` : ""} to ${PUBLIC_PACKAGES.join(" and ")}.`,
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
  return { required, pending };
}

/** @param {string} path */
const exists = (path) =>
  access(path).then(
    () => true,
    () => false,
  );
