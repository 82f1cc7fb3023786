// @ts-check
import { SpecError } from "@sdkit/cli-kit";
import { deref, isObject, pointer } from "./document.js";

/** The HTTP methods an OpenAPI Path Item may hold, in the order operations are listed. */
export const HTTP_METHODS = Object.freeze(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/**
 * @typedef {object} ListedOperation
 * @property {string} operationId
 * @property {string} method lower case, as in the document
 * @property {string} path
 * @property {string} pointer JSON pointer of the operation, e.g. `/paths/~1v1~1pets/post`
 * @property {string[]} tags
 * @property {string[]} statuses declared response keys as written: "200", "5XX", "default"
 * @property {any[]} parameters path-item and operation parameters merged, `$ref`s followed
 * @property {Record<string, any>} operation the Operation Object itself
 */

/**
 * Lists every operation of an OpenAPI document, in document order (paths as written, methods in
 * HTTP_METHODS order). Every tool of the toolchain lists operations with it.
 *
 * An operation without an `operationId` is an error, not a fallback: the id names the generated
 * types, sample files and contract tests, and a name made up from the method and path would change
 * the public API as soon as the path does. So are duplicate operationIds.
 *
 * @param {Record<string, any>} spec
 * @param {{ file?: string }} [where] named in error messages
 * @returns {ListedOperation[]}
 */
export function listOperations(spec, where = {}) {
  /** @type {ListedOperation[]} */
  const operations = [];
  /** @type {Map<string, string>} */
  const seen = new Map();
  for (const [path, rawItem] of Object.entries(spec?.paths ?? {})) {
    const item = deref(spec, rawItem, where.file);
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const at = pointer("paths", path, method);
      const { operationId } = operation;
      if (typeof operationId !== "string" || operationId.trim() === "") {
        throw new SpecError(
          `${method.toUpperCase()} ${path} has no operationId; add one: it names the operation's SDK method, types, samples and contract tests`,
          { file: where.file, pointer: at },
        );
      }
      const previous = seen.get(operationId);
      if (previous !== undefined) {
        throw new SpecError(`operationId "${operationId}" is used twice: by #${previous} and #${at}`, {
          file: where.file,
          pointer: at,
        });
      }
      seen.set(operationId, at);
      operations.push({
        operationId,
        method,
        path,
        pointer: at,
        tags: Array.isArray(operation.tags) ? operation.tags.filter((tag) => typeof tag === "string") : [],
        statuses: Object.keys(isObject(operation.responses) ? operation.responses : {}),
        parameters: mergeParameters(spec, item.parameters, operation.parameters, where.file),
        operation,
      });
    }
  }
  return operations;
}

/**
 * Path-item parameters apply to every operation below it; an operation's own parameter with the
 * same name and location replaces one.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} itemParameters
 * @param {unknown} operationParameters
 * @param {string} [file]
 */
function mergeParameters(spec, itemParameters, operationParameters, file) {
  /** @type {Map<string, any>} */
  const byKey = new Map();
  for (const list of [itemParameters, operationParameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = deref(spec, raw, file);
      if (!isObject(parameter) || typeof parameter.name !== "string") continue;
      byKey.set(`${parameter.in}:${parameter.name}`, parameter);
    }
  }
  return [...byKey.values()];
}
