// @ts-check
// OpenAPI's default for a field of an `application/x-www-form-urlencoded` body is `style: form`,
// `explode: true`: an array is sent as the field repeated (`tags=a&tags=b`, or `tags=a` for one
// item), which is how the generated SDKs encode it. Prism applies that default only where the
// document spells the field's `encoding` out; otherwise it reads the field as a string and refuses
// the request ("must be array") for every such operation. The mock spells it out in the copy of the
// document Prism serves; what the document declares itself is left as it is.
//
// With an encoding spelled out Prism also refuses a field whose raw value holds a character RFC 3986
// reserves, unless `allowReserved`: that is `+` (a space, as every form encoder writes it) and `*`
// (which URLSearchParams and browsers never escape), so `tags=a+b` was refused. The encodings
// written here allow them; an encoder escapes the rest anyway, and the value is checked decoded.
//
// Fields with `style: deepObject` (declared: it is never a default) are then made readable to
// Prism where it would misread them (deep-object-fields.js).
import { derefOrRef, isObject } from "@sdkit/openapi";
import { fitDeepObjectFields } from "./deep-object-fields.js";
import { requestMediaOf } from "./document-operations.js";

const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * The properties of an object schema, its `allOf` parts' included.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} node
 * @param {number} [depth]
 * @returns {Array<[string, unknown]>}
 */
function propertiesOf(spec, node, depth = 0) {
  const schema = derefOrRef(spec, node);
  if (!isObject(schema) || depth > 8) return [];
  const own = isObject(schema.properties) ? Object.entries(schema.properties) : [];
  const parts = Array.isArray(schema.allOf) ? schema.allOf.flatMap((part) => propertiesOf(spec, part, depth + 1)) : [];
  return [...own, ...parts];
}

/** @param {Record<string, any>} spec @param {unknown} node */
function isArraySchema(spec, node) {
  const schema = derefOrRef(spec, node);
  return isObject(schema) && (schema.type === "array" || (Array.isArray(schema.type) && schema.type.includes("array")));
}

/**
 * Writes `encoding: { <field>: { style: "form", explode: true, allowReserved: true } }` for every
 * array field of every form-encoded request body that does not declare an encoding for it, and
 * fits the deepObject fields to Prism (in place).
 *
 * @param {Record<string, any>} spec
 * @returns {number} how many fields got an encoding or were fitted
 */
export function spellOutFormEncoding(spec) {
  let added = 0;
  for (const [mediaType, media] of requestMediaOf(spec)) {
    if (!FORM.test(mediaType)) continue;
    for (const [name, property] of propertiesOf(spec, media.schema)) {
      if (!isArraySchema(spec, property)) continue;
      const encoding = isObject(media.encoding) ? media.encoding : {};
      if (encoding[name] !== undefined) continue;
      media.encoding = { ...encoding, [name]: { style: "form", explode: true, allowReserved: true } };
      added++;
    }
  }
  return added + fitDeepObjectFields(spec);
}
