// @ts-check
import { derefOrRef, HTTP_METHODS, isObject } from "@sdkit/openapi";

/**
 * Every Path Item Object of a document with its key, `$ref`s followed, in document order (a key
 * whose item is not an object is skipped).
 *
 * @param {Record<string, any>} spec
 * @returns {Generator<[string, Record<string, any>]>}
 */
export function* pathItemsOf(spec) {
  for (const [key, item] of Object.entries(isObject(spec.paths) ? spec.paths : {})) {
    const pathItem = derefOrRef(spec, item);
    if (isObject(pathItem)) yield [key, pathItem];
  }
}

/**
 * The HTTP methods (lower case) a path item has an operation for.
 *
 * @param {Record<string, any>} pathItem
 * @returns {string[]}
 */
export function methodsOf(pathItem) {
  return HTTP_METHODS.filter((method) => isObject(pathItem[method]));
}

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
  for (const [, pathItem] of pathItemsOf(spec)) {
    for (const method of methodsOf(pathItem)) yield pathItem[method];
  }
}

/**
 * Every Media Type Object of the operations' request bodies with its key, `$ref`s followed, each
 * once however many operations share it, in document order.
 *
 * @param {Record<string, any>} spec
 * @returns {Generator<[string, Record<string, any>]>}
 */
export function* requestMediaOf(spec) {
  const seen = new Set();
  for (const operation of operationsOf(spec)) {
    const body = derefOrRef(spec, operation.requestBody);
    if (!isObject(body) || !isObject(body.content)) continue;
    for (const [mediaType, media] of Object.entries(body.content)) {
      if (!isObject(media) || seen.has(media)) continue;
      seen.add(media);
      yield [mediaType, media];
    }
  }
}

/**
 * Every Response Object of the operations, `$ref`s followed, each once however many operations
 * share it (through `components.responses`), in document order: what the mock rewrites in a
 * response is rewritten once.
 *
 * @param {Record<string, any>} spec
 * @returns {Generator<Record<string, any>>}
 */
export function* responsesOf(spec) {
  const seen = new Set();
  for (const operation of operationsOf(spec)) {
    if (!isObject(operation.responses)) continue;
    for (const raw of Object.values(operation.responses)) {
      const response = derefOrRef(spec, raw);
      if (!isObject(response) || seen.has(response)) continue;
      seen.add(response);
      yield response;
    }
  }
}
