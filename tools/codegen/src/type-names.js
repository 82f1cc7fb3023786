// @ts-check
// Every name the generators declare at the top level of a module must be a valid identifier and
// unique there, whatever the document calls its schemas and operations. A clash is resolved here,
// once, in document order, the same way on every run: the document's own schema names win, and a
// generated name that would clash takes a suffix. Never an error: a valid document must generate.

import { isObject } from "@sdkit/openapi";
import { isIdentifier, isReservedName, pascalCase, words } from "./naming.js";

/** What openapi-typescript exports, which no alias may shadow. */
export const RESERVED_TYPE_NAMES = Object.freeze(new Set(["paths", "components", "operations", "webhooks", "$defs"]));

/** The aliases the types target may declare for one operation, after its prefix. */
export const OPERATION_ALIAS_SUFFIXES = Object.freeze([
  "RequestBody",
  "PathParams",
  "QueryParams",
  "HeaderParams",
  "Response",
  "ErrorStatus",
]);

/**
 * `base`, else `base2`, `base3`, … : the first that `isFree` accepts.
 *
 * @param {string} base
 * @param {(name: string) => boolean} isFree
 */
export function firstFree(base, isFree) {
  if (isFree(base)) return base;
  for (let n = 2; ; n++) if (isFree(`${base}${n}`)) return `${base}${n}`;
}

/**
 * A PascalCase type name from any text: its words in PascalCase, prefixed with `prefix` when that
 * does not start an identifier (`2fa` → `Op2fa`, `#` → `Op`).
 *
 * @param {string} text
 * @param {string} prefix
 */
export function typeIdentifier(text, prefix) {
  const name = pascalCase(words(text));
  return isIdentifier(name) ? name : `${prefix}${name}`;
}

/**
 * The alias of each schema in `components.schemas`: its own name when that is an identifier, else
 * its words in PascalCase (`pet-list` → `PetList`, and a reserved name too: `string` → `String`,
 * `delete` → `Delete`); a second schema on the same alias takes `2`.
 *
 * @param {Record<string, any>} spec
 * @param {Set<string>} taken names already declared; the chosen ones are added
 * @returns {Map<string, string>} schema name → alias
 */
export function schemaAliases(spec, taken) {
  /** @type {Map<string, string>} */
  const aliases = new Map();
  const schemas = isObject(spec.components?.schemas) ? spec.components.schemas : {};
  const isFree = (/** @type {string} */ name) => !taken.has(name) && !RESERVED_TYPE_NAMES.has(name);
  // Names usable as they are first, so a derived alias gives way to a schema that already has it
  // (`string` beside `String` becomes `String2`, never the other way round).
  for (const schemaName of Object.keys(schemas)) {
    if (isIdentifier(schemaName) && isFree(schemaName)) {
      taken.add(schemaName);
      aliases.set(schemaName, schemaName);
    }
  }
  for (const schemaName of Object.keys(schemas)) {
    if (aliases.has(schemaName)) continue;
    const base = isIdentifier(schemaName) ? schemaName : typeIdentifier(schemaName, "Schema");
    const alias = firstFree(base, isFree);
    taken.add(alias);
    aliases.set(schemaName, alias);
  }
  // In document order, as the aliases file declares them.
  return new Map(Object.keys(schemas).map((name) => [name, /** @type {string} */ (aliases.get(name))]));
}

/**
 * The prefix of an operation's aliases (`<Op>Response`, …): the operationId in PascalCase; when
 * one of its aliases is already declared (a schema called `CreateAnswerResponse` beside the
 * operation `createAnswer`, or two operationIds with the same words), `<Op>Operation`, then
 * `<Op>Operation2`, … All of its possible aliases are then taken.
 *
 * @param {string} operationId
 * @param {Set<string>} taken
 */
export function operationTypePrefix(operationId, taken) {
  const base = typeIdentifier(operationId, "Op");
  const free = (/** @type {string} */ prefix) =>
    OPERATION_ALIAS_SUFFIXES.every((suffix) => !taken.has(`${prefix}${suffix}`));
  const prefix = free(base) ? base : firstFree(`${base}Operation`, free);
  for (const suffix of OPERATION_ALIAS_SUFFIXES) taken.add(`${prefix}${suffix}`);
  return prefix;
}

/**
 * A JavaScript identifier for an operation's values in generated code (its descriptor constant):
 * the operationId with every other character as `_`, `_` first when it starts with a digit or is a
 * reserved name (`delete` → `_delete`, which `const delete` would not be), and a number after it
 * when two ids give the same one (`a-b`, `a_b`).
 *
 * @param {string} operationId
 * @param {Set<string>} taken
 */
export function operationIdentifier(operationId, taken) {
  let base = operationId.replace(/[^A-Za-z0-9_$]/g, "_");
  if (!/^[A-Za-z_$]/.test(base) || isReservedName(base)) base = `_${base}`;
  const identifier = firstFree(base, (name) => !taken.has(name));
  taken.add(identifier);
  return identifier;
}
