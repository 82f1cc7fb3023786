// @ts-check
// The events an API sends to its users' servers: OpenAPI 3.1's `webhooks`, or the `x-webhooks`
// extension a 3.0 document uses for the same thing (GitHub's descriptions do). Each webhook with a
// JSON request body becomes one member of the SDK's typed event union, and one entry of the table
// `webhooks.unwrap` checks a verified body against.
import { SpecError } from "@sdkit/cli-kit";
import { deref, HTTP_METHODS, isObject } from "@sdkit/openapi";
import { jsonMedia } from "./model.js";
import { sampleFileName } from "./naming.js";
import { firstFree, RESERVED_TYPE_NAMES, typeIdentifier } from "./type-names.js";

/** The extension a 3.0 document declares its webhooks in (3.1 has `webhooks`). */
export const WEBHOOKS_EXTENSION = "x-webhooks";

/**
 * What unwrap checks a parsed body against, per event: its JSON type, the properties it requires,
 * and the properties that name the event (a `const`, or an `enum` of one value: GitHub's `action`,
 * a Standard Webhooks `type`). Only these: an ordinary `enum` may grow a value the SDK does not
 * know yet, and a signed event of the API must not be refused for that.
 *
 * @typedef {{ type?: "object" | "array", required?: string[], consts?: Record<string, unknown> }} EventShape
 */

/**
 * @typedef {object} WebhookModel
 * @property {string} name the key in `webhooks` / `x-webhooks`
 * @property {string} method the lower-case method of the operation that carries the body
 * @property {string} media its JSON media type
 * @property {string} pointer where it is declared (JSON Pointer)
 * @property {string} typeName the alias of its body in the types target (`<Name>WebhookEvent`)
 * @property {string | undefined} summary
 * @property {EventShape[]} shapes what a body of this event looks like (any one of them)
 * @property {any} mediaObject the Media Type Object (for examples)
 */

/**
 * The webhooks of a document, in document order: `webhooks` (3.1), else `x-webhooks`. A webhook
 * without a JSON request body is left out (unwrap parses JSON). No type names yet: those are chosen
 * after every operation's (webhookModels), while the SDK plan needs to know beforehand whether
 * there is any event for `webhooks.unwrap` to return.
 *
 * @param {Record<string, any>} spec
 * @param {string | undefined} file
 * @returns {Array<Omit<WebhookModel, "typeName">>}
 */
export function webhookEvents(spec, file) {
  const key = webhooksKey(spec);
  if (key === undefined) {
    if (spec.webhooks !== undefined || spec[WEBHOOKS_EXTENSION] !== undefined) {
      throw new SpecError("must be an object of Path Item Objects, one per webhook", {
        file,
        pointer: spec.webhooks !== undefined ? "/webhooks" : `/${WEBHOOKS_EXTENSION}`,
      });
    }
    return [];
  }
  /** @type {Array<Omit<WebhookModel, "typeName">>} */
  const events = [];
  for (const [name, entry] of Object.entries(spec[key])) {
    // A specification extension among the webhooks (apideck's `x-webhooks` carry `x-sdk-exclude`),
    // as the Paths Object allows them among paths: not a webhook, and not a reason to refuse.
    if (name.startsWith("x-")) continue;
    const pointer = `/${key}/${escapePointer(name)}`;
    const item = deref(spec, entry, file);
    if (!isObject(item)) throw new SpecError("must be a Path Item Object", { file, pointer });
    // The first operation with a JSON body: the event the API sends (POST, mostly). A webhook with
    // none (only a DELETE, or a form body) has nothing for unwrap to return and is left out.
    for (const method of HTTP_METHODS.filter((candidate) => isObject(item[candidate]))) {
      const operation = item[method];
      const body = deref(spec, operation.requestBody, file);
      if (!isObject(body) || !isObject(body.content)) continue;
      const media = jsonMedia(body.content);
      if (media === undefined || !/json/i.test(media)) continue;
      events.push({
        name,
        method,
        media,
        pointer: `${pointer}/${method}`,
        summary: operation.summary ?? operation.description ?? item.summary,
        shapes: shapesOf(spec, body.content[media]?.schema, file),
        mediaObject: body.content[media],
      });
      break;
    }
  }
  return events;
}

/**
 * The webhook events of a document with their type names: `<Name>WebhookEvent` each and
 * `WebhookEvent` for their union, or the first free name after them.
 *
 * @param {Record<string, any>} spec
 * @param {string | undefined} file
 * @param {Set<string>} taken type names already declared; the chosen ones are added
 * @param {Array<Omit<WebhookModel, "typeName">>} [events] webhookEvents(spec, file), when already read
 * @returns {{ webhooks: WebhookModel[], unionName: string | undefined }}
 */
