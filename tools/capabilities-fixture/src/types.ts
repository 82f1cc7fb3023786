// The fixture's types module (what @hatch-api/types is to the real client): the generated aliases,
// the event union included, and openapi-typescript's names.
export type * from "./generated/types/aliases.js";
export type { components, operations, paths, webhooks } from "./generated/types/openapi.js";
