// @ts-check
import { createRequire } from "node:module";
import { deref, isObject } from "@sdkit/openapi";
import { conformsTo, hasUndeclaredProperties } from "./example-check.js";
import { compilePattern } from "./json-schema.js";

// RandExp is CommonJS (`module.exports = RandExp`) with ESM-style typings of a default export.
const RandExp = /** @type {typeof import("randexp").default} */ (createRequire(import.meta.url)("randexp"));

/**
 * Example values for requests, taken from the spec: a media type's `example`, else its named
 * `examples` in order, else one built from the schema (its `example`, `default` or first `enum`
 * value, else each property's example; required properties without one get a placeholder of their
 * type). The first candidate that conforms to the schema wins (see example-check.js); when none
 * does, the one built from the schema.
 */

/**
 * The first candidate that conforms to `schema` and declares no property it does not know.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} schema
 * @param {Array<() => unknown>} candidates lazily, so the schema-built one is only built when needed
 */
function firstConforming(spec, schema, candidates) {
  /** @type {unknown} */
  let fallback;
  let last;
  for (const candidate of candidates) {
    const value = candidate();
    if (value === undefined) continue;
    if (fallback === undefined) fallback = value;
    last = value;
    if (conformsTo(spec, schema, value) && !hasUndeclaredProperties(spec, schema, value)) return value;
  }
  // None conforms: the one built from the schema (the last candidate) still has the schema's types
  // (DigitalOcean's `hour: 840` example for a string would not type-check as a request); the
  // document's own example only when nothing else was built.
  return last ?? fallback;
}

/**
 * An Example Object's values, in order (a Media Type's or a Parameter's `examples` map).
 *
 * @param {Record<string, any>} spec
 * @param {unknown} examples
 * @returns {Array<() => unknown>}
 */
function namedExamples(spec, examples) {
  if (!isObject(examples)) return [];
  return Object.values(examples).map((entry) => () => {
    const example = deref(spec, entry);
    return isObject(example) ? example.value : undefined;
  });
}

/**
 * @param {Record<string, any>} spec
 * @param {any} media a Media Type Object
 * @returns {unknown}
 */
export function mediaExample(spec, media) {
  if (!isObject(media)) return undefined;
  return firstConforming(spec, media.schema, [
    () => media.example,
    ...namedExamples(spec, media.examples),
    () => schemaExample(spec, media.schema),
  ]);
}

/**
 * @param {Record<string, any>} spec
 * @param {any} parameter a Parameter Object
 */
export function parameterExample(spec, parameter) {
  return firstConforming(spec, parameter.schema, [
    () => parameter.example,
    ...namedExamples(spec, parameter.examples),
    () => schemaExample(spec, parameter.schema),
  ]);
}

/**
 * @param {Record<string, any>} spec
 * @param {unknown} node
 * @param {number} [depth]
 * @param {ReadonlySet<string>} [expanding] the `$ref`s being expanded on the way here, to stop at a cycle
 * @returns {unknown}
 */
