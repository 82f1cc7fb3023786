// @ts-check
export { conformsTo } from "./example-check.js";
export { mediaExample, parameterExample, schemaExample } from "./examples.js";
export { generate, optionsFromSdkConfig, renderTarget, SDK_CONFIG_OPTIONS, TARGETS } from "./generate.js";
export { toJsonSchema } from "./json-schema.js";
export { buildModel } from "./model.js";
export { planSdk, sampleFileName, sdkName, words } from "./naming.js";
export { HTTP_METHODS, listOperations } from "./operations.js";
export {
  CORE_CLIENT_NAMES,
  clientNames,
  isReservedName,
  readSdkConfig,
  renderClientNames,
  renderSdkConfig,
  resolveSecurity,
  SDK_CONFIG_SCHEMA,
  validateSdkConfig,
} from "./sdk-config.js";
export { assertLocalRefs, deref, headerText, readSpec, refSegments, specLabel } from "./spec.js";
