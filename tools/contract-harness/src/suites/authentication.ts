import { AuthenticationError } from "@hatch-api/client";
import { outcomeOf } from "@hatch-api/test-support";
import { describe, expect, it } from "vitest";
import { expectSpecResponse, expectThrown } from "../support/assertions.js";
import { bindingFor } from "../support/bindings.js";
import { contractClient, coverage, INVALID_KEY, isProvider, operations } from "../support/target.js";

/**
 * Mock mode: Prism enforces `bearerAuth` by the presence of an `Authorization: Bearer` header only,
 * so the request goes out without one (the client insists on a key, so the fetch strips it).
 * Provider mode: Prism's proxy would answer a missing header itself, so a wrong key is sent instead
 * and it is the server that must refuse it.
 */
function unauthenticatedClient() {
  return isProvider ? contractClient({}, { apiKey: INVALID_KEY }) : contractClient({ dropAuthorization: true });
}

describe.each(operations.filter((operation) => operation.statuses.includes("401")))(
  "$operationId ($method $path) → 401 without a valid key",
  (operation) => {
    const binding = bindingFor(operation);

    it("openapi-fetch returns the 401 error document", async () => {
      const { hatch, recorder } = unauthenticatedClient();
      const { data, error, response } = await binding.openapiFetch(hatch);
      const exchange = recorder.last();
      if (!isProvider) expect(exchange.requestHeaders.has("authorization")).toBe(false);
      expectSpecResponse(operation, "401", exchange, 401);
      expect(data).toBeUndefined();
      expect(error).toEqual(exchange.body);
      coverage.exercised(operation.operationId, "openapi-fetch", response.status);
    });

    it(`${binding.sdkName} throws AuthenticationError`, async () => {
      const { hatch, recorder } = unauthenticatedClient();
      const outcome = await outcomeOf(binding.sdk(hatch));
      const exchange = recorder.last();
      expectSpecResponse(operation, "401", exchange, 401);
      const error = expectThrown(outcome, AuthenticationError);
      expect(error.status).toBe(401);
      expect(error.errors.length).toBeGreaterThan(0);
      coverage.exercised(operation.operationId, "sdk", error.status);
    });
  },
);
