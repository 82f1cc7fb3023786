// @ts-check
// Published documents often carry examples that contradict their own schemas (GitHub's has over a
// thousand: missing required properties, extra ones, an object where the schema says string).
// Generated samples and contract requests built from such an example fail to compile (the SDK's
// types follow the schema) and Prism refuses them. Each candidate example is therefore checked
// against its schema, and the first that conforms is used.
import { createRequire } from "node:module";
import { derefSafely, isObject } from "@sdkit/openapi";
import { documentRefs, lenientRegExp, toJsonSchema } from "./json-schema.js";

/** @typedef {(value: unknown) => boolean} Check */

/** The validators of one document, by schema object (a document is read once per generation). */
const checksBySpec = new WeakMap();

/** @param {string} name a component schema's name */
const idOf = (name) => `https://components.invalid/${encodeURIComponent(name)}`;

/**
 * @param {Record<string, any>} spec
 */
function validatorFor(spec) {
  let state = checksBySpec.get(spec);
  if (state) return state;
  // Ajv and ajv-formats ship CommonJS whose default export TypeScript sees through `.default`.
  const require = createRequire(import.meta.url);
  const Ajv = String(spec.openapi).startsWith("3.1") ? require("ajv/dist/2020").default : require("ajv").default;
  const addFormats = require("ajv-formats").default;
  // Not strict: a keyword Ajv does not know constrains nothing here. Formats the document makes up
  // ("binary", "uri-template") are not checked; the known ones are, as Prism checks requests and
  // the contract tests check responses.
  // A pattern only the `u` flag refuses (`[\w\-]`) is checked without it (lenientRegExp).
  const ajv = new Ajv({
    strict: false,
    validateSchema: false,
    allErrors: false,
    logger: false,
    code: { regExp: lenientRegExp },
  });
  addFormats(ajv);
  // Any other schema a `$ref` points at (into `#/paths/...`, as bundlers write them) is registered
  // under an id of its own the first time a schema refers to it.
  const refId = documentRefs(spec, {
    component: idOf,
    other: (index) => `https://pointers.invalid/${index}`,
    define: (id, schema) => ajv.addSchema(/** @type {any} */ (schema), id),
  });
  // Each component schema, converted as the contract tests convert them, registered under an id of
  // its own, so Ajv compiles it once however many examples refer to it (GitHub's thousand-odd
  // responses share a few hundred components).
  const schemas = isObject(spec.components?.schemas) ? spec.components.schemas : {};
  for (const [name, schema] of Object.entries(schemas)) {
    try {
      ajv.addSchema(toJsonSchema(schema, refId), idOf(name));
    } catch {
      // A component with a `$ref` that leads nowhere: examples referring to it go unchecked.
    }
  }
  state = { ajv, refId, checks: new WeakMap(), byText: new Map() };
  checksBySpec.set(spec, state);
  return state;
}

/**
 * Whether `value` conforms to `schema` (an inline Schema Object of `spec`, or a `$ref` to one).
 * A schema Ajv cannot compile (a `$ref` that leads nowhere) accepts every value: the check can only rule examples out, never make generation fail.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} schema
 * @param {unknown} value
 */
export function conformsTo(spec, schema, value) {
  if (!isObject(schema)) return true;
  const { ajv, refId, checks, byText } = validatorFor(spec);
  /** @type {Check | undefined} */
  let check = checks.get(schema);
  if (!check) {
    try {
      const converted = /** @type {Record<string, unknown>} */ (toJsonSchema(schema, refId));
      // A schema that is a component's `$ref` uses the component's validator as it is.
      // Ajv caches by schema object; the same inline `array of <component>` written out in many
      // operations is compiled once by its text.
      const text = JSON.stringify(converted);
      const validate =
        typeof converted.$ref === "string" && Object.keys(converted).length === 1
          ? ajv.getSchema(converted.$ref)
          : (byText.get(text) ?? ajv.compile(converted));
      if (validate) byText.set(text, validate);
      if (!validate) throw new Error(`no schema ${converted.$ref}`);
      check = (/** @type {unknown} */ candidate) => validate(candidate) === true;
    } catch {
      check = () => true;
    }
    checks.set(schema, check);
  }
  return check(value);
}

/**
 * Whether `value` has a property its schema does not declare, where the schema allows none (no
 * `additionalProperties`, `patternProperties`): JSON Schema accepts those, but the generated types
 * do not (TypeScript's excess property check on an object literal), so such an example would not
 * compile as an SDK call. A union (`oneOf`/`anyOf`) is excess only when every member says so.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} schema
 * @param {unknown} value
 * @param {number} [depth]
 * @returns {boolean}
 */
export function hasUndeclaredProperties(spec, schema, value, depth = 0) {
  const resolved = derefSafely(spec, schema);
  if (!isObject(resolved) || depth > 16) return false;
  for (const key of ["oneOf", "anyOf"]) {
    const members = resolved[key];
    if (Array.isArray(members) && members.length > 0)
      return members.every((member) => hasUndeclaredProperties(spec, member, value, depth + 1));
  }
  if (Array.isArray(value)) return value.some((item) => hasUndeclaredProperties(spec, resolved.items, item, depth + 1));
  if (!isObject(value)) return false;
  const parts = [
    resolved,
    ...(Array.isArray(resolved.allOf) ? resolved.allOf.map((part) => derefSafely(spec, part)) : []),
  ];
  /** @type {Map<string, unknown>} */
  const declared = new Map();
  let open = false;
  for (const part of parts.filter(isObject)) {
    for (const [name, property] of Object.entries(isObject(part.properties) ? part.properties : {}))
      declared.set(name, property);
    if ((part.additionalProperties !== undefined && part.additionalProperties !== false) || part.patternProperties)
      open = true;
    // A member that is itself a union or untyped leaves the shape to it: not ours to judge.
    if (part !== resolved && (part.oneOf || part.anyOf)) open = true;
    // An object part that declares no properties types as `Record<string, unknown>` (the types
    // target's emptyObjectsUnknown): any property passes. The `allOf` wrapper itself adds nothing.
    const wrapper = part === resolved && Array.isArray(resolved.allOf);
    if (!wrapper && !isObject(part.properties) && part.additionalProperties !== false && !part.oneOf && !part.anyOf)
      open = true;
  }
  return Object.entries(value).some(([name, item]) =>
    declared.has(name) ? hasUndeclaredProperties(spec, declared.get(name), item, depth + 1) : !open,
  );
}
