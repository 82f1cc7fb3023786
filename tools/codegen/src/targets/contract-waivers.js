// @ts-check
// An operation whose example request breaks the document's own parameter schemas can only ever be
// refused by Prism (422), which says nothing about the client. Such an operation is waived with a
// reason the coverage gate prints, never reported as passing, and never as a client failure.

import { deref, isObject } from "@sdkit/openapi";
import { conformsTo } from "../example-check.js";

/** @typedef {import("../model.js").OperationModel} OperationModel */

/** The schema keywords that can make a parameter value impossible to build; named in the reason. */
const BOUNDS = Object.freeze([
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "enum",
  "format",
]);

/**
 * Why the operation cannot be called with a request the document accepts, or undefined when it
 * can: the first parameter the example request sends whose value breaks its schema.
 *
 * @param {Record<string, any>} spec
 * @param {OperationModel} m
 * @param {{ path: Record<string, unknown>, query: Record<string, unknown>, headers: Record<string, unknown> }} example
 *   the values the bindings send (samples.js requestExample)
 * @returns {string | undefined}
 */
export function parameterWaiver(spec, m, example) {
  const sent = /** @type {const} */ ([
    ["path", m.pathParams, example.path],
    ["query", m.queryParams, example.query],
    ["header", m.headerParams, example.headers],
  ]);
  for (const [location, params, values] of sent) {
    for (const param of params) {
      if (!Object.hasOwn(values, param.name)) continue;
      const value = values[param.name];
      if (value !== undefined && conformsTo(spec, param.parameter.schema, value)) continue;
      const resolved = deref(spec, param.parameter.schema);
      const schema = isObject(resolved) ? resolved : {};
      const bounds = BOUNDS.filter((key) => schema[key] !== undefined)
        .map((key) => `${key} ${JSON.stringify(schema[key])}`)
        .join(", ");
      return (
        `no value of the ${location} parameter ${param.name} satisfies its schema` +
        `${bounds ? ` (${bounds})` : ""}, so Prism would refuse every request`
      );
    }
  }
  return undefined;
}
