// @ts-check
// @sdkit/bundle: lint and bundle any OpenAPI document with Redocly, writing outputs atomically.

// These live in @sdkit/cli-kit and @sdkit/openapi, and are re-exported so that code importing them
// from this package (as all tools did before those packages existed) keeps working. New code
// imports them from where they live.
export {
  displayPath,
  EXIT_WITH_PARENT,
  invocationDir,
  onStopRequest,
  reportCliError,
  runCli,
  SpecError,
  spawnGroup,
  starterPid,
  ToolError,
  UsageError,
} from "@sdkit/cli-kit";
export { DEFAULT_MAX_BYTES, listRefs, parseSpecText, readSpecFile } from "@sdkit/openapi";
export { replaceDirAtomic, writeFileAtomic, writeFilesAtomic } from "./atomic-write.js";
export { bundleSpec } from "./bundle.js";
export { lintSpec } from "./lint.js";
export { listOverlays } from "./overlays.js";
export { cleanRedoclyOutput, redoclyEnv, runRedocly } from "./redocly.js";
export { collectSpecFiles } from "./spec-files.js";
