import { describe, expect, it } from "vitest";
import { responseFor } from "../spec.js";
import { answerChoice, waivedForDocumentDefect } from "../support/answer-choice.js";
import { expectSameBody, expectSpecResponse, expectThrown } from "../support/assertions.js";
import type { ContractSubject } from "../support/subject.js";
import { contractContext, outcomeOf } from "../support/target.js";
import { testAllWaived } from "../support/waivers.js";

const MOCK_ONLY = "needs Prism's `Prefer: code=429`, which only the mock honours";

/**
 * Every operation that declares a 429, through `Prefer: code=429`: the client throws RateLimitError,
 * and where the document declares Retry-After, its delay reaches the error.
 */
export async function rateLimitTests<Client>(subject: ContractSubject<Client>): Promise<void> {
  const { operations, waivedOperations, isProvider, validator, coverage, bindingFor, contractClient, spec } =
    await contractContext(subject);
  const { RateLimitError } = subject.client;

  const checked = operations.filter((operation) => operation.statuses.includes("429"));
  if (checked.length === 0) {
    testAllWaived(
      "429 through Prefer: code=429",
      waivedOperations.filter(({ operation }) => operation.statuses.includes("429")),
    );
  }
  describe.each(checked)("$operationId ($method $path) → 429 through Prefer: code=429", (operation) => {
    const binding = bindingFor(operation);

    if (isProvider) {
      // A real server cannot be told to rate-limit one request; record why the pair is not exercised.
      coverage.waived(operation.operationId, "openapi-fetch", "429", MOCK_ONLY);
      coverage.waived(operation.operationId, "sdk", "429", MOCK_ONLY);
      it.skip(`429 (${MOCK_ONLY})`, () => {});
      return;
    }

    if (waivedForDocumentDefect(coverage, binding, "429")) return;
    // The mock is asked for the 429 answer the bindings planned (another example, or one generated
    // from the schema where the document's examples break it).
    const choice = answerChoice(binding, "429");
    const prefer = choice === "" ? "code=429" : `code=429, ${choice}`;

    // Retry-After is one convention among several (others send `RateLimit-Reset`): the delay is
    // checked where the document declares the header, and otherwise only the error is.
    const declaresRetryAfter = declaresHeader(responseFor(spec, operation, "429").headers, "retry-after");

    it(`openapi-fetch returns the 429 document${declaresRetryAfter ? " and its Retry-After" : ""}`, async () => {
      const { client, recorder } = contractClient(operation);
      const { error, response } = await binding.openapiFetch(client, { headers: { Prefer: prefer } });
      expectSpecResponse(validator, operation, "429", recorder.last(), 429);
      await expectSameBody(error, recorder.last());
      if (declaresRetryAfter) expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      coverage.exercised(operation.operationId, "openapi-fetch", response.status);
    });

    it(`${binding.sdkName} throws RateLimitError${declaresRetryAfter ? " with the delay from Retry-After" : ""}`, async () => {
      const { client, recorder } = contractClient(operation, { prefer });
      const outcome = await outcomeOf(binding.sdk(client));
      const exchange = recorder.last();
      expectSpecResponse(validator, operation, "429", exchange, 429);
      const error = expectThrown(outcome, RateLimitError);
      if (declaresRetryAfter) {
        const retryAfterSeconds = Number(exchange.headers.get("retry-after"));
        expect(retryAfterSeconds).toBeGreaterThan(0);
        expect(error.retryAfterMs).toBe(retryAfterSeconds * 1000);
      } else if (!exchange.headers.has("retry-after")) {
        // No delay was sent: the client must not make one up.
        expect(error.retryAfterMs).toBeUndefined();
      }
      coverage.exercised(operation.operationId, "sdk", error.status);
    });
  });
}

/** Whether a Headers map declares `name` (header names are case-insensitive). */
export function declaresHeader(headers: Record<string, unknown> | undefined, name: string): boolean {
  return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === name.toLowerCase());
}
