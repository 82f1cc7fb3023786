// @ts-check

export { bundleIfMultiFile, dropDanglingRefs, droppedRefNotes } from "./document-input.js";
export { lintConfig, summarizeLint } from "./lint-report.js";
export { derivedOperationId, derivedTag, overlaySkeleton, planFixes } from "./operation-fixes.js";
export {
  EXAMPLE_RULES,
  jsonPathOf,
  PATTERN_OVERLAY,
  patternOverlay,
  planPatternFixes,
  removePatterns,
} from "./pattern-fixes.js";
export {
  movedPathItem,
  moveQueryKeys,
  planQueryKeyFixes,
  QUERY_KEYS_OVERLAY,
  queryKeyOverlay,
} from "./query-path-keys.js";
export { readDocument, scaffold } from "./scaffold.js";
export { defaultSdkConfig, nameFromTitle } from "./sdk-config-defaults.js";
