// @ts-check
// @sdkit/bundle: lint and bundle any OpenAPI document, and the tooling our other
// node-run tools share (one spec reader, one Redocly spawner, one CLI error handler, one error
// base class, atomic writes).
export { replaceDirAtomic, writeFileAtomic, writeFilesAtomic } from "./atomic-write.js";
export { bundleSpec } from "./bundle.js";
export { reportCliError, runCli } from "./cli-runner.js";
export { displayPath, invocationDir } from "./display-path.js";
export { SpecError, ToolError, UsageError } from "./errors.js";
export { lintSpec } from "./lint.js";
export { listOverlays } from "./overlays.js";
export { onStopRequest, starterPid } from "./process-exit.js";
export { EXIT_WITH_PARENT, spawnGroup } from "./process-group.js";
export { cleanRedoclyOutput, redoclyEnv, runRedocly } from "./redocly.js";
export { collectSpecFiles, listRefs } from "./spec-files.js";
export { DEFAULT_MAX_BYTES, parseSpecText, readSpecFile } from "./spec-reader.js";
