// @ts-check
export { MockError, MockStartError, PortInUseError, SpecNotFoundError } from "./errors.js";
export { prismVersion } from "./prism-command.js";
export { listWebhooks, sendWebhook, signedHeaders, webhookExample } from "./send-webhook.js";
export { defaultSpecPath, resolveSpecPath } from "./spec-path.js";
export { startMock } from "./start-mock.js";

/** @typedef {import("./start-mock.js").StartMockOptions} StartMockOptions */
/** @typedef {import("./start-mock.js").MockServer} MockServer */
