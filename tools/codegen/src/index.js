// @ts-check

// The OpenAPI model lives in @sdkit/openapi; re-exported for code that imports it from here.
export { assertLocalRefs, deref, HTTP_METHODS, listOperations, readSpec } from "@sdkit/openapi";
export { acceptHeaderOf, declaredResponseMedia } from "./accept.js";
export { CLI_EXIT_CODES } from "./cli-exit-codes.js";
export { DEFECTS_FILE, documentDefects, operationDefects } from "./document-defects.js";
export { conformsTo } from "./example-check.js";
export { mediaExample, parameterExample, schemaExample } from "./examples.js";
export { generate, optionsFromSdkConfig, renderTarget, TARGETS } from "./generate.js";
export { headerText, specLabel } from "./header.js";
export { compilePattern, documentRefs, lenientRegExp, toJsonSchema } from "./json-schema.js";
export { buildModel } from "./model.js";
export { isReservedName, planSdk, sampleFileName, sdkName, words } from "./naming.js";
export {
  clientNames,
  readSdkConfig,
  resolveSecurity,
  SDK_CONFIG_SCHEMA,
  validateSdkConfig,
} from "./sdk-config.js";
export { successStatusOf } from "./success-status.js";
export { cliCommands, cliNames, commandWord } from "./targets/cli.js";
export { annotationsFor, mcpNames, mcpTools, selectOperations } from "./targets/mcp.js";
export { curlCommand, exampleCurl } from "./targets/samples.js";
export { WEBHOOKS_EXTENSION, webhookModels, webhookSampleName } from "./webhooks.js";
