import type { HatchClient, UpsertContactParams } from "@hatch-api/client";
import type { SpecOperation } from "../../src/spec.js";

/** How the contract suite calls one spec operation through each client surface, and with what. */
export interface OperationBinding {
  /** `hatch.POST` / `hatch.PUT`: openapi-fetch's `{ data, error, response }`. */
  openapiFetch(
    hatch: HatchClient,
    body: UpsertContactParams,
    headers?: Record<string, string>,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  /** `hatch.contacts.upsert`: the id, or a thrown HatchError subclass. */
  upsert(hatch: HatchClient, body: UpsertContactParams): Promise<{ id: string }>;
  validBody: UpsertContactParams;
  /** A body the spec refuses, and the fields a 422 must name for it. */
  invalidBody: UpsertContactParams;
  invalidFields: string[];
}

const contact = {
  validBody: {
    source: "custom:contract-tests",
    firstName: "Dana",
    lastName: null,
    email: "dana.whitfield@example.com",
    phoneNumber: "6364618187",
    externalCreatedAt: "2026-11-02T15:04:05Z",
    details: { service: "water heater replacement" },
  },
  // No `source` (required) and an `email` that is not one; typed as params on purpose, as a
  // JavaScript caller could send it.
  invalidBody: { email: "not-an-email", firstName: "Dana" } as unknown as UpsertContactParams,
  invalidFields: ["email", "source"],
} satisfies Pick<OperationBinding, "validBody" | "invalidBody" | "invalidFields">;

const bindings: Record<string, OperationBinding> = {
  upsertContact: {
    ...contact,
    openapiFetch: (hatch, body, headers) => hatch.POST("/v1/contacts", { body, headers }),
    upsert: (hatch, body) => hatch.contacts.upsert(body, { method: "POST" }),
  },
  putContact: {
    ...contact,
    openapiFetch: (hatch, body, headers) => hatch.PUT("/v1/contacts", { body, headers }),
    upsert: (hatch, body) => hatch.contacts.upsert(body, { method: "PUT" }),
  },
};

/** The binding of a spec operation; a new operation without one fails the suite by name. */
export function bindingFor(operation: SpecOperation): OperationBinding {
  const binding = bindings[operation.operationId];
  if (!binding) {
    throw new Error(
      `no contract binding for ${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}): add one in test/support/bindings.ts`,
    );
  }
  return binding;
}
