import { successStatusOf } from "@sdkit/codegen";
import { describe, expect, it } from "vitest";
import { refusesAnonymous } from "../auth.js";
import type { SpecOperation } from "../spec.js";
import { expectSameBody, expectSpecResponse, expectThrown, likeWithLike } from "../support/assertions.js";
import type { ContractClientModule, ContractSubject } from "../support/subject.js";
import { contractContext, outcomeOf } from "../support/target.js";

const MOCK_ONLY = "needs Prism's `Prefer: code=…`, which only the mock honours";

/** The class the client must throw for a declared error key (`401`, `5XX`, `default`). */
function errorClassFor<Client>(client: ContractClientModule<Client>, declared: string) {
  const key = /^\d{3}$/.test(declared) ? Number(declared) : declared;
  const errorClass = Object.hasOwn(client.errorClasses, key) ? client.errorClasses[key] : undefined;
  if (!errorClass) throw new Error(`no error class is mapped to ${declared} in the client's error classes`);
  return errorClass;
}

/**
 * Every (operation, declared status) of the spec, on both surfaces, provoked through Prism's
 * `Prefer: code=…, example=…` as the generated bindings say. A status Prism cannot produce is
 * recorded as waived with the generator's reason, which the coverage gate prints. In provider mode
 * a real server cannot be told which status to answer: the statuses the behaviour suites provoke
 * for real (2xx, 401 where anonymous calls are refused, and 422 for a body with required fields) are left to them, so the gate still
 * fails if they are not exercised; the rest are waived.
 */
export async function declaredStatusTests<Client>(subject: ContractSubject<Client>): Promise<void> {
  const { operations, waivedOperations, isProvider, validator, coverage, bindingFor, contractClient, spec } =
    await contractContext(subject);
  // The authentication suite provokes a 401 only where the operation refuses anonymous calls.
  const exercisedForReal = (operation: SpecOperation, declared: string) =>
    declared === successStatusOf(operation)?.declared ||
    (declared === "401" && refusesAnonymous(spec, operation)) ||
    (declared === "422" && bindingFor(operation).requiredBodyFields.length > 0);
  const cases = operations.flatMap((operation) =>
    bindingFor(operation)
      .statuses.filter((status) => !(isProvider && exercisedForReal(operation, status.declared)))
      .map((status) => ({ operation, status, label: `${operation.operationId} → ${status.declared}` })),
  );

  // An operation no request can exercise (support/waivers.ts): each of its statuses waived, with the reason.
  const waivedCases = waivedOperations.flatMap(({ operation, reason }) =>
    operation.statuses.map((declared) => ({
      operation,
      declared,
      reason,
      label: `${operation.operationId} → ${declared}`,
    })),
  );
  describe.each(waivedCases)("$label", ({ operation, declared, reason }) => {
    it(`is waived: ${reason}`, () => {
      expect(reason, "a waived operation needs a reason").toMatch(/\S/);
      coverage.waived(operation.operationId, "openapi-fetch", declared, reason);
      coverage.waived(operation.operationId, "sdk", declared, reason);
    });
  });

  describe.each(cases)("$label", ({ operation, status }) => {
    const binding = bindingFor(operation);
    const waiver = isProvider ? MOCK_ONLY : status.waived;
    if (waiver !== undefined || status.status === undefined || status.prefer === undefined) {
      it(`is waived: ${waiver ?? "no status to ask for"}`, () => {
        expect(waiver, "a pair without a way to provoke it needs a reason").toMatch(/\S/);
        coverage.waived(operation.operationId, "openapi-fetch", status.declared, waiver as string);
        coverage.waived(operation.operationId, "sdk", status.declared, waiver as string);
      });
      return;
    }
    const code = status.status;
    const prefer = status.prefer;
    const isSuccess = code < 400;

    it(`client.${operation.method.toUpperCase()} answers ${code} with a body matching the spec`, async () => {
      const { client, recorder } = contractClient(operation);
      const { data, error, response } = await binding.openapiFetch(client, { headers: { Prefer: prefer } });
      const exchange = recorder.last();
      expectSpecResponse(validator, operation, status.declared, exchange, code);
      if (isSuccess) {
        expect(error).toBeUndefined();
        await expectSameBody(data, exchange);
      } else {
        expect(data).toBeUndefined();
        await expectSameBody(error, exchange);
      }
      coverage.exercised(operation.operationId, "openapi-fetch", response.status);
    });

    it(`${binding.sdkName} ${isSuccess ? "resolves to the (unwrapped) body" : "throws the mapped error class"}`, async () => {
      const { client, recorder } = contractClient(operation, { prefer });
      const outcome = await outcomeOf(binding.sdk(client));
      const exchange = recorder.last();
      expectSpecResponse(validator, operation, status.declared, exchange, code);
      if (isSuccess) {
        if ("error" in outcome) throw outcome.error;
        const { actual, expected: body } = await likeWithLike(outcome.value, exchange);
        const expected = binding.unwrap === undefined ? body : (body as Record<string, unknown>)[binding.unwrap];
        expect(actual).toEqual(expected);
        coverage.exercised(operation.operationId, "sdk", exchange.status);
        return;
      }
      // The exact class the client maps this declared status to, not just any error.
      const error = expectThrown(outcome, errorClassFor(subject.client, status.declared));
      expect(error.constructor).toBe(errorClassFor(subject.client, status.declared));
      expect(error.status).toBe(code);
      coverage.exercised(operation.operationId, "sdk", error.status);
    });
  });
}
