// @ts-check
// Whether a schema, with every schema it refers to, is valid JSON Schema once converted as the
// contract tests convert it (toJsonSchema). Ajv refuses to check anything against a schema that is
// not (Codat's `Item` writes a schema where a type name belongs), so every answer of a status whose
// schema reaches one fails its test whatever the server sends: a defect of the document, reported
// with the place, not a failure of the client.
import { createRequire } from "node:module";
import { isObject } from "@sdkit/openapi";
import { documentRefs, toJsonSchema } from "./json-schema.js";

const COMPONENT = "#/components/schemas/";

/**
 * @typedef {object} ValidityState
 * @property {{ validateSchema: (schema: unknown) => boolean, errors?: Array<{ instancePath: string, message?: string }> | null }} ajv
 * @property {(ref: string) => string} refId
 * @property {Map<string, unknown>} converted every schema a `$ref` can reach, by the `$ref` written for it
 * @property {Map<string, string>} pointers the document pointer of each id that is not one itself
 * @property {Map<string, { instancePath: string, message: string } | null>} judged
 */

/** @type {WeakMap<object, ValidityState>} */
const states = new WeakMap();

/** @param {Record<string, any>} spec @returns {ValidityState} */
function stateFor(spec) {
  const known = states.get(spec);
  if (known) return known;
  // Ajv ships CommonJS whose default export TypeScript sees through `.default`.
  const require = createRequire(import.meta.url);
  const Ajv = String(spec.openapi).startsWith("3.1") ? require("ajv/dist/2020").default : require("ajv").default;
  /** @type {Map<string, unknown>} */
  const converted = new Map();
  // Components under their own pointer; any other schema a `$ref` points at under an id no
  // pointer can be, registered the first time a schema refers to it.
  const write = documentRefs(spec, {
    component: (name) => `${COMPONENT}${name}`,
    other: (index) => `@ref${index}`,
    define: (id, schema) => converted.set(id, schema),
  });
  /** @type {Map<string, string>} */
  const pointers = new Map();
  /** @param {string} ref */
  const refId = (ref) => {
    const id = write(ref);
    if (!id.startsWith(COMPONENT)) pointers.set(id, ref);
    return id;
  };
  const schemas = isObject(spec.components?.schemas) ? spec.components.schemas : {};
  for (const [name, schema] of Object.entries(schemas)) {
    try {
      converted.set(`${COMPONENT}${name}`, toJsonSchema(schema, refId));
    } catch {
      // A `$ref` that leads nowhere: the bundler and linter report it, not this check.
    }
  }
  const ajv = new Ajv({ strict: false, validateSchema: false, logger: false });
  const state = { ajv, refId, converted, pointers, judged: new Map() };
  states.set(spec, state);
  return state;
}

/**
 * The ids of the schemas a converted schema refers to: a reference into a component is to that
 * component (`#/components/schemas/Item/definitions/x` → the `Item` component).
 *
 * @param {unknown} node
 * @returns {string[]}
 */
function referredIds(node) {
  /** @type {string[]} */
  const ids = [];
  const pending = [node];
  while (pending.length > 0) {
    const current = pending.pop();
    if (Array.isArray(current)) pending.push(...current);
    else if (isObject(current)) {
      for (const [key, value] of Object.entries(current)) {
        if (key !== "$ref" || typeof value !== "string") pending.push(value);
        else if (value.startsWith(COMPONENT))
          ids.push(`${COMPONENT}${value.slice(COMPONENT.length).split("/")[0] ?? ""}`);
        else ids.push(value);
      }
    }
  }
  return ids;
}

/**
 * Where a schema is not valid JSON Schema (Ajv's first complaint), judged once per id.
 *
 * @param {ValidityState} state
 * @param {string} id
 * @param {unknown} schema
 * @returns {{ instancePath: string, message: string } | null}
 */
function judge(state, id, schema) {
  const known = state.judged.get(id);
  if (known !== undefined) return known;
  const error = state.ajv.validateSchema(schema) ? undefined : state.ajv.errors?.[0];
  const verdict =
    error === undefined ? null : { instancePath: error.instancePath, message: error.message ?? "is invalid" };
  state.judged.set(id, verdict);
  return verdict;
}

/**
 * Where `schema` (inline, or a `$ref`), or a schema it reaches, is not valid JSON Schema: the
 * pointer of the place and Ajv's message. Undefined when all is valid, and where a `$ref` leads
 * nowhere (not this check's to report).
 *
 * @param {Record<string, any>} spec
 * @param {unknown} schema
 * @param {string} at the JSON pointer of `schema` in the document
 * @returns {{ pointer: string, message: string } | undefined}
 */
export function invalidSchemaAt(spec, schema, at) {
  if (!isObject(schema)) return undefined;
  const state = stateFor(spec);
  /** @type {unknown} */
  let root;
  try {
    root = toJsonSchema(schema, state.refId);
  } catch {
    return undefined;
  }
  const own = judge(state, `inline ${at}`, root);
  if (own) return { pointer: `${at}${own.instancePath}`, message: own.message };
  const seen = new Set();
  const pending = referredIds(root);
  while (pending.length > 0) {
    const id = /** @type {string} */ (pending.pop());
    if (seen.has(id) || !state.converted.has(id)) continue;
    seen.add(id);
    const converted = state.converted.get(id);
    const verdict = judge(state, id, converted);
    if (!verdict) {
      pending.push(...referredIds(converted));
      continue;
    }
    // A `$ref` (`#/…`) without its `#`, as the document's other pointers are written.
    const place = state.pointers.get(id) ?? (id.startsWith(COMPONENT) ? id : undefined);
    return { pointer: `${place === undefined ? at : place.slice(1)}${verdict.instancePath}`, message: verdict.message };
  }
  return undefined;
}
