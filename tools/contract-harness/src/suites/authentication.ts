import { describe, expect, it } from "vitest";
import { answerChoice, waivedForDocumentDefect } from "../support/answer-choice.js";
import { expectSameBody, expectSpecResponse, expectThrown } from "../support/assertions.js";
import type { ContractSubject } from "../support/subject.js";
import { contractContext, INVALID_KEY, outcomeOf } from "../support/target.js";
import { testAllWaived } from "../support/waivers.js";

/**
 * Every operation that declares a 401, called without a valid key. Mock mode: Prism enforces a
 * bearer scheme by the presence of an `Authorization: Bearer` header only, so the request goes out
 * without one (the client insists on a key, so the fetch strips it). Provider mode: Prism's proxy
 * would answer a missing header itself, so a wrong key is sent instead and it is the server that
 * must refuse it.
 */
export async function authenticationTests<Client>(subject: ContractSubject<Client>): Promise<void> {
  const { operations, waivedOperations, isProvider, validator, coverage, bindingFor, contractClient } =
    await contractContext(subject);
  const { AuthenticationError } = subject.client;
  // The mock is asked for the 401 answer the bindings planned (another example, or one generated
  // from the schema where the document's examples break it).
  const unauthenticatedClient = (choice: string) =>
    isProvider
      ? contractClient({}, { apiKey: INVALID_KEY })
      : contractClient({ dropAuthorization: true, ...(choice === "" ? {} : { prefer: choice }) });

  const checked = operations.filter((operation) => operation.statuses.includes("401"));
  if (checked.length === 0) {
    testAllWaived(
      "401 without a valid key",
      waivedOperations.filter(({ operation }) => operation.statuses.includes("401")),
    );
  }
  describe.each(checked)("$operationId ($method $path) → 401 without a valid key", (operation) => {
    const binding = bindingFor(operation);
    if (!isProvider && waivedForDocumentDefect(coverage, binding, "401")) return;
    const choice = isProvider ? "" : answerChoice(binding, "401");

    it("openapi-fetch returns the 401 error document", async () => {
      const { client, recorder } = unauthenticatedClient(choice);
      const { data, error, response } = await binding.openapiFetch(client);
      const exchange = recorder.last();
      if (!isProvider) expect(exchange.requestHeaders.has("authorization")).toBe(false);
      expectSpecResponse(validator, operation, "401", exchange, 401);
      expect(data).toBeUndefined();
      await expectSameBody(error, exchange);
      coverage.exercised(operation.operationId, "openapi-fetch", response.status);
    });

    it(`${binding.sdkName} throws AuthenticationError`, async () => {
      const { client, recorder } = unauthenticatedClient(choice);
      const outcome = await outcomeOf(binding.sdk(client));
      const exchange = recorder.last();
      expectSpecResponse(validator, operation, "401", exchange, 401);
      const error = expectThrown(outcome, AuthenticationError);
      expect(error.status).toBe(401);
      // The answer's error items: an `errors` list is parsed item for item; another error
      // document (problem+json with a title, a plain message) may carry none.
      const items = (exchange.body as { errors?: unknown } | undefined)?.errors;
      if (Array.isArray(items)) expect(error.errors).toHaveLength(items.length);
      else expect(Array.isArray(error.errors)).toBe(true);
      coverage.exercised(operation.operationId, "sdk", error.status);
    });
  });
}
