// @ts-check
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { EXIT_WITH_PARENT } from "@sdkit/cli-kit";

const require = createRequire(import.meta.url);

/** Prism's CLI entry, run with our own Node so no shell or `.bin` shim sits between us and it. */
export const prismEntry = require.resolve("@stoplight/prism-cli");

/** @type {string} */
export const prismVersion = JSON.parse(
  readFileSync(require.resolve("@stoplight/prism-cli/package.json"), "utf8"),
).version;

/** Preloaded into Prism so it exits when whoever started it goes away (see exit-with-parent.cjs). */
export const exitWithParentPath = EXIT_WITH_PARENT;

/** Preloaded into Prism so it runs with this package's patches where it is installed (see prism-patches.cjs). */
export const prismPatchesPath = fileURLToPath(new URL("./prism-patches.cjs", import.meta.url));

/**
 * @typedef {object} PrismOptions
 * @property {string} specPath absolute path of the document to serve
 * @property {string} host
 * @property {number} port 0 lets Prism pick a free port, which it then reports in its log
 * @property {boolean} [dynamic] generate responses from schemas instead of the spec's examples (mock only)
 * @property {boolean} [errors] answer request/response violations with an error instead of only logging them
 * @property {string} [upstream] proxy to this server instead of mocking
 * @property {boolean} [validateRequest] proxy only: false forwards requests that break the spec to the upstream
 */

/**
 * The arguments after `node`: the preloads (the guard, the patches), Prism's entry and its command line.
 *
 * @param {PrismOptions} options
 * @returns {string[]}
 */
export function prismNodeArgs(options) {
  return ["--require", exitWithParentPath, "--require", prismPatchesPath, prismEntry, ...prismArgs(options)];
}

/**
 * Prism's own command line. Multiprocess mode is forced off: it forks a cluster worker that our
 * process-group kill would still reach, but a single process is simpler to watch and to stop.
 *
 * @param {PrismOptions} options
 * @returns {string[]}
 */
export function prismArgs({ specPath, host, port, dynamic = false, errors = false, upstream, validateRequest }) {
  const command = upstream === undefined ? ["mock", specPath] : ["proxy", specPath, upstream];
  const flags = ["--host", host, "--port", String(port), "--multiprocess=false"];
  if (dynamic) {
    if (upstream !== undefined) throw new TypeError("dynamic examples only apply to mock mode, not to a proxy");
    flags.push("--dynamic");
  }
  if (errors) flags.push("--errors");
  if (validateRequest === false) flags.push("--validate-request=false");
  return [...command, ...flags];
}