export function webhookModels(spec, file, taken, events = webhookEvents(spec, file)) {
  const free = (/** @type {string} */ name) => !taken.has(name) && !RESERVED_TYPE_NAMES.has(name);
  const webhooks = events.map((event) => {
    const typeName = firstFree(`${typeIdentifier(event.name, "Event")}WebhookEvent`, free);
    taken.add(typeName);
    return { ...event, typeName };
  });
  if (webhooks.length === 0) return { webhooks, unionName: undefined };
  const unionName = firstFree("WebhookEvent", free);
  taken.add(unionName);
  return { webhooks, unionName };
}

/** The key under which the document declares its webhooks, or undefined. @param {Record<string, any>} spec */
export function webhooksKey(spec) {
  if (isObject(spec.webhooks)) return "webhooks";
  return isObject(spec[WEBHOOKS_EXTENSION]) ? WEBHOOKS_EXTENSION : undefined;
}

/**
 * The file name (without extension) of a webhook's docs sample: apart from every operation's, as
 * a webhook's name or operationId may equal one.
 *
 * @param {string} name the key in `webhooks` / `x-webhooks`
 */
export function webhookSampleName(name) {
  return sampleFileName(`webhook:${name}`);
}

/** @param {string} text */
function escapePointer(text) {
  return text.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** At most this many alternatives per event (a oneOf of oneOfs); more are not checked. */
const MAX_SHAPES = 16;

/**
 * The shapes a body of `schema` may have: one, or one per `oneOf`/`anyOf` branch; `allOf` parts
 * merge. An empty list means "anything" (no schema, or too many branches to say).
 *
 * @param {Record<string, any>} spec
 * @param {unknown} node
 * @param {string | undefined} [file]
 * @param {number} [depth]
 * @returns {EventShape[]}
 */
export function shapesOf(spec, node, file = undefined, depth = 0) {
  const schema = deref(spec, node, file);
  if (!isObject(schema) || depth > 8) return [];
  const branches = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  /** @type {EventShape} */
  const own = ownShape(spec, schema, file);
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const merged = shapesOf(spec, part, file, depth + 1);
    // A part that is itself a choice is not merged: the shape stays what the other parts say.
    if (merged.length === 1) mergeInto(own, /** @type {EventShape} */ (merged[0]));
  }
  if (branches === undefined) return isEmpty(own) ? [] : [own];
  /** @type {EventShape[]} */
  const alternatives = [];
  for (const branch of branches) {
    const shapes = shapesOf(spec, branch, file, depth + 1);
    // A branch that accepts anything makes the whole choice accept anything.
    if (shapes.length === 0) return isEmpty(own) ? [] : [own];
    for (const shape of shapes) alternatives.push(mergeInto(structuredClone(own), shape));
  }
  if (alternatives.length > MAX_SHAPES) return isEmpty(own) ? [] : [own];
  return alternatives;
}

/**
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} schema
 * @param {string | undefined} file
 * @returns {EventShape}
 */
function ownShape(spec, schema, file) {
  /** @type {EventShape} */
  const shape = {};
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  // Only a definite type is checked; `["object", "null"]` and friends are left open.
  if (types.length === 1 && (types[0] === "object" || types[0] === "array")) shape.type = types[0];
  else if (types.length === 0 && (isObject(schema.properties) || Array.isArray(schema.required))) shape.type = "object";
  if (Array.isArray(schema.required) && schema.required.length > 0) {
    shape.required = schema.required.filter((name) => typeof name === "string");
  }
  if (isObject(schema.properties)) {
    for (const [property, value] of Object.entries(schema.properties)) {
      const sub = deref(spec, value, file);
      if (!isObject(sub)) continue;
      const single = "const" in sub ? [sub.const] : Array.isArray(sub.enum) && sub.enum.length === 1 ? sub.enum : [];
      if (single.length === 1 && single[0] !== null && typeof single[0] !== "object") {
        shape.consts = { ...shape.consts, [property]: single[0] };
      }
    }
  }
  return shape;
}

/** @param {EventShape} target @param {EventShape} source */
function mergeInto(target, source) {
  if (source.type !== undefined) target.type ??= source.type;
  if (source.required) target.required = [...new Set([...(target.required ?? []), ...source.required])];
  if (source.consts) target.consts = { ...target.consts, ...source.consts };
  return target;
}

/** @param {EventShape} shape */
function isEmpty(shape) {
  return shape.type === undefined && shape.required === undefined && shape.consts === undefined;
}
