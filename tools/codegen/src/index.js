// @ts-check
export { mediaExample, parameterExample, schemaExample } from "./examples.js";
export { generate, renderTarget, TARGETS } from "./generate.js";
export { buildModel } from "./model.js";
export { planSdk, sampleFileName, sdkName, words } from "./naming.js";
export { HTTP_METHODS, listOperations } from "./operations.js";
export { assertLocalRefs, deref, headerText, readSpec, specLabel } from "./spec.js";
