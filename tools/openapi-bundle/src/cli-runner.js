// @ts-check
import { ToolError, UsageError } from "./errors.js";

/**
 * The one way our node-run tools end: runs `main`, and on failure prints what the user needs and
 * sets the exit code. A `UsageError` (or a `parseArgs` error) prints the usage and exits 2; any
 * other `ToolError` prints its message (it already says what and where) and exits 1; anything else
 * is a bug and prints its stack, exit 1. The exit code is set, not forced, so open handles finish.
 *
 * @param {() => Promise<unknown> | unknown} main
 * @param {{ name: string, usage?: string }} tool
 * @returns {Promise<void>}
 */
export async function runCli(main, { name, usage }) {
  try {
    await main();
  } catch (error) {
    process.exitCode = reportCliError(error, { name, usage });
  }
}

/**
 * Prints `error` the way `runCli` does and returns the exit code it deserves.
 *
 * @param {unknown} error
 * @param {{ name: string, usage?: string }} tool
 * @returns {number}
 */
export function reportCliError(error, { name, usage }) {
  if (error instanceof UsageError || isParseArgsError(error)) {
    console.error(`${name}: ${/** @type {Error} */ (error).message}${usage ? `\n\n${usage}` : ""}`);
    return 2;
  }
  if (error instanceof ToolError) {
    console.error(`${name}: ${error.message}`);
    return 1;
  }
  console.error(error);
  return 1;
}

/** @param {unknown} error */
function isParseArgsError(error) {
  return (
    error instanceof TypeError &&
    "code" in error &&
    typeof error.code === "string" &&
    error.code.startsWith("ERR_PARSE_ARGS_")
  );
}
