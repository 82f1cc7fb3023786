import { outcomeOf } from "@hatch-api/test-support";
import { describe, expect, it } from "vitest";
import { comparable, expectNoSpecViolations, expectSpecResponse } from "../support/assertions.js";
import { bindingFor } from "../support/bindings.js";
import { contractClient, coverage, isProvider, operations } from "../support/target.js";

// The spec's example request as it is, with no `Prefer: code=`: the mock (or, in provider mode, the
// real server) decides the answer, which must be the operation's first declared 2xx.
const withSuccess = operations.flatMap((operation) => {
  const declared = operation.statuses.filter((status) => /^2/.test(status)).sort()[0];
  return declared === undefined
    ? []
    : [{ operation, declared, status: /^\d+$/.test(declared) ? Number(declared) : 200 }];
});

/**
 * Which answer the mock gives, without choosing the status: where the document's first example for
 * the success breaks its schema, the binding names one that fits, or asks Prism to generate one
 * (`example=…` / `dynamic=true` of its `Prefer`, minus `code=`). Nothing for a real server.
 */
function answerChoice(operation: (typeof operations)[number], declared: string): { prefer?: string } {
  if (isProvider) return {};
  const prefer = bindingFor(operation).statuses.find((status) => status.declared === declared)?.prefer ?? "";
  const choice = prefer
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "" && !part.startsWith("code="))
    .join(", ");
  return choice === "" ? {} : { prefer: choice };
}

describe.each(withSuccess)(
  "$operation.operationId ($operation.method $operation.path) → $declared",
  ({ operation, declared, status }) => {
    const binding = bindingFor(operation);

    it("openapi-fetch returns data matching the response schema", async () => {
      const { hatch, recorder } = contractClient(answerChoice(operation, declared));
      const { data, error, response } = await binding.openapiFetch(hatch);
      expectSpecResponse(operation, declared, recorder.last(), status);
      expect(error).toBeUndefined();
      if (recorder.last().body !== "") expect(await comparable(data)).toEqual(recorder.last().body);
      coverage.exercised(operation.operationId, "openapi-fetch", response.status);
    });

    it(`${binding.sdkName} resolves to the schema-valid body`, async () => {
      const { hatch, recorder } = contractClient(answerChoice(operation, declared));
      const outcome = await outcomeOf(binding.sdk(hatch));
      const exchange = recorder.last();
      expectNoSpecViolations(operation, exchange);
      if ("error" in outcome) throw outcome.error;
      expectSpecResponse(operation, declared, exchange, status);
      const body = exchange.body === "" ? undefined : (exchange.body as Record<string, unknown>);
      expect(await comparable(outcome.value)).toEqual(binding.unwrap === undefined ? body : body?.[binding.unwrap]);
      coverage.exercised(operation.operationId, "sdk", exchange.status);
    });
  },
);
