// @ts-check
// `x-sdk-pagination` on a list operation: how its pages follow each other. The SDK method then
// returns the core's PagePromise (awaited: the first page; `for await`: every item of every page).
import { SpecError } from "@sdkit/cli-kit";
import { deref, isObject } from "@sdkit/openapi";

const STYLES = ["cursor", "offset", "page", "link"];
/** The fields each style needs, and those it may have. */
const REQUIRED = { cursor: ["cursorParam"], offset: ["offsetParam"], page: ["pageParam"], link: [] };
const ALLOWED = new Set([
  "style",
  "items",
  "cursorParam",
  "nextCursor",
  "cursorItemField",
  "offsetParam",
  "pageParam",
  "firstPage",
  "limitParam",
  "hasMore",
]);

/** `data.items` → ["data", "items"]; "" or absent → [] (the body is the array). @param {unknown} path */
function segments(path) {
  if (path === undefined || path === "") return [];
  return String(path).split(".");
}

/**
 * The pagination descriptor of an operation (`x-sdk-pagination`), checked against the operation:
 * its parameters must be declared query parameters, `items` must lead to an array in the success
 * schema (where the schema says), and the fields name what the success body has. Undefined when the
 * operation has no extension.
 *
 * @param {Record<string, any>} spec
 * @param {import("./model.js").OperationModel} m
 * @param {string | undefined} file
 * @returns {{ descriptor: Record<string, unknown>, itemType: string } | undefined}
 */
export function paginationOf(spec, m, file) {
  const value = m.op.operation["x-sdk-pagination"];
  if (value === undefined) return undefined;
  const where = { file, pointer: `${m.op.pointer}/x-sdk-pagination` };
  const fail = (/** @type {string} */ message) => new SpecError(message, where);
  if (!isObject(value) || !STYLES.includes(value.style)) {
    throw fail(`must be an object whose style is one of ${STYLES.join(", ")}, found ${JSON.stringify(value)}`);
  }
  const style = /** @type {keyof typeof REQUIRED} */ (value.style);
  const unknown = Object.keys(value).filter((key) => !ALLOWED.has(key));
  if (unknown.length > 0) throw fail(`unknown field ${unknown.join(", ")} (allowed: ${[...ALLOWED].join(", ")})`);
  for (const field of REQUIRED[style]) {
    if (typeof value[field] !== "string" || value[field] === "") throw fail(`style ${style} needs ${field}`);
  }
  for (const field of ["items", "nextCursor", "cursorItemField", "hasMore"]) {
    if (value[field] !== undefined && typeof value[field] !== "string") throw fail(`${field} must be a string`);
  }
  if (value.firstPage !== undefined && !Number.isSafeInteger(value.firstPage))
    throw fail("firstPage must be an integer");
  const queryNames = new Set(m.queryParams.map((param) => param.name));
  for (const field of ["cursorParam", "offsetParam", "pageParam", "limitParam"]) {
    if (value[field] !== undefined && !queryNames.has(value[field])) {
      throw fail(
        `${field} "${value[field]}" is not a query parameter of the operation (it declares ${[...queryNames].join(", ") || "none"})`,
      );
    }
  }
  if (!m.success?.media) throw fail("the operation declares no JSON success body to take items from");
  const items = segments(value.items);
  // Where the document says what the body is, the items must be an array there.
  const response = deref(spec, m.op.operation.responses[m.success.key], file);
  let schema = deref(spec, response?.content?.[m.success.media]?.schema, file);
  for (const key of items)
    schema = isObject(schema?.properties) ? deref(spec, schema.properties[key], file) : undefined;
  if (
    isObject(schema) &&
    schema.type !== undefined &&
    schema.type !== "array" &&
    !(Array.isArray(schema.type) && schema.type.includes("array"))
  ) {
    throw fail(`items ${items.length ? `"${value.items}"` : "(the body)"} is not an array in the success schema`);
  }
  /** @type {Record<string, unknown>} */
  const descriptor = { style, items };
  for (const field of ["cursorParam", "cursorItemField", "offsetParam", "pageParam", "firstPage", "limitParam"]) {
    if (value[field] !== undefined) descriptor[field] = value[field];
  }
  if (style === "cursor" && value.nextCursor === undefined && value.cursorItemField === undefined) {
    throw fail("style cursor needs nextCursor (a body field) or cursorItemField (a field of the last item)");
  }
  if (value.nextCursor !== undefined) descriptor.nextCursor = segments(value.nextCursor);
  if (value.hasMore !== undefined) descriptor.hasMore = segments(value.hasMore);
  let itemType = `${m.typeName}Response`;
  for (const key of items) itemType = `NonNullable<${itemType}>[${JSON.stringify(key)}]`;
  return { descriptor, itemType: `NonNullable<${itemType}>[number]` };
}
