import { expect, it } from "vitest";
import type { CoverageRegistry } from "../coverage.js";
import type { ContractBinding } from "./subject.js";

// How a suite that chooses its own status (the success, 401, 422 and 429 suites) still gets the
// answer the generated bindings planned for it, from the document's defects there
// (document-defects.json beside the bindings): a status the document leaves without a valid answer
// is waived, and one whose examples break the schema is asked for from the schema instead.

/**
 * The waiver of a declared status the document's own defect leaves without a valid mock answer
 * (`document defect at <pointer>: <reason>`), or undefined.
 */
export function documentDefectWaiver<Client>(binding: ContractBinding<Client>, declared: string): string | undefined {
  const status = binding.statuses.find((candidate) => candidate.declared === declared);
  return status?.documentDefect === undefined ? undefined : status.waived;
}

/**
 * Registers the test that records a defect-waived status on both surfaces, for the coverage gate to
 * print; returns whether it did (the suite then registers nothing else for the status).
 */
export function waivedForDocumentDefect<Client>(
  coverage: CoverageRegistry,
  binding: ContractBinding<Client>,
  declared: string,
): boolean {
  const waiver = documentDefectWaiver(binding, declared);
  if (waiver === undefined) return false;
  it(`is waived: ${waiver}`, () => {
    expect(waiver).toMatch(/^document defect at \S+: \S/);
    coverage.waived(binding.operationId, "openapi-fetch", declared, waiver);
    coverage.waived(binding.operationId, "sdk", declared, waiver);
  });
  return true;
}

/**
 * Which answer the mock gives, without choosing the status: where the document's examples for
 * `declared` break its schema, the binding names one that fits, or asks Prism to generate one
 * (`example=…` / `dynamic=true` of its `Prefer`, minus `code=`). Empty when the document's own
 * example is fine.
 */
export function answerChoice<Client>(binding: ContractBinding<Client>, declared: string): string {
  const prefer = binding.statuses.find((status) => status.declared === declared)?.prefer ?? "";
  return prefer
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "" && !part.startsWith("code="))
    .join(", ");
}
