import { describe, expect, it } from "vitest";
import { expectNoSpecViolations, expectSpecResponse } from "../support/assertions.js";
import { bindingFor } from "../support/bindings.js";
import { contractClient, coverage, operations, settle } from "../support/target.js";

describe.each(operations.filter((operation) => operation.statuses.includes("200")))(
  "$operationId ($method $path) → 200",
  (operation) => {
    const binding = () => bindingFor(operation);

    it("hatch.POST/PUT returns data matching the response schema", async () => {
      const { hatch, recorder } = contractClient();
      const { data, error, response } = await binding().openapiFetch(hatch, binding().validBody);
      expectSpecResponse(operation, "200", recorder.last(), 200);
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
      expect(data).toEqual(recorder.last().body);
      coverage.exercised(operation.operationId, "openapi-fetch", response.status);
    });

    it("contacts.upsert returns the id from a schema-valid body", async () => {
      const { hatch, recorder } = contractClient();
      const outcome = await settle(binding().upsert(hatch, binding().validBody));
      const exchange = recorder.last();
      expectNoSpecViolations(operation, exchange);
      if ("error" in outcome) throw outcome.error;
      expectSpecResponse(operation, "200", exchange, 200);
      const body = exchange.body as { data: { id: string } };
      expect(outcome.value).toEqual({ id: body.data.id });
      coverage.exercised(operation.operationId, "contacts.upsert", exchange.status);
    });
  },
);
