import { describe, expect, it } from "vitest";
import { waivedForDocumentDefect } from "../support/answer-choice.js";
import { expectSpecResponse, expectThrown } from "../support/assertions.js";
import { namedFields } from "../support/named-fields.js";
import type { ContractSubject } from "../support/subject.js";
import { contractContext, outcomeOf } from "../support/target.js";
import { testAllWaived } from "../support/waivers.js";

/**
 * A body without any of its required properties must be refused with 422, by Prism's request
 * validation in mock mode and by the server itself in provider mode.
 */
export async function validationTests<Client>(subject: ContractSubject<Client>): Promise<void> {
  const { operations, waivedOperations, isProvider, validator, coverage, bindingFor, contractClient } =
    await contractContext(subject);
  const { ValidationError } = subject.client;
  const isRefusable = (operation: (typeof operations)[number]) =>
    operation.statuses.includes("422") && bindingFor(operation).requiredBodyFields.length > 0;
  const refusable = operations.filter(isRefusable);
  if (refusable.length === 0) {
    testAllWaived(
      "422 for a body without its required fields",
      waivedOperations.filter(({ operation }) => isRefusable(operation)),
    );
  }

  describe.each(refusable)("$operationId ($method $path) → 422 for a body without its required fields", (operation) => {
    const binding = bindingFor(operation);
    if (!isProvider && waivedForDocumentDefect(coverage, binding, "422")) return;
    const required = binding.requiredBodyFields;

    it("openapi-fetch returns the error document", async () => {
      const { client, recorder } = contractClient(operation);
      const { data, error, response } = await binding.openapiFetch(client, { body: {} });
      const exchange = recorder.last();
      expectSpecResponse(validator, operation, "422", exchange, 422);
      expect(data).toBeUndefined();
      if (isProvider) {
        expect(namedFields(error)).toEqual(expect.arrayContaining([...required]));
      } else {
        // Prism's sl-violations header shows it really validated this body and found the required
        // fields missing.
        const found = exchange.violations.map((violation) => `${violation.location.join(".")} ${violation.message}`);
        for (const field of required) expect(found.join("\n")).toContain(field);
      }
      coverage.exercised(operation.operationId, "openapi-fetch", response.status);
    });

    it(`${binding.sdkName} throws ValidationError whose fieldErrors are the fields the answer names`, async () => {
      const { client, recorder } = contractClient(operation);
      const outcome = await outcomeOf(binding.sdk(client, { body: {} }));
      const exchange = recorder.last();
      expectSpecResponse(validator, operation, "422", exchange, 422);
      const error = expectThrown(outcome, ValidationError);
      expect(error.status).toBe(422);
      expect(Object.keys(error.fieldErrors).sort()).toEqual([...new Set(namedFields(exchange.body))].sort());
      if (isProvider) expect(Object.keys(error.fieldErrors)).toEqual(expect.arrayContaining([...required]));
      coverage.exercised(operation.operationId, "sdk", error.status);
    });
  });
}
