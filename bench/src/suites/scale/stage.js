// @ts-check

/**
 * One stage of the toolchain measured on a large document: the way our pipeline runs it ("ours")
 * against the tool run directly ("raw"), on the same input. Adding a stage (say SDK generation once
 * tools/codegen exists) is a new file in stages/ plus a line in stages/index.js.
 *
 * @typedef {object} ScaleContext
 * @property {string} repoRoot
 * @property {string} document the large OpenAPI document (JSON)
 * @property {string} redoclyConfig the Redocly config both sides lint and bundle with
 * @property {string} work a scratch folder for outputs
 * @property {NodeJS.ProcessEnv} env
 */

/**
 * @typedef {object} CommandSpec
 * @property {string} command
 * @property {string[]} args
 * @property {string} cwd
 */

/**
 * @typedef {object} ScaleStage
 * @property {string} id short key used in metric ids, e.g. "bundle"
 * @property {string} label
 * @property {string} ours what "ours" runs, for the report
 * @property {string} raw what "raw" runs, for the report
 * @property {(ctx: ScaleContext) => Promise<void>} [prepare] runs once, untimed, before the rounds
 * @property {(ctx: ScaleContext) => CommandSpec} oursCommand
 * @property {(ctx: ScaleContext) => CommandSpec} rawCommand
 */

export {};