export function schemaExample(spec, node, depth = 0, expanding = new Set()) {
  const schema = deref(spec, node);
  if (!isObject(schema) || depth > 8) return undefined;
  const ref = isObject(node) && typeof node.$ref === "string" ? node.$ref : undefined;
  const inside = ref === undefined ? expanding : new Set([...expanding, ref]);
  // A schema's own example or default is used only when it fits the schema: real documents give a
  // string enum an array example (Asana's `include`), which would not type-check as the request.
  // Nor one with a property the schema does not declare (DigitalOcean's `images` where the schema
  // spells it `imgages`): JSON Schema lets it through, the generated type's excess property check not.
  const fits = (/** @type {unknown} */ value) =>
    conformsTo(spec, schema, value) && !hasUndeclaredProperties(spec, schema, value);
  if (schema.example !== undefined && fits(schema.example)) return schema.example;
  if (schema.default !== undefined && fits(schema.default)) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (Array.isArray(schema.allOf)) {
    // `required` beside `allOf` names properties its parts declare (Box's `SignRequestCreateRequest`
    // requires `signers` from its second part): the parts' properties are merged with the schema's
    // own, so every required one gets a value. A part that is itself an `allOf` (Codat's `Account`
    // adds `ModifiedDates`, two parts of its own) is opened up first, or the merge was skipped and
    // the outer `required` lost.
    const resolved = allOfParts(spec, schema.allOf);
    if (resolved.every(isObjectPart)) {
      const { allOf: _parts, example: _example, ...own } = schema;
      return schemaExample(
        spec,
        {
          ...own,
          type: "object",
          properties: Object.assign(
            {},
            ...resolved.map((/** @type {any} */ part) => part.properties),
            own.properties ?? {},
          ),
          required: [
            ...resolved.flatMap((/** @type {any} */ part) => (Array.isArray(part.required) ? part.required : [])),
            ...(Array.isArray(own.required) ? own.required : []),
          ],
        },
        depth + 1,
        inside,
      );
    }
    // A part that only annotates (Codat's `issueDate`: `allOf: [{ description }, { $ref: DateTime }]`)
    // says nothing about the value: its example would be the `{}` of an untyped schema, and taken
    // first it put an object where the type is a string. The value comes from the parts that constrain.
    const constraining = schema.allOf.filter((/** @type {unknown} */ part) => !isAnnotationOnly(part));
    const parts = (constraining.length > 0 ? constraining : schema.allOf).map((/** @type {unknown} */ part) =>
      schemaExample(spec, part, depth + 1, inside),
    );
    if (parts.every(isObject)) return Object.assign({}, ...parts);
    return parts.find((part) => part !== undefined);
  }
  for (const key of ["oneOf", "anyOf"]) {
    if (Array.isArray(schema[key]) && schema[key].length > 0)
      return schemaExample(spec, schema[key][0], depth + 1, inside);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type === "object" || (type === undefined && isObject(schema.properties))) {
    /** @type {Record<string, unknown>} */
    const value = {};
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const resolved = deref(spec, property);
      const hasOwnExample = isObject(resolved) && (resolved.example !== undefined || resolved.default !== undefined);
      if (!required.has(name) && !hasOwnExample && !isObject(resolved?.properties)) continue;
      const example =
        schemaExample(spec, property, depth + 1, inside) ?? (required.has(name) ? bareValue(resolved) : undefined);
      // A required property is never left out: the generated type would refuse the value.
      if (example !== undefined) value[name] = example;
    }
    return value;
  }
  if (type === "array") {
    // An array of the schema being expanded (id4i's `ApiError.errorList: ApiError[]`, every property
    // required): one item would need another array of it, and so on until the depth guard gives up
    // with an item missing its required properties, which the mock then serves as a broken answer.
    // The empty array ends the recursion validly where the schema allows it.
    const items = isObject(schema.items) && typeof schema.items.$ref === "string" ? schema.items.$ref : undefined;
    if (items !== undefined && inside.has(items) && !(Number(schema.minItems) > 0)) return [];
    const item = schemaExample(spec, schema.items, depth + 1, inside);
    if (item !== undefined) return [item];
    // An item nested deeper than the guard goes (Kubernetes' CronJob → … → onExitCodes.values, an
    // array of int32): the empty array where the schema allows one, else the plainest value of the
    // item's own type. A fixed "string" broke every such array of numbers, and the generated
    // contract bindings with it (TS2322).
    return Number(schema.minItems) > 0 ? [bareValue(deref(spec, schema.items))] : [];
  }
  if (type === "integer" || type === "number") return numberExample(schema, type === "integer");
  if (type === "boolean") return true;
  if (type === "string") return stringExample(schema);
  if (type === "null") return null;
  // No type, no properties, no composition (Anchore's `target: { additionalProperties: true }`):
  // any value fits, and the generated type is `Record<string, unknown>` or `unknown`, both of which
  // take an empty object.
  if (type === undefined) return {};
  return undefined;
}

/**
 * The plainest value of a schema's declared type, for a required property whose example could not
 * be built (nested deeper than schemaExample goes): an empty object when the type says nothing else.
 *
 * @param {unknown} schema a resolved Schema Object
 * @returns {unknown}
 */
function bareValue(schema) {
  const declared = isObject(schema) ? schema.type : undefined;
  const type = Array.isArray(declared) ? declared.find((t) => t !== "null") : declared;
  switch (type) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return true;
    case "array":
      return [];
    case "null":
      return null;
    default:
      return {};
  }
}

/**
 * The parts of an `allOf`, resolved, with a part that is itself an `allOf` replaced by its own
 * parts and the rest of its keywords (its `required`, its annotations) as one more part.
 *
 * @param {Record<string, any>} spec
 * @param {unknown[]} parts
 * @param {number} [depth] nesting guard against a cycle of `allOf`s
 * @returns {unknown[]}
 */
function allOfParts(spec, parts, depth = 0) {
  return parts.flatMap((part) => {
    const resolved = deref(spec, part);
    if (!isObject(resolved) || !Array.isArray(resolved.allOf) || depth > 8) return [resolved];
    const { allOf, ...own } = resolved;
    return [...allOfParts(spec, allOf, depth + 1), own];
  });
}

/** Keywords that describe a value without constraining it. */
const ANNOTATIONS = new Set([
  "title",
  "description",
  "example",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "externalDocs",
  "$comment",
]);

/**
 * True for a schema of annotations only (`{ description }`, extensions): any value conforms to it.
 *
 * @param {unknown} part
 */
function isAnnotationOnly(part) {
  return isObject(part) && Object.keys(part).every((key) => ANNOTATIONS.has(key) || key.startsWith("x-"));
}

/**
 * True for an `allOf` part whose properties can be merged into one object: an object schema (or
 * one that only annotates or requires) with no union of its own.
 *
 * @param {unknown} part
 */
