import type { HatchClient, UpsertContactParams } from "@hatch-api/client";
import type { SpecOperation } from "../../src/spec.js";

/** Calls an operation through the client's throwing surface (typed errors), with any body. */
export type ThrowingCall = (hatch: HatchClient, body: unknown) => Promise<unknown>;

// Bodies come from generators and may be wrong on purpose, so they are passed as a JavaScript
// caller would pass them, without the compile-time check.
const asParams = (body: unknown) => body as UpsertContactParams;

const calls: Record<string, ThrowingCall> = {
  "post /v1/contacts": (hatch, body) => hatch.contacts.upsert(asParams(body), { method: "POST" }),
  "put /v1/contacts": (hatch, body) => hatch.contacts.upsert(asParams(body), { method: "PUT" }),
};

/** The SDK call for an operation; an operation with a request body but no call here fails by name. */
export function throwingCallFor(operation: SpecOperation): ThrowingCall {
  const call = calls[`${operation.method} ${operation.path}`];
  if (!call) {
    throw new Error(
      `no property-test call for ${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}): add one in test/property/calls.ts`,
    );
  }
  return call;
}
