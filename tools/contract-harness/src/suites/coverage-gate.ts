import { expect, it } from "vitest";
import { CoverageRegistry, declaredPairs, describePair, missingPairs } from "../coverage.js";
import type { ContractSubject } from "../support/subject.js";
import { contractContext } from "../support/target.js";

/**
 * Runs after every other contract file (see GateLastSequencer): each test records the (operation,
 * status, surface) it really produced, and this gate fails naming each declared pair that nothing
 * exercised, so a response added to the spec without a test turns the suite red.
 */
export async function coverageGate<Client>(subject: ContractSubject<Client>): Promise<void> {
  // Waived operations too: their statuses are recorded as waived, and a missing record fails.
  const { allOperations, target } = await contractContext(subject);
  it("every (operation, declared status) pair of the bundled spec was exercised on both surfaces", () => {
    const entries = CoverageRegistry.read(target.registryDir);
    const missing = missingPairs(declaredPairs(allOperations), entries).map(describePair);
    for (const entry of entries.filter((e) => e.waived)) {
      console.warn(`coverage: ${entry.operationId} ${entry.status} via ${entry.surface} waived: ${entry.waived}`);
    }
    expect(missing, `Contract coverage gate: no test exercised\n  - ${missing.join("\n  - ")}\n`).toEqual([]);
  });
}
