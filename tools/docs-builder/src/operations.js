// @ts-check

import { SpecError } from "@sdkit/cli-kit";
import { listOperations as listSpecOperations } from "@sdkit/openapi";
import { DocsBuildError } from "./errors.js";

/** @typedef {{ operationId: string, method: string, path: string }} OperationRef */

/**
 * Lists the operations of an OpenAPI document (the shared lister of @sdkit/openapi: an
 * operation without an operationId is an error naming it).
 *
 * @param {any} spec
 * @returns {OperationRef[]}
 */
export function listOperations(spec) {
  try {
    return listSpecOperations(spec).map(({ operationId, method, path }) => ({ operationId, method, path }));
  } catch (error) {
    if (error instanceof SpecError) throw new DocsBuildError(error.message, { cause: error });
    throw error;
  }
}

/**
 * The operations in the order the document lists them (methods too), the order the reference
 * shows them in: the shared lister of @sdkit/codegen (an operation without an operationId is
 * an error naming it), re-sorted from its fixed method order to the document's.
 *
 * @param {any} spec
 * @returns {OperationRef[]}
 */
export function operationsInDocumentOrder(spec) {
  const paths = Object.keys(spec?.paths ?? {});
  /** @param {OperationRef} operation */
  const pathIndex = ({ path }) => paths.indexOf(path);
  /** @param {OperationRef} operation */
  const methodIndex = ({ method, path }) => Object.keys(spec.paths[path] ?? {}).indexOf(method);
  return listOperations(spec).sort((a, b) => pathIndex(a) - pathIndex(b) || methodIndex(a) - methodIndex(b));
}
