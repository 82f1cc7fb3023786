// The whole client is generated (src/generated/, from the spec, sdk.config.json and @sdkit/client-core).
import type { ContactsUpsertOptions } from "./generated/index.js";

// Kept so that code written against 0.1 keeps compiling.
export type {
  components,
  JsonApiError,
  JsonErrorResponse,
  operations,
  paths,
  UpsertContactParams,
  UpsertContactResponse,
} from "@hatch-api/types";
export * from "./generated/index.js";
/** @deprecated Use `ContactsUpsertOptions`, the generated name. */
export type UpsertContactOptions = ContactsUpsertOptions;
