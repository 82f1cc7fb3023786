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
 * Prints `error` the way `runCli` does and returns the exit code it deserves. `print` (default
 * console.error) lets a CLI that takes its output functions as arguments, for its tests, report
 * through them.
 *
 * @param {unknown} error
 * @param {{ name: string, usage?: string, print?: (text: string) => void }} tool
 * @returns {number}
 */
export function reportCliError(error, { name, usage, print }) {
  const write = print ?? ((/** @type {unknown} */ value) => console.error(value));
  if (error instanceof UsageError || isParseArgsError(error)) {
    write(`${name}: ${/** @type {Error} */ (error).message}${usage ? `\n\n${usage}` : ""}`);
    return 2;
  }
  if (error instanceof ToolError) {
    write(`${name}: ${error.message}`);
    return 1;
  }
  // A bug: the stack says where.
  if (print) print(error instanceof Error ? (error.stack ?? String(error)) : String(error));
  else console.error(error);
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
