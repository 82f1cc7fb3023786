import { successStatusOf } from "@sdkit/codegen";
import { describe, expect, it } from "vitest";
import { answerChoice, waivedForDocumentDefect } from "../support/answer-choice.js";
import { expectNoSpecViolations, expectSameBody, expectSpecResponse, likeWithLike } from "../support/assertions.js";
import type { ContractSubject } from "../support/subject.js";
import { contractContext, outcomeOf } from "../support/target.js";
import { testAllWaived } from "../support/waivers.js";

/**
 * The spec's example request as it is, with no `Prefer: code=`: the mock (or, in provider mode, the
 * real server) decides the answer, which must be the operation's success status (successStatusOf:
 * its lowest 2xx, else its `default` as 200). The contract target writes this suite's entry only
 * where some operation has one, by the same rule.
 */
export async function successTests<Client>(subject: ContractSubject<Client>): Promise<void> {
  const { operations, waivedOperations, isProvider, validator, coverage, bindingFor, contractClient } =
    await contractContext(subject);
  const withSuccess = operations.flatMap((operation) => {
    const success = successStatusOf(operation);
    return success === undefined ? [] : [{ operation, ...success }];
  });
  if (withSuccess.length === 0) {
    testAllWaived(
      "the success status",
      waivedOperations.filter(({ operation }) => successStatusOf(operation) !== undefined),
    );
  }

  describe.each(withSuccess)(
    "$operation.operationId ($operation.method $operation.path) → $declared",
    ({ operation, declared, status }) => {
      const binding = bindingFor(operation);
      if (!isProvider && waivedForDocumentDefect(coverage, binding, declared)) return;
      // A real server answers as it does; the mock is asked for the answer the bindings planned.
      const choice = isProvider ? "" : answerChoice(binding, declared);
      const fetchOptions = choice === "" ? {} : { prefer: choice };

      it("openapi-fetch returns data matching the response schema", async () => {
        const { client, recorder } = contractClient(operation, fetchOptions);
        const { data, error, response } = await binding.openapiFetch(client);
        expectSpecResponse(validator, operation, declared, recorder.last(), status);
        expect(error).toBeUndefined();
        await expectSameBody(data, recorder.last());
        coverage.exercised(operation.operationId, "openapi-fetch", response.status);
      });

      it(`${binding.sdkName} resolves to the schema-valid body`, async () => {
        const { client, recorder } = contractClient(operation, fetchOptions);
        const outcome = await outcomeOf(binding.sdk(client));
        const exchange = recorder.last();
        expectNoSpecViolations(operation, exchange);
        if ("error" in outcome) throw outcome.error;
        expectSpecResponse(validator, operation, declared, exchange, status);
        const { actual, expected } = await likeWithLike(outcome.value, exchange);
        const body = expected as Record<string, unknown> | undefined;
        expect(actual).toEqual(binding.unwrap === undefined ? body : body?.[binding.unwrap]);
        coverage.exercised(operation.operationId, "sdk", exchange.status);
      });
    },
  );
}
