// generated from spec/dist/openapi.json by @sdkit/codegen, do not edit
import type { SdkClient } from "./client.js";

/** A declared response key and how the suite provokes it through Prism (or why it cannot). */
export interface ContractStatus {
  /** As declared: "200", "404", "5XX", "default". */
  declared: string;
  /** The status asked for (a range asks for its first code). */
  status?: number;
  /** The `Prefer` header that makes Prism answer with it. */
  prefer?: string;
  /** Why Prism cannot produce it; the coverage gate lists it as waived with this reason. */
  waived?: string;
}

export interface ContractOverrides {
  /** Extra request headers (`Prefer`). */
  headers?: Record<string, string>;
  /** A body to send instead of the example (the 422 probe). */
  body?: unknown;
}

/** How the contract suite calls one operation of the spec. */
export interface ContractOperation {
  operationId: string;
  /** Lower case, as in the spec. */
  method: string;
  path: string;
  /** `resource.method` of the generated SDK. */
  sdkName: string;
  /** The SDK method resolves to this property of the success body (`x-sdk-unwrap`). */
  unwrap: string | undefined;
  statuses: ContractStatus[];
  /** The required properties of the JSON request body, when it has any: leaving them out must give 422. */
  requiredBodyFields: string[];
  /** Calls it through openapi-fetch's typed surface with the spec's example request. */
  openapiFetch(client: SdkClient, overrides?: ContractOverrides): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  /** Calls the generated SDK method with the spec's example request. */
  sdk(client: SdkClient, overrides?: ContractOverrides): Promise<unknown>;
}

export const contractOperations: ContractOperation[] = [
  {
    operationId: "putContact",
    method: "put",
    path: "/v1/contacts",
    sdkName: "contacts.upsert",
    unwrap: "data",
    statuses: [
      { declared: "200", status: 200, prefer: "code=200" },
      { declared: "401", status: 401, prefer: "code=401" },
      { declared: "422", status: 422, prefer: "code=422" },
      { declared: "429", status: 429, prefer: "code=429" },
      { declared: "5XX", status: 500, prefer: "code=500" },
    ],
    requiredBodyFields: [
      "source",
    ],
    openapiFetch: (client, overrides = {}) =>
      client.PUT("/v1/contacts", { body: (overrides.body ?? ({
        source: "custom:website-quote-form",
        firstName: "Dana",
        lastName: "Whitfield",
        email: "dana.whitfield@example.com",
        phoneNumber: "6364618187",
        externalID: "lead-20931",
        externalContactID: "crm-contact-7712",
        status: "new",
        externalCreatedAt: "2026-11-02T15:04:05Z",
        externalUpdatedAt: "2026-11-02T15:04:05Z",
        details: {
          address: "12 Orchard Lane, Springfield",
          service: "water heater replacement",
        },
      } satisfies Parameters<SdkClient["contacts"]["upsert"]>[0])) as Parameters<SdkClient["contacts"]["upsert"]>[0], headers: overrides.headers }),
    sdk: (client, overrides = {}) => {
      void overrides;
      return client.contacts.upsert((overrides.body ?? ({
        source: "custom:website-quote-form",
        firstName: "Dana",
        lastName: "Whitfield",
        email: "dana.whitfield@example.com",
        phoneNumber: "6364618187",
        externalID: "lead-20931",
        externalContactID: "crm-contact-7712",
        status: "new",
        externalCreatedAt: "2026-11-02T15:04:05Z",
        externalUpdatedAt: "2026-11-02T15:04:05Z",
        details: {
          address: "12 Orchard Lane, Springfield",
          service: "water heater replacement",
        },
      } satisfies Parameters<SdkClient["contacts"]["upsert"]>[0])) as Parameters<SdkClient["contacts"]["upsert"]>[0], { method: "PUT" });
    },
  },
  {
    operationId: "upsertContact",
    method: "post",
    path: "/v1/contacts",
    sdkName: "contacts.upsert",
    unwrap: "data",
    statuses: [
      { declared: "200", status: 200, prefer: "code=200" },
      { declared: "401", status: 401, prefer: "code=401" },
      { declared: "422", status: 422, prefer: "code=422" },
      { declared: "429", status: 429, prefer: "code=429" },
      { declared: "5XX", status: 500, prefer: "code=500" },
    ],
    requiredBodyFields: [
      "source",
    ],
    openapiFetch: (client, overrides = {}) =>
      client.POST("/v1/contacts", { body: (overrides.body ?? ({
        source: "custom:website-quote-form",
        firstName: "Dana",
        lastName: "Whitfield",
        email: "dana.whitfield@example.com",
        phoneNumber: "6364618187",
        externalID: "lead-20931",
        externalContactID: "crm-contact-7712",
        status: "new",
        externalCreatedAt: "2026-11-02T15:04:05Z",
        externalUpdatedAt: "2026-11-02T15:04:05Z",
        details: {
          address: "12 Orchard Lane, Springfield",
          service: "water heater replacement",
        },
      } satisfies Parameters<SdkClient["contacts"]["upsert"]>[0])) as Parameters<SdkClient["contacts"]["upsert"]>[0], headers: overrides.headers }),
    sdk: (client, overrides = {}) => {
      void overrides;
      return client.contacts.upsert((overrides.body ?? ({
        source: "custom:website-quote-form",
        firstName: "Dana",
        lastName: "Whitfield",
        email: "dana.whitfield@example.com",
        phoneNumber: "6364618187",
        externalID: "lead-20931",
        externalContactID: "crm-contact-7712",
        status: "new",
        externalCreatedAt: "2026-11-02T15:04:05Z",
        externalUpdatedAt: "2026-11-02T15:04:05Z",
        details: {
          address: "12 Orchard Lane, Springfield",
          service: "water heater replacement",
        },
      } satisfies Parameters<SdkClient["contacts"]["upsert"]>[0])) as Parameters<SdkClient["contacts"]["upsert"]>[0], { method: "POST" });
    },
  },
];
