// @ts-check
import { isObject } from "./document.js";

/** @typedef {Record<string, string[]>} SecurityRequirement one alternative: scheme name → scopes */

/**
 * The security requirements that apply to an operation, as OpenAPI says: its own `security` when
 * it has one (an empty list included: that removes the root's), else the document's root
 * `security`, else none. Each entry is one alternative; every scheme it names is sent together.
 * Entries that are not objects are left out (nothing could be sent for them).
 *
 * @param {Record<string, any>} spec
 * @param {{ security?: unknown }} operation the Operation Object (or anything carrying its `security`)
 * @returns {SecurityRequirement[]}
 */
export function securityRequirementsOf(spec, operation) {
  const declared = Array.isArray(operation?.security)
    ? operation.security
    : Array.isArray(spec?.security)
      ? spec.security
      : [];
  return declared.filter(isObject);
}

/**
 * Whether a call without any credentials satisfies the requirements: none apply (no `security`,
 * or `security: []`), or one alternative is the empty object `{}` (authentication is optional).
 *
 * @param {readonly SecurityRequirement[]} requirements as securityRequirementsOf gives them
 */
export function acceptsAnonymous(requirements) {
  return requirements.length === 0 || requirements.some((requirement) => Object.keys(requirement).length === 0);
}
