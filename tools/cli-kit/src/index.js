// @ts-check
// @sdkit/cli-kit: how the toolchain's command-line tools fail, end and run other programs. One error
// base (a message the user can act on, no stack), one CLI error handler (exit 2 with usage, 1 with
// the message, 1 with the stack for a bug), paths printed as the user's terminal opens them, and
// child processes that never outlive whoever started them.
export { reportCliError, runCli } from "./cli-runner.js";
export { displayPath, invocationDir } from "./display-path.js";
export { SpecError, ToolError, UsageError } from "./errors.js";
export { onStopRequest, starterPid } from "./process-exit.js";
export { EXIT_WITH_PARENT, spawnGroup } from "./process-group.js";
export { runCommand } from "./run-command.js";

/** @typedef {import("./run-command.js").Runner} Runner */
/** @typedef {import("./run-command.js").RunOptions} RunOptions */
/** @typedef {import("./run-command.js").RunResult} RunResult */
