// @ts-check
// What a new user of a scaffolded repo types: the commands of its README's "Quick start", in order
// (the first sets up and builds, the second lints and tests). Read from the README rather than
// written here, so that the corpus follows the scaffold when the README's commands change.

/** What the scaffold's README says today, used when a README does not have the expected shape. */
export const DEFAULT_BUILD_COMMAND = "pnpm install --frozen-lockfile && pnpm build";

/**
 * The ```sh blocks of the README's `## Quick start` section, each trimmed, in order.
 *
 * @param {string} readme
 * @returns {string[]}
 */
export function quickStartCommands(readme) {
  const section = /^## Quick start\b[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? "";
  return [...section.matchAll(/^[ \t]*```(?:sh|bash|shell)\n([\s\S]*?)^[ \t]*```/gm)]
    .map((match) => /** @type {string} */ (match[1]).trim())
    .filter(Boolean);
}

/**
 * The setup + build command: the first Quick start command, else the documented one.
 *
 * @param {string} readme
 */
export function buildCommand(readme) {
  return quickStartCommands(readme)[0] ?? DEFAULT_BUILD_COMMAND;
}
