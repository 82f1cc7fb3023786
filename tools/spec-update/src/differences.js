// @ts-check
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { SpecUpdateError } from "./errors.js";

/**
 * @typedef {object} Difference
 * @property {string} id
 * @property {"required-request-property" | "required-response-property" | "declared-responses" | "operation-ids" | "declared-tags" | "openapi-version"} kind
 * @property {string} reason
 * @property {string[] | "*" | Record<string, string>} [operations]
 * @property {string} [property]
 * @property {string} [status] for required-response-property: the response status ("200")
 * @property {string[]} [properties] for required-response-property: flattened names ("data", "data.id")
 * @property {Record<string, string>} [responses]
 * @property {string[]} [tags]
 * @property {string} [ours]
 *
 * @typedef {object} Agreement a listed difference that the upstream document no longer has
 * @property {string} id
 * @property {string} text
 */

const KINDS = new Set([
  "required-request-property",
  "required-response-property",
  "declared-responses",
  "operation-ids",
  "declared-tags",
  "openapi-version",
]);

/**
 * Reads and checks spec/upstream-differences.yaml; a missing file means no listed differences.
 *
 * @param {string} path
 * @returns {Promise<Difference[]>}
 */
export async function loadDifferences(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return [];
    throw error;
  }
  let value;
  try {
    value = parse(text);
  } catch (error) {
    throw new SpecUpdateError(`invalid YAML: ${/** @type {Error} */ (error).message.split("\n")[0]}`, { source: path });
  }
  const list = value?.differences;
  if (!Array.isArray(list))
    throw new SpecUpdateError("expected a `differences` list", { source: path, pointer: "/differences" });
  list.forEach((entry, index) => {
    const pointer = `/differences/${index}`;
    if (typeof entry?.id !== "string")
      throw new SpecUpdateError("each difference needs an id", { source: path, pointer });
    if (!KINDS.has(entry.kind)) {
      throw new SpecUpdateError(`unknown kind "${entry.kind}" (one of ${[...KINDS].join(", ")})`, {
        source: path,
        pointer: `${pointer}/kind`,
      });
    }
    if (typeof entry.reason !== "string" || entry.reason.trim() === "") {
      throw new SpecUpdateError(`difference "${entry.id}" needs a reason`, {
        source: path,
        pointer: `${pointer}/reason`,
      });
    }
    if (entry.kind === "required-response-property") {
      if (typeof entry.status !== "string" && typeof entry.status !== "number")
        throw new SpecUpdateError(`difference "${entry.id}" needs the response \`status\` it is about ("200")`, {
          source: path,
          pointer: `${pointer}/status`,
        });
      if (
        !Array.isArray(entry.properties) ||
        entry.properties.some((/** @type {unknown} */ name) => typeof name !== "string")
      )
        throw new SpecUpdateError(
          `difference "${entry.id}" needs \`properties\`: the response properties we require ("data", "data.id")`,
          { source: path, pointer: `${pointer}/properties` },
        );
      entry.status = String(entry.status).toUpperCase();
    }
  });
  return list;
}

/**
 * @param {Difference} difference
 * @param {string | null} operation
 */
function coversOperation(difference, operation) {
  const { operations } = difference;
  if (operations === "*") return true;
  if (Array.isArray(operations)) return operation !== null && operations.includes(operation);
  return operation !== null && operations !== undefined && operation in operations;
}

/**
 * The listed difference that explains `change`, if any.
 *
 * @param {import("./wire-diff.js").WireChange} change
 * @param {Difference[]} differences
 * @returns {Difference | undefined}
 */
export function explainedBy(change, differences) {
  return differences.find((difference) => {
    if (!coversOperation(difference, change.operation)) return false;
    if (difference.kind === "required-request-property") {
      return (
        change.subject === "request-property" &&
        change.field === "required" &&
        change.name === difference.property &&
        change.from === true &&
        change.to === false
      );
    }
    if (difference.kind === "required-response-property") {
      // We require the property in a response the upstream document leaves optional: the SDK's callers get a
      // non-optional type for what the upstream API always sends.
      return (
        change.subject === "response-property" &&
        change.field === "required" &&
        change.status === difference.status &&
        change.name !== null &&
        (difference.properties ?? []).includes(change.name) &&
        change.from === true &&
        change.to === false
      );
    }
    if (difference.kind === "declared-responses") {
      return (
        change.subject === "response" &&
        change.kind === "removed" &&
        change.status !== null &&
        Object.hasOwn(difference.responses ?? {}, change.status)
      );
    }
    return false;
  });
}

/**
 * Listed differences that the upstream document no longer has.
 *
 * @param {Difference[]} differences
 * @param {import("./wire-model.js").WireModel} ours
 * @param {import("./wire-model.js").WireModel} upstream
 * @returns {Agreement[]}
 */
export function agreements(differences, ours, upstream) {
  /** @type {Agreement[]} */
  const result = [];
  for (const difference of differences) {
    const operationsOf = () =>
      [...ours.operations.keys()].filter((key) => coversOperation(difference, key) && upstream.operations.has(key));
    switch (difference.kind) {
      case "required-request-property":
        for (const key of operationsOf()) {
          const field = upstream.operations.get(key)?.requestBody?.properties.get(difference.property ?? "");
          if (field?.shape.required)
            result.push({
              id: difference.id,
              text: `${key}: the upstream document now marks \`${difference.property}\` required too.`,
            });
        }
        break;
      case "required-response-property":
        for (const key of operationsOf()) {
          const body = upstream.operations.get(key)?.responses.get(difference.status ?? "");
          for (const name of difference.properties ?? []) {
            if (body?.properties.get(name)?.shape.required)
              result.push({
                id: difference.id,
                text: `${key}: the upstream document now marks \`${name}\` required in the ${difference.status} response too.`,
              });
          }
        }
        break;
      case "declared-responses":
        for (const key of operationsOf()) {
          for (const status of Object.keys(difference.responses ?? {})) {
            if (upstream.operations.get(key)?.responses.has(status)) {
              result.push({
                id: difference.id,
                text: `${key}: the upstream document now declares the ${status} response too.`,
              });
            }
          }
        }
        break;
      case "operation-ids":
        for (const [key, id] of Object.entries(/** @type {Record<string, string>} */ (difference.operations ?? {}))) {
          if (upstream.operations.get(key)?.operationId === id)
            result.push({
              id: difference.id,
              text: `${key}: the upstream document now uses our operationId \`${id}\`.`,
            });
        }
        break;
      case "declared-tags":
        for (const tag of difference.tags ?? []) {
          if (upstream.tags.includes(tag))
            result.push({ id: difference.id, text: `The upstream document now declares the tag \`${tag}\`.` });
        }
        break;
      case "openapi-version":
        if (upstream.openapi === difference.ours)
          result.push({ id: difference.id, text: `The upstream document is now OpenAPI ${difference.ours} too.` });
        break;
    }
  }
  return result;
}
