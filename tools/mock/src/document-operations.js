// @ts-check
import { derefOrRef, HTTP_METHODS, isObject } from "@sdkit/openapi";

/**
 * Every Operation Object of a document, path items' `$ref`s followed, in document order. Lenient
 * where `listOperations` of @sdkit/openapi is strict (an operation without an operationId is
 * listed too): Prism serves such documents, and what the mock writes into its copy must not refuse
 * one.
 *
 * @param {Record<string, any>} spec
 * @returns {Generator<Record<string, any>>}
 */
export function* operationsOf(spec) {
  for (const item of Object.values(isObject(spec.paths) ? spec.paths : {})) {
    const pathItem = derefOrRef(spec, item);
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) yield operation;
    }
  }
}
