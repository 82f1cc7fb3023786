import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CoverageRegistry, declaredPairs, describePair, missingPairs, statusSatisfies } from "../src/coverage.js";
import type { SpecOperation } from "../src/spec.js";

const upsert: SpecOperation = {
  operationId: "addPet",
  method: "post",
  path: "/v1/pets",
  statuses: ["200", "429", "5XX"],
};

describe("coverage gate", () => {
  it("lists each declared pair on each surface", () => {
    expect(declaredPairs([upsert]).map(describePair)).toEqual([
      "addPet (POST /v1/pets) → 200 via openapi-fetch",
      "addPet (POST /v1/pets) → 200 via sdk",
      "addPet (POST /v1/pets) → 429 via openapi-fetch",
      "addPet (POST /v1/pets) → 429 via sdk",
      "addPet (POST /v1/pets) → 5XX via openapi-fetch",
      "addPet (POST /v1/pets) → 5XX via sdk",
    ]);
  });

  it("names exactly the pairs nothing exercised, matching 5XX by range", () => {
    const missing = missingPairs(declaredPairs([upsert]), [
      { operationId: "addPet", surface: "openapi-fetch", status: 200 },
      { operationId: "addPet", surface: "sdk", status: 200 },
      { operationId: "addPet", surface: "openapi-fetch", status: 503 },
      { operationId: "addPet", surface: "sdk", status: 500 },
      { operationId: "addPet", surface: "openapi-fetch", status: "429", waived: "mock only" },
      { operationId: "updatePet", surface: "sdk", status: 429 },
    ]);
    expect(missing.map(describePair)).toEqual(["addPet (POST /v1/pets) → 429 via sdk"]);
  });

  it("matches default only to statuses no other key covers", () => {
    expect(statusSatisfies("default", 418, ["200", "default"])).toBe(true);
    expect(statusSatisfies("default", 200, ["200", "default"])).toBe(false);
    expect(statusSatisfies("5XX", 499, [])).toBe(false);
  });

  it("reads back what workers recorded", () => {
    const dir = mkdtempSync(join(tmpdir(), "coverage-registry-"));
    try {
      const registry = new CoverageRegistry(dir);
      registry.exercised("updatePet", "openapi-fetch", 422);
      registry.waived("updatePet", "sdk", "429", "why");
      expect(CoverageRegistry.read(dir)).toEqual([
        { operationId: "updatePet", surface: "openapi-fetch", status: 422 },
        { operationId: "updatePet", surface: "sdk", status: "429", waived: "why" },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
