// @ts-check
/**
 * Release steps run commands through the toolchain's one runner (@sdkit/cli-kit), and take it as a
 * parameter so tests can substitute a recording fake and check the refusal logic without running
 * git, turbo or a registry. With `capture`, `output` holds the command's stdout and stderr.
 *
 * @typedef {import("@sdkit/cli-kit").RunOptions} RunOptions
 * @typedef {import("@sdkit/cli-kit").RunResult} RunResult
 * @typedef {import("@sdkit/cli-kit").Runner} Runner
 */
export { runCommand } from "@sdkit/cli-kit";
