import { describe, expect, it } from "vitest";
import { contractAuth, refusesAnonymous } from "../auth.js";
import type { Exchange } from "../recording-fetch.js";
import type { SpecOperation } from "../spec.js";
import { answerChoice, waivedForDocumentDefect } from "../support/answer-choice.js";
import { expectSameBody, expectSpecResponse, expectThrown } from "../support/assertions.js";
import type { ContractSubject } from "../support/subject.js";
import { contractContext, INVALID_KEY, outcomeOf } from "../support/target.js";
import { testAllWaived } from "../support/waivers.js";

/**
 * Every operation that declares a 401 and refuses a call without credentials (its security has no
 * `{}` alternative and is not `security: []`), called without a valid key. An operation that
 * accepts anonymous calls has nothing to refuse: its 401 is left to the declared-statuses suite.
 * Mock mode: Prism enforces a scheme by the presence of its credentials only, so the request goes
 * out without any of them (the client insists on a key, so the fetch strips them). Provider mode:
 * Prism's proxy would answer missing credentials itself, so a wrong key is sent instead and it is
 * the server that must refuse it. The contract target writes this suite's entry only where some
 * operation applies, by the same rule.
 */
export async function authenticationTests<Client>(subject: ContractSubject<Client>): Promise<void> {
  const { operations, waivedOperations, isProvider, validator, coverage, bindingFor, contractClient, spec } =
    await contractContext(subject);
  const { AuthenticationError } = subject.client;
  // The mock is asked for the 401 answer the bindings planned (another example, or one generated
  // from the schema where the document's examples break it).
  const unauthenticatedClient = (operation: SpecOperation, choice: string) =>
    isProvider
      ? contractClient(operation, {}, { apiKey: INVALID_KEY })
      : contractClient(operation, { dropAuthorization: true, ...(choice === "" ? {} : { prefer: choice }) });
  // Mock mode: the request really carried none of the credentials the operation's security names.
  const expectNoCredentials = (operation: SpecOperation, exchange: Exchange) => {
    if (isProvider) return;
    const { headers, query } = contractAuth(spec, operation, INVALID_KEY);
    const sent = [...new Set(["authorization", ...headers])].filter((name) => exchange.requestHeaders.has(name));
    const params = new URL(exchange.url).searchParams;
    expect(sent, "credential headers of an unauthenticated request").toEqual([]);
    expect(
      query.filter((name) => params.has(name)),
      "credential query parameters of an unauthenticated request",
    ).toEqual([]);
  };

  const applies = (operation: SpecOperation) => operation.statuses.includes("401") && refusesAnonymous(spec, operation);
  const checked = operations.filter(applies);
  if (checked.length === 0) {
    testAllWaived(
      "401 without a valid key",
      waivedOperations.filter(({ operation }) => applies(operation)),
    );
  }
  describe.each(checked)("$operationId ($method $path) → 401 without a valid key", (operation) => {
    const binding = bindingFor(operation);
    if (!isProvider && waivedForDocumentDefect(coverage, binding, "401")) return;
    const choice = isProvider ? "" : answerChoice(binding, "401");

    it("openapi-fetch returns the 401 error document", async () => {
      const { client, recorder } = unauthenticatedClient(operation, choice);
      const { data, error, response } = await binding.openapiFetch(client);
      const exchange = recorder.last();
      expectNoCredentials(operation, exchange);
      expectSpecResponse(validator, operation, "401", exchange, 401);
      expect(data).toBeUndefined();
      await expectSameBody(error, exchange);
      coverage.exercised(operation.operationId, "openapi-fetch", response.status);
    });

    it(`${binding.sdkName} throws AuthenticationError`, async () => {
      const { client, recorder } = unauthenticatedClient(operation, choice);
      const outcome = await outcomeOf(binding.sdk(client));
      const exchange = recorder.last();
      expectNoCredentials(operation, exchange);
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
