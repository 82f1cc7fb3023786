// @ts-check
// A field of an `application/x-www-form-urlencoded` body with `style: deepObject` is sent in
// brackets: `card[number]=4242`, `shipping[address][city]=Paris`, `tags[0]=a`,
// `line_items[0][price]=p_1`. Prism 5.14.2 (prism-http 5.12.0) rebuilds such a field by walking
// its schema, and reads it right at any depth (measured: `f[b][c]=x`, `f[list][0][b]=x`, `f[0]=x`)
// except for one shape: a field that is itself an array of objects. Prism builds the objects from
// `f[0][b]=x`, then runs them through its repair for arrays of JSON texts (`f={"b":"x"}`), which
// cannot read an object, and answers 415 "Cannot deserialize JSON object array" to every request
// that sends one item (Stripe's `line_items`, `tax_rates` of a payment link, `line_items` of a tax
// calculation). The items cannot be both descended into and kept from that repair (Prism decides
// both by the same `items.type`), so in the copy Prism serves such a field accepts any items:
// Prism then still checks how many there are (`minItems`, `maxItems`), which is all it could check
// of them; the items' contents are not checked. `uniqueItems` goes too, as Prism holds one
// `undefined` per index sent and would find them all equal.
//
// Prism also builds every object of such a field, sent or not: an optional `after_completion`
// whose `type` is required, not sent at all, is read as `{}` and refused for its missing `type`
// (so is every request to a body with such a field, Prism's generic 422). In the copy Prism serves,
// an optional object's `required` applies once any of its own scalar properties is sent: nothing
// sent reads as nothing sent. A required object keeps its `required` as written.
import { derefOrRef, isObject } from "@sdkit/openapi";
import { requestMediaOf } from "./document-operations.js";

const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;
const SCALARS = new Set(["string", "number", "integer", "boolean", "null"]);

/** @param {unknown} type @returns {string[]} */
function typesOf(type) {
  if (typeof type === "string") return [type];
  return Array.isArray(type) ? type.filter((t) => typeof t === "string") : [];
}

/**
 * Whether Prism reads each item of this array as one value (a string, a number...), by its
 * `f[0]=x` key, rather than building it from deeper keys or choosing among branches.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} node
 */
function hasScalarItems(spec, node) {
  const items = derefOrRef(spec, node);
  if (!isObject(items)) return true;
  const types = typesOf(items.type);
  if (types.length > 0) return types.every((t) => SCALARS.has(t));
  return (
    !isObject(items.properties) &&
    !Array.isArray(items.allOf) &&
    !Array.isArray(items.anyOf) &&
    !Array.isArray(items.oneOf)
  );
}

const MAX_DEPTH = 32;

/**
 * The node with every optional object in it (itself too, unless `required`) checked for its
 * `required` properties only when one of its scalar properties is sent; the same node when
 * nothing needs that.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} node
 * @param {boolean} required
 * @param {number} depth
 * @param {Set<string>} refs the `$ref`s being walked (a schema that contains itself stops there)
 * @returns {unknown}
 */
function unsentIsNothing(spec, node, required, depth, refs) {
  const ref = isObject(node) && typeof node.$ref === "string" ? node.$ref : undefined;
  if (depth > MAX_DEPTH || (ref !== undefined && refs.has(ref))) return node;
  const schema = derefOrRef(spec, node);
  if (!isObject(schema)) return node;
  const inner = ref === undefined ? refs : new Set([...refs, ref]);
  const types = typesOf(schema.type);
  // Prism builds what it descends into by `type`: an item exists only where an index was sent.
  if (types.includes("array") && schema.items !== undefined) {
    const items = unsentIsNothing(spec, schema.items, true, depth + 1, inner);
    return items === schema.items ? node : { ...schema, items };
  }
  if (!types.includes("object") || !isObject(schema.properties)) return node;
  const own = Array.isArray(schema.required) ? schema.required : [];
  let changed = false;
  /** @type {Record<string, unknown>} */
  const properties = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    properties[name] = unsentIsNothing(spec, property, own.includes(name), depth + 1, inner);
    if (properties[name] !== property) changed = true;
  }
  if (required || own.length === 0) return changed ? { ...schema, properties } : node;
  const scalars = Object.entries(schema.properties)
    .filter(([, property]) => {
      const value = derefOrRef(spec, property);
      return !(isObject(value) && typesOf(value.type).some((t) => t === "object" || t === "array"));
    })
    .map(([name]) => name);
  const { required: _required, ...rest } = schema;
  const unsent = { not: { anyOf: scalars.map((name) => ({ required: [name] })) } };
  const whenSent = { anyOf: [{ required: own }, unsent] };
  return { ...rest, properties, allOf: [...(Array.isArray(schema.allOf) ? schema.allOf : []), whenSent] };
}

/**
 * In the copy Prism serves, every deepObject field of a form-encoded request body that is an
 * array of objects accepts any items, and its optional objects are checked only when sent (in
 * place; see the header comment). The body's schema is
 * copied before it changes, as it may be a component other bodies or responses use.
 *
 * @param {Record<string, any>} spec
 * @returns {number} how many fields were changed
 */
export function fitDeepObjectFields(spec) {
  let fitted = 0;
  for (const [mediaType, media] of requestMediaOf(spec)) {
    if (!FORM.test(mediaType) || !isObject(media.encoding)) continue;
    const schema = derefOrRef(spec, media.schema);
    if (!isObject(schema) || !isObject(schema.properties)) continue;
    /** @type {Record<string, unknown>} */
    const properties = { ...schema.properties };
    let changed = 0;
    for (const [name, encoding] of Object.entries(media.encoding)) {
      if (!isObject(encoding) || encoding.style !== "deepObject" || !(name in properties)) continue;
      const required = Array.isArray(schema.required) && schema.required.includes(name);
      const field = derefOrRef(spec, properties[name]);
      if (isObject(field) && typesOf(field.type).includes("array") && !hasScalarItems(spec, field.items)) {
        const { uniqueItems: _unique, ...rest } = field;
        properties[name] = { ...rest, items: {} };
        changed++;
        continue;
      }
      const fitted = unsentIsNothing(spec, properties[name], required, 0, new Set());
      if (fitted === properties[name]) continue;
      properties[name] = fitted;
      changed++;
    }
    if (changed === 0) continue;
    media.schema = { ...schema, properties };
    fitted += changed;
  }
  return fitted;
}
