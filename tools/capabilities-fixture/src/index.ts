// The fixture SDK's entry: the generated client (createHatchClient with contacts.list,
// messages.send and webhooks.unwrap) and its types.
export * from "./generated/sdk/index.js";
export type * from "./types.js";
