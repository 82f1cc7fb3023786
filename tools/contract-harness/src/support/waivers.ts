import { expect, it } from "vitest";
import type { OpenApiDocument, SpecOperation } from "../spec.js";
import type { ContractBinding } from "./subject.js";

/**
 * Why a whole operation cannot be exercised as the document describes it: every one of its
 * declared statuses is then waived with this reason on both surfaces (the coverage gate prints
 * it), and no other suite calls it. Never a silent pass.
 */

/** fetch refuses to send a body with GET or HEAD (`Request with GET/HEAD method cannot have body`). */
export const BODY_ON_GET_OR_HEAD =
  "declares a request body on a GET or HEAD, which fetch (and so the client) cannot send";

/**
 * The operation's waiver: the generated binding's own (no parameter value the document accepts
 * could be built), else one the spec shows (a body on a GET or HEAD); undefined when it can be called.
 */
export function operationWaiver<Client>(
  spec: OpenApiDocument,
  operation: SpecOperation,
  binding: ContractBinding<Client>,
): string | undefined {
  if (binding.waived !== undefined) return binding.waived;
  const declared = spec.paths[operation.path]?.[operation.method] as { requestBody?: unknown } | undefined;
  if ((operation.method === "get" || operation.method === "head") && declared?.requestBody !== undefined) {
    return BODY_ON_GET_OR_HEAD;
  }
  return undefined;
}

/**
 * A suite file whose every operation is waived would register no test, which vitest fails as an
 * empty file: it registers one instead, checking that each of those operations has its reason
 * (the declared-statuses suite records them for the coverage gate).
 */
export function testAllWaived(what: string, waived: readonly { operation: SpecOperation; reason: string }[]): void {
  if (waived.length === 0) return;
  it(`${what}: every operation is waived (${waived.map(({ operation }) => operation.operationId).join(", ")})`, () => {
    for (const { operation, reason } of waived)
      expect(reason, `${operation.operationId} is waived without a reason`).toMatch(/\S/);
  });
}
