// @ts-check
import { ReleaseError } from "./errors.js";

const LISTED_CHANGES = 10;

/**
 * Refuses to go on when the work tree has uncommitted or untracked changes: what gets published must
 * be exactly what is committed (and tagged) in git.
 *
 * @param {{ run: import("./run-command.js").Runner, cwd: string }} context
 */
export async function assertCleanTree({ run, cwd }) {
  const status = await run("git", ["status", "--porcelain"], { cwd, capture: true });
  if (status.code !== 0) {
    throw new ReleaseError(`Cannot release: \`git status --porcelain\` failed (exit ${status.code}) in ${cwd}.`, {
      step: "clean tree",
    });
  }
  const changes = status.output.split("\n").filter((line) => line.trim() !== "");
  if (changes.length > 0) {
    const listed = changes.slice(0, LISTED_CHANGES).map((line) => `  ${line}`);
    if (changes.length > LISTED_CHANGES) listed.push(`  … and ${changes.length - LISTED_CHANGES} more`);
    throw new ReleaseError(
      `Refusing to release from a dirty work tree (${changes.length} uncommitted change(s)):\n${listed.join("\n")}\n` +
        "Commit or discard them, then run the release again.",
      { step: "clean tree" },
    );
  }
}
