/**
 * Types for Hatch's public REST API. `paths`, `components` and `operations` come straight from the
 * OpenAPI document (see src/generated, produced at build time); the aliases below name the shapes
 * people actually pass around, so user code does not have to spell out `components["schemas"][...]`.
 */
import type { components, operations, paths } from "./generated/openapi.js";

export type { components, operations, paths, webhooks } from "./generated/openapi.js";

/** Every named schema in the document, keyed by its name. */
export type Schemas = components["schemas"];

/** The body of `POST /v1/contacts` and `PUT /v1/contacts`: a contact to create or update. */
export type UpsertContactParams = components["schemas"]["UpsertContactParams"];

/** The document a successful upsert returns: `{ data: { id } }`. */
export type UpsertContactResult = components["schemas"]["UpsertContactResult"];

/** The `200` body of an upsert (the same for `POST` and `PUT`). */
export type UpsertContactResponse = operations["upsertContact"]["responses"][200]["content"]["application/json"];

/** One JSON:API error object: `{ title, detail, source: { pointer } }`. */
export type JsonApiError = components["schemas"]["JsonApiError"];

/** A JSON:API error document, the body of every error response: `{ errors: JsonApiError[] }`. */
export type JsonErrorResponse = components["schemas"]["JsonErrorResponse"];

/** The API's paths, e.g. `"/v1/contacts"`. */
export type ApiPath = keyof paths;

/** The HTTP methods the upsert accepts. */
export type UpsertContactMethod = "POST" | "PUT";

/** The status codes (or ranges) an upsert documents as errors. */
export type UpsertContactErrorStatus = Exclude<keyof operations["upsertContact"]["responses"], 200>;
