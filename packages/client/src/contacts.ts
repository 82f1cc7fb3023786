// The `contacts` resource is generated (src/generated/contacts.ts) from the spec; these names are
// kept so code written against 0.1 keeps compiling.
import type { ContactsUpsertOptions } from "./generated/index.js";

export type { ContactsResource } from "./generated/index.js";

/** @deprecated Use `ContactsUpsertOptions`, the generated name. */
export type UpsertContactOptions = ContactsUpsertOptions;
