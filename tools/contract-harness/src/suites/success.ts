import { successStatusOf } from "@sdkit/codegen";
import { describe, expect, it } from "vitest";
import { comparable, expectNoSpecViolations, expectSameBody, expectSpecResponse } from "../support/assertions.js";
import type { ContractSubject } from "../support/subject.js";
import { type ContractContext, contractContext, outcomeOf } from "../support/target.js";

/**
 * The spec's example request as it is, with no `Prefer: code=`: the mock (or, in provider mode, the
 * real server) decides the answer, which must be the operation's success status (successStatusOf:
 * its lowest 2xx, else its `default` as 200). The contract target writes this suite's entry only
 * where some operation has one, by the same rule.
 */
export async function successTests<Client>(subject: ContractSubject<Client>): Promise<void> {
  const context = await contractContext(subject);
  const { operations, validator, coverage, bindingFor, contractClient } = context;
  const withSuccess = operations.flatMap((operation) => {
    const success = successStatusOf(operation);
    return success === undefined ? [] : [{ operation, ...success }];
  });

  describe.each(withSuccess)(
    "$operation.operationId ($operation.method $operation.path) → $declared",
    ({ operation, declared, status }) => {
      const binding = bindingFor(operation);

      it("openapi-fetch returns data matching the response schema", async () => {
        const { client, recorder } = contractClient(answerChoice(context, operation, declared));
        const { data, error, response } = await binding.openapiFetch(client);
        expectSpecResponse(validator, operation, declared, recorder.last(), status);
        expect(error).toBeUndefined();
        await expectSameBody(data, recorder.last());
        coverage.exercised(operation.operationId, "openapi-fetch", response.status);
      });

      it(`${binding.sdkName} resolves to the schema-valid body`, async () => {
        const { client, recorder } = contractClient(answerChoice(context, operation, declared));
        const outcome = await outcomeOf(binding.sdk(client));
        const exchange = recorder.last();
        expectNoSpecViolations(operation, exchange);
        if ("error" in outcome) throw outcome.error;
        expectSpecResponse(validator, operation, declared, exchange, status);
        const body = exchange.body as Record<string, unknown> | undefined;
        expect(await comparable(outcome.value)).toEqual(binding.unwrap === undefined ? body : body?.[binding.unwrap]);
        coverage.exercised(operation.operationId, "sdk", exchange.status);
      });
    },
  );
}

/**
 * Which answer the mock gives, without choosing the status: where the document's first example for
 * the success breaks its schema, the binding names one that fits, or asks Prism to generate one
 * (`example=…` / `dynamic=true` of its `Prefer`, minus `code=`). Nothing for a real server.
 */
function answerChoice<Client>(
  { isProvider, bindingFor }: ContractContext<Client>,
  operation: ContractContext<Client>["operations"][number],
  declared: string,
): { prefer?: string } {
  if (isProvider) return {};
  const prefer = bindingFor(operation).statuses.find((status) => status.declared === declared)?.prefer ?? "";
  const choice = prefer
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "" && !part.startsWith("code="))
    .join(", ");
  return choice === "" ? {} : { prefer: choice };
}
