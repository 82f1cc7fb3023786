// @ts-check
import { DocsBuildError } from "../errors.js";

/**
 * Prints a failure and exits non-zero. Input problems (DocsBuildError) already say what and where,
 * so they print without a stack; anything else is a bug and keeps its stack.
 *
 * @param {unknown} error
 * @returns {never}
 */
export function reportAndExit(error) {
  if (
    error instanceof DocsBuildError ||
    (error instanceof Error && "code" in error && error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
  ) {
    console.error(`error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
