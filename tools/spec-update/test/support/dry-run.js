// @ts-check
import { specUpdate } from "../../src/spec-update.js";
import { REPO } from "./paths.js";

/** A runner that must not be called: dry runs never build. */
/** @type {import("../../src/run-command.js").Runner} */
const noRun = async (command, args) => {
  throw new Error(`a dry run ran ${command} ${args.join(" ")}`);
};

/**
 * `spec:update --from <from> --dry-run` against the real repository (a dry run writes nothing),
 * returning the result or the error, and everything it printed.
 *
 * @param {string} from
 * @param {string} [root]
 */
export async function dryRun(from, root = REPO) {
  /** @type {string[]} */
  const logged = [];
  try {
    const result = await specUpdate({ root, from, dryRun: true, run: noRun, log: (text) => logged.push(text) });
    return { result, error: undefined, output: logged.join("\n") };
  } catch (error) {
    // A candidate that fails lint still comes with its report.
    const report = /** @type {{ report?: import("../../src/report.js").UpdateReport }} */ (error).report;
    return {
      result: report ? { report, applied: false } : undefined,
      error: /** @type {Error} */ (error),
      output: logged.join("\n"),
    };
  }
}
