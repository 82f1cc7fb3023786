import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CoverageRegistry } from "../src/coverage.js";
import { answerChoice, documentDefectWaiver, waivedForDocumentDefect } from "../src/support/answer-choice.js";
import type { ContractBinding } from "../src/support/subject.js";

// A binding as `openapi-codegen contract` writes one for an operation whose 200 example breaks its
// schema (asked for dynamically), whose 404 names a conforming example, and whose 500 is declared in
// a type the document gives neither a schema nor an example for (a defect that is waived).
const waiver = "document defect at /paths/~1reports/get/responses/500/content/application~1pdf: nothing to answer with";
const binding: ContractBinding<unknown> = {
  operationId: "getReport",
  method: "get",
  path: "/reports",
  sdkName: "reports.get",
  unwrap: undefined,
  statuses: [
    { declared: "200", status: 200, prefer: "code=200, dynamic=true" },
    { declared: "404", status: 404, prefer: "code=404, example=missing" },
    { declared: "401", status: 401, prefer: "code=401" },
    {
      declared: "500",
      waived: waiver,
      documentDefect: { pointer: "/paths/~1reports/get/responses/500/content/application~1pdf", reason: "x" },
    },
    { declared: "default", waived: "`default` stands for statuses the spec does not list" },
  ],
  requiredBodyFields: [],
  openapiFetch: async () => ({ response: new Response() }),
  sdk: async () => undefined,
};

describe("the answer a suite that chooses its own status asks for", () => {
  it("is the binding's Prefer without its code", () => {
    expect(answerChoice(binding, "200")).toBe("dynamic=true");
    expect(answerChoice(binding, "404")).toBe("example=missing");
    expect(answerChoice(binding, "401")).toBe("");
    expect(answerChoice(binding, "418")).toBe("");
  });
});

describe("a status the document's own defect leaves without an answer", () => {
  it("has the binding's waiver, and no other status does (a waiver for another reason included)", () => {
    expect(documentDefectWaiver(binding, "500")).toBe(waiver);
    expect(documentDefectWaiver(binding, "default")).toBeUndefined();
    expect(documentDefectWaiver(binding, "200")).toBeUndefined();
  });

  const dir = mkdtempSync(join(tmpdir(), "contract-defects-"));
  const coverage = new CoverageRegistry(dir);
  const registered = waivedForDocumentDefect(coverage, binding, "500");
  const notRegistered = waivedForDocumentDefect(coverage, binding, "200");

  it("is recorded as waived on both surfaces with the defect as the reason", () => {
    expect(registered).toBe(true);
    expect(notRegistered).toBe(false);
  });

  afterAll(() => {
    // The registered test ran before this hook: it wrote exactly the 500 on both surfaces.
    try {
      expect(CoverageRegistry.read(dir)).toEqual([
        { operationId: "getReport", surface: "openapi-fetch", status: "500", waived: waiver },
        { operationId: "getReport", surface: "sdk", status: "500", waived: waiver },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