function isObjectPart(part) {
  if (!isObject(part) || part.allOf || part.oneOf || part.anyOf) return false;
  if (part.properties !== undefined && !isObject(part.properties)) return false;
  const type = Array.isArray(part.type) ? part.type.filter((t) => t !== "null") : [part.type];
  return type.every((t) => t === undefined || t === "object");
}

/**
 * A string for a schema with no example: one its `pattern` matches within its length bounds, else
 * a placeholder of its format stretched or cut to those bounds. GitHub's `version` path parameter
 * (`^\d+\.\d+\.\d+$`) gets `0.0.0`, not `string`; OpenSearch's `[a-z][a-z0-9\-]+` with
 * `minLength: 10` gets ten characters, not the two of the pattern's shortest match, which Prism
 * would refuse. When nothing fits, the placeholder: the caller's conformance check then says so.
 *
 * @param {Record<string, any>} schema
 */
function stringExample(schema) {
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Number.POSITIVE_INFINITY;
  const fitsLength = (/** @type {string} */ text) => [...text].length >= min && [...text].length <= max;
  if (typeof schema.pattern === "string") {
    const matched = patternExample(schema.pattern, fitsLength);
    if (matched !== undefined) return matched;
  }
  const placeholder = stringPlaceholder(schema.format);
  if (placeholder.length < min) return placeholder.padEnd(min, "x");
  return placeholder.length > max ? placeholder.slice(0, Math.max(max, 0)) : placeholder;
}

/** How many longer variants patternExample tries after a pattern's shortest match. */
const PATTERN_STEPS = 64;

/**
 * A string `pattern` matches (as JSON Schema reads it: anywhere in the string) that `accept`
 * takes, the same on every build: RandExp with every choice and repetition count at its lowest,
 * then `step` above it (a later alternative, a later character of a class, `step` more
 * repetitions) for step = 1, 2, …, so a length bound is met by the shortest such string.
 * Undefined when no attempt fits, or for a pattern neither RandExp nor RegExp can read.
 *
 * @param {string} pattern
 * @param {(text: string) => boolean} accept
 */
function patternExample(pattern, accept) {
  const regExp = compilePattern(pattern);
  if (regExp === undefined) return undefined;
  for (let step = 0; step <= PATTERN_STEPS; step++) {
    let text;
    try {
      const generator = new RandExp(pattern);
      generator.randInt = (/** @type {number} */ low, /** @type {number} */ high) => Math.min(high, low + step);
      text = generator.gen();
    } catch {
      // A pattern RandExp cannot read (lookbehind, a flag it does not know).
      return undefined;
    }
    if (regExp.test(text) && accept(text)) return text;
  }
  return undefined;
}

/**
 * A number within a schema's bounds (OpenAPI 3.0's boolean `exclusiveMinimum`, 3.1's numeric one)
 * and a multiple of its `multipleOf`: the lowest such value, else 0 when the bounds allow it, else
 * the highest. A value that still breaks the schema (bounds that leave no integer) is caught by
 * the caller's conformance check.
 *
 * @param {Record<string, any>} schema
 * @param {boolean} integer
 */
function numberExample(schema, integer) {
  const unit = integer ? 1 : 0.5;
  const lowest = boundOf(schema.minimum, schema.exclusiveMinimum, unit);
  const highest = boundOf(schema.maximum, schema.exclusiveMaximum, -unit);
  let value = lowest ?? (highest !== undefined && highest < 0 ? highest : 0);
  if (integer) value = lowest !== undefined ? Math.ceil(value) : Math.floor(value);
  const step = typeof schema.multipleOf === "number" && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  if (step !== undefined)
    value = lowest !== undefined ? Math.ceil(value / step) * step : Math.floor(value / step) * step;
  return value;
}

/**
 * The inclusive bound a schema's `minimum`/`maximum` and `exclusive…` give: `exclusive` true (3.0)
 * moves `inclusive` by `nudge`, a number (3.1) is itself the bound, moved by `nudge`.
 *
 * @param {unknown} inclusive
 * @param {unknown} exclusive
 * @param {number} nudge
 * @returns {number | undefined}
 */
function boundOf(inclusive, exclusive, nudge) {
  if (typeof exclusive === "number") return exclusive + nudge;
  if (typeof inclusive !== "number") return undefined;
  return exclusive === true ? inclusive + nudge : inclusive;
}

/** @param {unknown} format */
function stringPlaceholder(format) {
  switch (format) {
    case "date-time":
      return "2026-01-01T00:00:00Z";
    case "date":
      return "2026-01-01";
    case "email":
      return "user@example.com";
    case "uuid":
      return "00000000-0000-4000-8000-000000000000";
    case "uri":
    case "url":
      return "https://example.com";
    // Formats Prism checks (ajv-formats), which "string" breaks.
    case "byte":
      return "c3RyaW5n";
    case "ipv4":
      return "192.0.2.1";
    case "ipv6":
      return "2001:db8::1";
    case "hostname":
      return "example.com";
    case "time":
      return "00:00:00Z";
    case "uri-reference":
      return "/example";
    case "duration":
      return "P1D";
    default:
      return "string";
  }
}
