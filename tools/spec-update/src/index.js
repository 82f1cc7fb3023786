// @ts-check
export { applyWireChanges, PLACEHOLDER_MARK } from "./apply-changes.js";
export { changesetText, pendingChangesets } from "./changeset.js";
export { classify, MAJOR_INFO_CHECKS } from "./classify.js";
export { agreements, explainedBy, loadDifferences } from "./differences.js";
export { SpecUpdateError } from "./errors.js";
export { loadDocument, parseDocument } from "./load-document.js";
export { readRepoConfig } from "./repo-config.js";
export { formatReport } from "./report.js";
export { CURRENT_BUNDLE, RELEASED_SPEC, specCheck } from "./spec-check.js";
export { buildSteps, PATHS, specUpdate } from "./spec-update.js";
export { semverBump, versionPackages } from "./version.js";
export { diffWireModels } from "./wire-diff.js";
export { wireModel } from "./wire-model.js";
