// @ts-check
export { writeFileAtomic, writeFilesAtomic } from "./atomic-write.js";
export { bundleSpec } from "./bundle.js";
export { SpecError } from "./errors.js";
export { lintSpec } from "./lint.js";
export { listOverlays } from "./overlays.js";
