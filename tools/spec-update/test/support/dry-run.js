// @ts-check
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { specUpdate } from "../../src/spec-update.js";
import { tempRepo } from "./temp-repo.js";

/** A runner that must not be called: dry runs never build. */
/** @type {import("@sdkit/cli-kit").Runner} */
const noRun = async (command, args) => {
  throw new Error(`a dry run ran ${command} ${args.join(" ")}`);
};

/** @type {string | undefined} */
let shared;

/**
 * `spec:update --from <from> --dry-run` against a temp copy of the repository (one per test file:
 * a dry run writes nothing), returning the result or the error, and everything it printed.
 *
 * @param {string} from
 */
export async function dryRun(from) {
  shared ??= tempRepo();
  const root = shared;
  /** @type {string[]} */
  const logged = [];
  try {
    const result = await specUpdate({ root, from, dryRun: true, run: noRun, log: (text) => logged.push(text) });
    return { result, error: undefined, output: logged.join("\n") };
  } catch (error) {
    // A candidate that fails lint is kept for the maintainer; not for tests.
    const kept = /** @type {{ candidate?: string }} */ (error).candidate;
    if (kept) rmSync(dirname(dirname(kept)), { recursive: true, force: true });
    // A candidate that fails lint still comes with its report.
    const report = /** @type {{ report?: import("../../src/report.js").UpdateReport }} */ (error).report;
    return {
      result: report ? { report, applied: false } : undefined,
      error: /** @type {Error} */ (error),
      output: logged.join("\n"),
    };
  }
}
