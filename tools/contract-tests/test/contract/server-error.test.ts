import { ServerError } from "@hatch-api/client";
import { describe, expect, it } from "vitest";
import type { SpecOperation } from "../../src/spec.js";
import { expectSpecResponse, expectThrown } from "../support/assertions.js";
import { bindingFor } from "../support/bindings.js";
import { contractClient, coverage, isProvider, operations, settle } from "../support/target.js";

const MOCK_ONLY = "needs Prism's `Prefer: code=…`, which only the mock honours";

/** Each declared 5xx key with a concrete status to ask Prism for: `5XX` → 500 (Prism serves ranges). */
const serverErrorCases = operations.flatMap((operation: SpecOperation) =>
  operation.statuses
    .filter((status) => /^5(\d\d|XX)$/i.test(status))
    .map((declared) => ({ operation, declared, status: /XX$/i.test(declared) ? 500 : Number(declared) })),
);

describe.each(serverErrorCases)(
  "$operation.operationId → $declared (as $status)",
  ({ operation, declared, status }) => {
    const binding = () => bindingFor(operation);

    if (isProvider) {
      coverage.waived(operation.operationId, "openapi-fetch", declared, MOCK_ONLY);
      coverage.waived(operation.operationId, "contacts.upsert", declared, MOCK_ONLY);
      it.skip(`${declared} (${MOCK_ONLY})`, () => {});
      return;
    }

    it("hatch.POST/PUT returns the server-error document", async () => {
      const { hatch, recorder } = contractClient();
      const { error, response } = await binding().openapiFetch(hatch, binding().validBody, {
        Prefer: `code=${status}`,
      });
      expectSpecResponse(operation, declared, recorder.last(), status);
      expect(error).toEqual(recorder.last().body);
      coverage.exercised(operation.operationId, "openapi-fetch", response.status);
    });

    it("contacts.upsert throws ServerError", async () => {
      const { hatch, recorder } = contractClient({ prefer: `code=${status}` });
      const outcome = await settle(binding().upsert(hatch, binding().validBody));
      expectSpecResponse(operation, declared, recorder.last(), status);
      const error = expectThrown(outcome, ServerError);
      expect(error.status).toBe(status);
      coverage.exercised(operation.operationId, "contacts.upsert", error.status);
    });
  },
);
