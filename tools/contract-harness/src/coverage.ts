import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import type { SpecOperation } from "./spec.js";

/**
 * The two ways users call the API, each (operation, status) pair must be exercised through both:
 * openapi-fetch's typed `client.POST(...)`, and the generated SDK method (`client.<resource>.<method>`).
 */
export const SURFACES = ["openapi-fetch", "sdk"] as const;
export type Surface = (typeof SURFACES)[number];

/** What a contract test did: exercised a status, or waived it with a reason (provider mode). */
export interface CoverageEntry {
  operationId: string;
  surface: Surface;
  status: number | string;
  waived?: string;
}

export interface DeclaredPair {
  operationId: string;
  method: string;
  path: string;
  status: string; // as declared: "200", "5XX", "default"
  surface: Surface;
}

/** Every (operation, declared status, surface) the contract suite must exercise. */
export function declaredPairs(operations: readonly SpecOperation[]): DeclaredPair[] {
  return operations.flatMap((operation) =>
    operation.statuses.flatMap((status) =>
      SURFACES.map((surface) => ({
        operationId: operation.operationId,
        method: operation.method,
        path: operation.path,
        status,
        surface,
      })),
    ),
  );
}

/** Whether an actual status (or a waived key) satisfies a declared response key. */
export function statusSatisfies(declared: string, actual: number | string, siblings: readonly string[]): boolean {
  if (String(actual) === declared) return true;
  const code = Number(actual);
  if (/^[1-5]XX$/i.test(declared)) return Number.isInteger(code) && Math.floor(code / 100) === Number(declared[0]);
  // "default" covers any status that no other declared key covers.
  if (declared === "default")
    return !siblings.some((other) => other !== "default" && statusSatisfies(other, actual, []));
  return false;
}

/** The declared pairs that no entry satisfies. */
export function missingPairs(declared: readonly DeclaredPair[], entries: readonly CoverageEntry[]): DeclaredPair[] {
  const siblingsOf = new Map<string, string[]>();
  for (const pair of declared) {
    const list = siblingsOf.get(pair.operationId) ?? [];
    if (!list.includes(pair.status)) list.push(pair.status);
    siblingsOf.set(pair.operationId, list);
  }
  return declared.filter(
    (pair) =>
      !entries.some(
        (entry) =>
          entry.operationId === pair.operationId &&
          entry.surface === pair.surface &&
          statusSatisfies(pair.status, entry.status, siblingsOf.get(pair.operationId) ?? []),
      ),
  );
}

export function describePair(pair: DeclaredPair): string {
  return `${pair.operationId} (${pair.method.toUpperCase()} ${pair.path}) → ${pair.status} via ${pair.surface}`;
}

/**
 * Records coverage in `dir`, one JSON line per entry in a file per worker, so test files running in
 * separate workers never write the same file and the gate can read them all at the end.
 */
export class CoverageRegistry {
  readonly #file: string;

  constructor(readonly dir: string) {
    this.#file = join(dir, `${process.pid}-${threadId}.jsonl`);
  }

  /** Call after asserting the response: the status was really produced and checked. */
  exercised(operationId: string, surface: Surface, status: number): void {
    this.#append({ operationId, surface, status });
  }

  /** For pairs that cannot be produced in this mode; the gate counts them but prints the reason. */
  waived(operationId: string, surface: Surface, status: string, reason: string): void {
    this.#append({ operationId, surface, status, waived: reason });
  }

  #append(entry: CoverageEntry): void {
    appendFileSync(this.#file, `${JSON.stringify(entry)}\n`);
  }

  static read(dir: string): CoverageEntry[] {
    return readdirSync(dir)
      .filter((name) => name.endsWith(".jsonl"))
      .flatMap((name) => readFileSync(join(dir, name), "utf8").split("\n").filter(Boolean))
      .map((line) => JSON.parse(line) as CoverageEntry);
  }
}
