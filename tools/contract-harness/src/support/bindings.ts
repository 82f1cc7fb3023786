import type { SpecOperation } from "../../src/spec.js";
import { type ContractOperation, contractOperations } from "../generated/operations.js";

/**
 * The generated binding of a spec operation (test/generated/operations.ts, written by
 * `openapi-codegen contract` from the same bundle): a binding missing for an operation of the spec
 * means the generated file is older than the spec, and fails by name.
 */
export function bindingFor(operation: SpecOperation): ContractOperation {
  const binding = contractOperations.find((candidate) => candidate.operationId === operation.operationId);
  if (!binding) {
    throw new Error(
      `no generated contract binding for ${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}): ` +
        "run `pnpm turbo run generate --filter=@hatch-api/contract-tests`",
    );
  }
  return binding;
}
