import * as client from "@hatch-api/client";
import { HatchApiError } from "@hatch-api/client";
import { outcomeOf } from "@hatch-api/test-support";
import { NEUTRAL_ERRORS } from "@sdkit/client-core";
import { describe, expect, it } from "vitest";
import type { SpecOperation } from "../../src/spec.js";
import { comparable, expectSpecResponse, expectThrown } from "../support/assertions.js";
import { bindingFor } from "../support/bindings.js";
import { contractClient, coverage, isProvider, operations } from "../support/target.js";

const MOCK_ONLY = "needs Prism's `Prefer: code=…`, which only the mock honours";

/**
 * The class the client must throw for a declared error key (`401`, `5XX`, `default`): the core's
 * status classes by their fixed names, ServerError for 5xx, else the API error class.
 */
function errorClassFor(declared: string): typeof HatchApiError {
  const named = NEUTRAL_ERRORS.find(([, status]) => String(status) === declared)?.[0];
  const name = named ?? (/^5/.test(declared) ? "ServerError" : undefined);
  const errorClass = name === undefined ? HatchApiError : (client as Record<string, unknown>)[name];
  if (typeof errorClass !== "function") throw new Error(`the client exports no ${name} class for ${declared}`);
  return errorClass as typeof HatchApiError;
}

// Every (operation, declared status) of the spec, on both surfaces, provoked through Prism's
// `Prefer: code=…, example=…` as the generated bindings say. A status Prism cannot produce is
// recorded as waived with the generator's reason, which the coverage gate prints.
// In provider mode a real server cannot be told which status to answer: the statuses the
// behaviour tests provoke for real (2xx, 401, and 422 for a body with required fields) are left to
// them, so the gate still fails if they are not exercised; the rest are waived.
const exercisedForReal = (operation: SpecOperation, declared: string) =>
  declared === operation.statuses.filter((status) => /^2/.test(status)).sort()[0] ||
  declared === "401" ||
  (declared === "422" && bindingFor(operation).requiredBodyFields.length > 0);
const cases = operations.flatMap((operation) =>
  bindingFor(operation)
    .statuses.filter((status) => !(isProvider && exercisedForReal(operation, status.declared)))
    .map((status) => ({ operation, status, label: `${operation.operationId} → ${status.declared}` })),
);

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

  it(`hatch.${operation.method.toUpperCase()} answers ${code} with a body matching the spec`, async () => {
    const { hatch, recorder } = contractClient();
    const { data, error, response } = await binding.openapiFetch(hatch, { headers: { Prefer: prefer } });
    const exchange = recorder.last();
    expectSpecResponse(operation, status.declared, exchange, code);
    if (isSuccess) {
      expect(error).toBeUndefined();
      if (exchange.body !== "") expect(await comparable(data)).toEqual(exchange.body);
    } else {
      expect(data).toBeUndefined();
      if (exchange.body !== "") expect(error).toEqual(exchange.body);
    }
    coverage.exercised(operation.operationId, "openapi-fetch", response.status);
  });

  it(`${binding.sdkName} ${isSuccess ? "resolves to the (unwrapped) body" : "throws the mapped error class"}`, async () => {
    const { hatch, recorder } = contractClient({ prefer });
    const outcome = await outcomeOf(binding.sdk(hatch));
    const exchange = recorder.last();
    expectSpecResponse(operation, status.declared, exchange, code);
    if (isSuccess) {
      if ("error" in outcome) throw outcome.error;
      const body = exchange.body === "" ? undefined : exchange.body;
      const expected = binding.unwrap === undefined ? body : (body as Record<string, unknown>)[binding.unwrap];
      expect(await comparable(outcome.value)).toEqual(expected);
      coverage.exercised(operation.operationId, "sdk", exchange.status);
      return;
    }
    const error = expectThrown(outcome, HatchApiError);
    // The exact class the client maps this declared status to, not just any HatchApiError.
    expect(error.constructor).toBe(errorClassFor(status.declared));
    expect(error.status).toBe(code);
    coverage.exercised(operation.operationId, "sdk", error.status);
  });
});
