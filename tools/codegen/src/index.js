// @ts-check
export { mediaExample, parameterExample, schemaExample } from "./examples.js";
export { generate, optionsFromSdkConfig, renderTarget, TARGETS } from "./generate.js";
export { toJsonSchema } from "./json-schema.js";
export { buildModel } from "./model.js";
export { planSdk, sampleFileName, sdkName, words } from "./naming.js";
export { HTTP_METHODS, listOperations } from "./operations.js";
export {
  clientNames,
  isReservedName,
  readSdkConfig,
  resolveSecurity,
  SDK_CONFIG_SCHEMA,
  validateSdkConfig,
} from "./sdk-config.js";
export { assertLocalRefs, deref, headerText, readSpec, specLabel } from "./spec.js";
