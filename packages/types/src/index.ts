/**
 * Types for Hatch's public REST API, all generated from its OpenAPI document at build time (see
 * src/generated, written by @sdkit/codegen): `paths`, `components` and `operations` from
 * openapi-typescript, and a named alias for every schema and for each operation's request body,
 * parameters, success response and error statuses (`UpsertContactParams`, `UpsertContactResponse`,
 * `UpsertContactErrorStatus`, ...), so user code does not have to spell out `components["schemas"][...]`.
 */
import type { components, paths } from "./generated/openapi.js";

export type * from "./generated/aliases.js";
export type { components, operations, paths, webhooks } from "./generated/openapi.js";

/** Every named schema in the document, keyed by its name. */
export type Schemas = components["schemas"];

/** The API's paths, e.g. `"/v1/contacts"`. */
export type ApiPath = keyof paths;

/**
 * The HTTP methods the upsert accepts.
 *
 * @deprecated Use `ContactsUpsertOptions["method"]` from `@hatch-api/client`, generated from the spec.
 */
export type UpsertContactMethod = "POST" | "PUT";
