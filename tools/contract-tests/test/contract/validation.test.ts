import { ValidationError } from "@hatch-api/client";
import { describe, expect, it } from "vitest";
import { expectSpecResponse, expectThrown } from "../support/assertions.js";
import { bindingFor } from "../support/bindings.js";
import { contractClient, coverage, isProvider, operations, settle } from "../support/target.js";

/** The field names the JSON:API errors of a body point at (last segment of `source.pointer`). */
function pointedFields(body: unknown): string[] {
  const errors = (body as { errors?: { source?: { pointer?: string } }[] }).errors ?? [];
  return errors.map((error) => error.source?.pointer?.split("/").at(-1) ?? "");
}

describe.each(operations.filter((operation) => operation.statuses.includes("422")))(
  "$operationId ($method $path) → 422 for an invalid body",
  (operation) => {
    const binding = () => bindingFor(operation);

    it("hatch.POST/PUT returns the JSON:API errors naming the bad fields", async () => {
      const { hatch, recorder } = contractClient();
      const { data, error, response } = await binding().openapiFetch(hatch, binding().invalidBody);
      const exchange = recorder.last();
      expectSpecResponse(operation, "422", exchange, 422);
      expect(data).toBeUndefined();
      expect(pointedFields(error)).toEqual(expect.arrayContaining(binding().invalidFields));
      if (!isProvider) {
        // Prism answers with the spec's 422 example; its sl-violations header shows it really
        // validated this body and found the same fields wrong.
        const found = exchange.violations.map((violation) => `${violation.location.join(".")} ${violation.message}`);
        for (const field of binding().invalidFields) expect(found.join("\n")).toContain(field);
      }
      coverage.exercised(operation.operationId, "openapi-fetch", response.status);
    });

    it("contacts.upsert throws ValidationError whose fieldErrors name the bad fields", async () => {
      const { hatch, recorder } = contractClient();
      const outcome = await settle(binding().upsert(hatch, binding().invalidBody));
      const exchange = recorder.last();
      expectSpecResponse(operation, "422", exchange, 422);
      const error = expectThrown(outcome, ValidationError);
      expect(error.status).toBe(422);
      expect(Object.keys(error.fieldErrors)).toEqual(expect.arrayContaining(binding().invalidFields));
      for (const field of binding().invalidFields) expect(error.fieldErrors[field]?.length).toBeGreaterThan(0);
      coverage.exercised(operation.operationId, "contacts.upsert", error.status);
    });
  },
);
