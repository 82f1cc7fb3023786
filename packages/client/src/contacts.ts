import type { paths, UpsertContactParams } from "@hatch-api/types";
import { errorFromResponse } from "./error-from-response.js";
import { HatchError } from "./errors.js";
import type { Client } from "./openapi-fetch.js";
import type { Redactor } from "./redaction.js";
import { fetchForCall, type RequestOptions, resultFor, type WithResponse } from "./request-options.js";
import type { AttemptSettings, FetchLike } from "./transport.js";

export interface UpsertContactOptions extends RequestOptions {
  /** `POST` (default) or `PUT`: the API treats both as the same upsert. */
  method?: "POST" | "PUT";
}

export interface ContactsResource {
  /**
   * Creates or updates a contact and returns its Hatch id. Throws a HatchApiError subclass on an
   * error response (after retries), HatchConnectionError / HatchTimeoutError when no response came.
   */
  upsert(
    contact: UpsertContactParams,
    options: UpsertContactOptions & { withResponse: true },
  ): Promise<WithResponse<{ id: string }>>;
  upsert(contact: UpsertContactParams, options?: UpsertContactOptions): Promise<{ id: string }>;
}

export function createContacts(
  client: Client<paths, "application/json">,
  transport: (settings?: AttemptSettings) => FetchLike,
  redact: Redactor,
): ContactsResource {
  const defaultFetch = transport();
  return {
    async upsert(contact: UpsertContactParams, options: UpsertContactOptions = {}) {
      const { method = "POST", signal } = options;
      if (method !== "POST" && method !== "PUT") {
        throw new HatchError(`contacts.upsert: method must be "POST" or "PUT", got ${JSON.stringify(method)}`);
      }
      const init = {
        body: contact,
        signal,
        fetch: fetchForCall(transport, defaultFetch, options),
      };
      const { data, error, response } =
        method === "PUT" ? await client.PUT("/v1/contacts", init) : await client.POST("/v1/contacts", init);
      if (!response.ok) throw errorFromResponse(response, error, redact);
      const id = (data as { data?: { id?: unknown } } | undefined)?.data?.id;
      if (typeof id !== "string") {
        throw new HatchError(`Hatch API responded ${response.status} without a contact id (expected { data: { id } })`);
      }
      return resultFor({ id }, response, options) as never;
    },
  };
}
