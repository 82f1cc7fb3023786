import { expect } from "vitest";
import { type Exchange, responseViolations } from "../../src/recording-fetch.js";
import type { SpecOperation } from "../../src/spec.js";
import { validator } from "./target.js";

/**
 * Fails when Prism judged the answer against the spec and found it wanting. Checked first, so a
 * provider's bad answer is reported as the violation itself rather than as the 500 Prism turns it into.
 */
export function expectNoSpecViolations(operation: SpecOperation, exchange: Exchange) {
  expect(
    responseViolations(exchange),
    `Prism found that the ${operation.operationId} answer breaks the spec (${exchange.method} ${exchange.url} → ${exchange.status})`,
  ).toEqual([]);
}

/** The answer has the expected status and its body matches the schema the spec declares for it. */
export function expectSpecResponse(operation: SpecOperation, declared: string, exchange: Exchange, status: number) {
  expectNoSpecViolations(operation, exchange);
  expect(exchange.status, `${operation.operationId}: unexpected status, body ${JSON.stringify(exchange.body)}`).toBe(
    status,
  );
  if (!validator.declaresJson(operation, declared)) {
    // A response without content (204, or a 5xx without a body): nothing may come back.
    expect(exchange.body, `${operation.operationId} ${status}: the spec declares no body`).toBe("");
    return;
  }
  expect(
    validator.problems(operation, declared, exchange.body),
    `${operation.operationId} ${status}: the body does not match the ${declared} schema in the bundled spec`,
  ).toEqual([]);
}

/** Asserts that a settled call threw an instance of `errorClass`, and returns that error, typed. */
export function expectThrown<E extends Error>(
  outcome: { value: unknown } | { error: unknown },
  errorClass: abstract new (...args: never[]) => E,
): E {
  expect("error" in outcome && outcome.error).toBeInstanceOf(errorClass);
  return (outcome as { error: E }).error;
}
