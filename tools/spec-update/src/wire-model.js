// @ts-check
import { derefAt, HTTP_METHODS, jsonMediaOf } from "@sdkit/openapi";

/**
 * The wire model: what a client puts on the wire and gets back, with prose, examples, names of
 * components and operationIds left out. Two documents with the same wire model accept and return
 * the same requests and responses.
 *
 * @typedef {object} FieldShape
 * @property {string} type e.g. "string", "object", "array", "integer"; "any" when not declared
 * @property {string | null} format
 * @property {boolean} nullable
 * @property {boolean} required
 * @property {boolean} deprecated the SDK marks it `@deprecated`
 * @property {string | null} enum the allowed values, JSON of the sorted list; null when not an enum
 *
 * @typedef {object} Location where a field's schema lives in its document (for applying edits)
 * @property {Array<string | number>} schemaPath the path of the (dereferenced) property schema
 * @property {Array<string | number>} parentPath the path of the object schema holding it
 *
 * @typedef {object} WireField
 * @property {FieldShape} shape
 * @property {Location} at
 *
 * @typedef {object} WireBody
 * @property {boolean} required
 * @property {string[]} mediaTypes
 * @property {Map<string, WireField>} properties flattened: "data.id", "errors[].title"
 * @property {Array<string | number>} schemaPath
 * @property {Array<string | number>} path the request body or response object itself
 *
 * @typedef {object} WireOperation
 * @property {string} key "POST /v1/pets"
 * @property {string} method upper case
 * @property {string} path
 * @property {string | null} operationId
 * @property {string[]} tags
 * @property {Map<string, WireField>} parameters keyed "in:name"
 * @property {WireBody | null} requestBody
 * @property {Map<string, WireBody | null>} responses keyed by status, body null when it has no JSON content
 * @property {string[]} security normalized descriptors of the schemes that may authorize it
 * @property {Array<string | number>} operationPath
 *
 * @typedef {object} WireModel
 * @property {Map<string, WireOperation>} operations
 * @property {Map<string, string>} securitySchemes name → normalized descriptor
 * @property {string[]} tags declared at the top level
 * @property {string} openapi
 */

const MAX_DEPTH = 8;

/**
 * @param {Record<string, any>} document
 * @param {string} source
 * @returns {WireModel}
 */
export function wireModel(document, source) {
  const schemes = document.components?.securitySchemes ?? {};
  /** @type {Map<string, string>} */
  const securitySchemes = new Map();
  for (const [name, raw] of Object.entries(schemes)) {
    securitySchemes.set(
      name,
      describeScheme(derefAt(document, raw, ["components", "securitySchemes", name], source).node),
    );
  }
  /** @type {Map<string, WireOperation>} */
  const operations = new Map();
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const { node: item } = derefAt(document, rawItem, ["paths", path], source);
    if (!item || typeof item !== "object") continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation || typeof operation !== "object") continue;
      const key = `${method.toUpperCase()} ${path}`;
      const operationPath = ["paths", path, method];
      operations.set(key, {
        key,
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId ?? null,
        tags: Array.isArray(operation.tags) ? operation.tags : [],
        parameters: parameters(
          document,
          [...(item.parameters ?? []), ...(operation.parameters ?? [])],
          operationPath,
          source,
        ),
        requestBody: requestBody(document, operation.requestBody, [...operationPath, "requestBody"], source),
        responses: responses(document, operation.responses ?? {}, [...operationPath, "responses"], source),
        security: (operation.security ?? document.security ?? [])
          .flatMap((/** @type {Record<string, unknown>} */ requirement) => Object.keys(requirement))
          .map((/** @type {string} */ name) => securitySchemes.get(name) ?? `undeclared:${name}`)
          .sort(),
        operationPath,
      });
    }
  }
  return {
    operations,
    securitySchemes,
    tags: (document.tags ?? []).map((/** @type {{ name: string }} */ tag) => tag.name),
    openapi: document.openapi,
  };
}

/**
 * What matters about a security scheme on the wire; its name in the document does not.
 *
 * @param {Record<string, any>} scheme
 */
function describeScheme(scheme) {
  if (scheme.type === "http") return `http ${String(scheme.scheme ?? "").toLowerCase()}`;
  if (scheme.type === "apiKey") return `apiKey ${scheme.in} ${scheme.name}`;
  return String(scheme.type);
}

/**
 * @param {Record<string, any>} document
 * @param {any[]} list
 * @param {Array<string | number>} operationPath
 * @param {string} source
 */
function parameters(document, list, operationPath, source) {
  /** @type {Map<string, WireField>} */
  const result = new Map();
  list.forEach((raw, index) => {
    const { node: parameter, path } = derefAt(document, raw, [...operationPath, "parameters", index], source);
    const schemaAt = derefAt(document, parameter.schema ?? {}, [...path, "schema"], source);
    result.set(`${parameter.in}:${parameter.name}`, {
      shape: shapeOf(document, schemaAt.node, Boolean(parameter.required), source),
      at: { schemaPath: schemaAt.path, parentPath: path },
    });
  });
  return result;
}

/**
 * @param {Record<string, any>} document
 * @param {any} raw
 * @param {Array<string | number>} path
 * @param {string} source
 * @returns {WireBody | null}
 */
function requestBody(document, raw, path, source) {
  if (!raw) return null;
  const { node, path: at } = derefAt(document, raw, path, source);
  return body(document, node, at, Boolean(node.required), source);
}

/**
 * @param {Record<string, any>} document
 * @param {Record<string, any>} raw
 * @param {Array<string | number>} path
 * @param {string} source
 */
function responses(document, raw, path, source) {
  /** @type {Map<string, WireBody | null>} */
  const result = new Map();
  for (const [status, value] of Object.entries(raw)) {
    const { node, path: at } = derefAt(document, value, [...path, status], source);
    result.set(status.toUpperCase(), body(document, node, at, true, source));
  }
  return result;
}

/**
 * @param {Record<string, any>} document
 * @param {Record<string, any>} container a request body or response object
 * @param {Array<string | number>} path
 * @param {boolean} required
 * @param {string} source
 * @returns {WireBody | null}
 */
function body(document, container, path, required, source) {
  const content = container.content ?? {};
  const mediaTypes = Object.keys(content).sort();
  // Chosen among the sorted types, so that reordering `content` in the document changes nothing.
  const json = jsonMediaOf(Object.fromEntries(mediaTypes.map((type) => [type, content[type]])));
  if (!json) return mediaTypes.length ? { required, mediaTypes, properties: new Map(), schemaPath: path, path } : null;
  const schemaAt = derefAt(document, content[json].schema ?? {}, [...path, "content", json, "schema"], source);
  /** @type {Map<string, WireField>} */
  const properties = new Map();
  flatten(document, schemaAt.node, schemaAt.path, "", properties, 0, source);
  return { required, mediaTypes, properties, schemaPath: schemaAt.path, path };
}

/**
 * Flattens an object schema's properties, nested objects and array items included, into
 * dotted names: "data.id", "errors[].source.pointer".
 *
 * @param {Record<string, any>} document
 * @param {Record<string, any>} schema
 * @param {Array<string | number>} schemaPath
 * @param {string} prefix
 * @param {Map<string, WireField>} into
 * @param {number} depth
 * @param {string} source
 */
function flatten(document, schema, schemaPath, prefix, into, depth, source) {
  if (depth > MAX_DEPTH || !schema || typeof schema !== "object") return;
  if (schema.type === "array" || schema.items) {
    const items = derefAt(document, schema.items ?? {}, [...schemaPath, "items"], source);
    flatten(document, items.node, items.path, `${prefix}[]`, into, depth + 1, source);
    return;
  }
  const required = new Set(schema.required ?? []);
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    const at = derefAt(document, raw, [...schemaPath, "properties", name], source);
    const key = prefix ? `${prefix}.${name}` : name;
    into.set(key, {
      shape: shapeOf(document, at.node, required.has(name), source),
      at: { schemaPath: at.path, parentPath: schemaPath },
    });
    flatten(document, at.node, at.path, key, into, depth + 1, source);
  }
  for (const [index, part] of (schema.allOf ?? []).entries()) {
    const at = derefAt(document, part, [...schemaPath, "allOf", index], source);
    flatten(document, at.node, at.path, prefix, into, depth + 1, source);
  }
}

/**
 * Type, format and nullability, the same for OpenAPI 3.0 (`nullable: true`) and 3.1 (`type:
 * [string, "null"]`, or a `oneOf`/`anyOf` with `{ type: "null" }`).
 *
 * @param {Record<string, any>} document
 * @param {Record<string, any>} schema
 * @param {boolean} required
 * @param {string} source
 * @returns {FieldShape}
 */
export function shapeOf(document, schema, required, source) {
  let nullable = schema.nullable === true;
  /** @type {string[]} */
  let types = Array.isArray(schema.type) ? [...schema.type] : schema.type ? [schema.type] : [];
  let format = schema.format ?? null;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (types.length === 0 && Array.isArray(alternatives)) {
    for (const [index, raw] of alternatives.entries()) {
      const { node } = derefAt(document, raw, [index], source);
      if (node?.type === "null") nullable = true;
      else {
        const inner = shapeOf(document, node ?? {}, false, source);
        types.push(inner.type);
        format ??= inner.format;
        nullable ||= inner.nullable;
      }
    }
  }
  if (types.includes("null")) {
    nullable = true;
    types = types.filter((type) => type !== "null");
  }
  if (types.length === 0 && (schema.properties || schema.additionalProperties)) types = ["object"];
  const values = Array.isArray(schema.enum)
    ? schema.enum.filter((/** @type {unknown} */ value) => value !== null)
    : null;
  return {
    type: types.length ? [...new Set(types)].sort().join("|") : "any",
    format,
    nullable,
    required,
    deprecated: schema.deprecated === true,
    enum: values ? JSON.stringify([...values].map(String).sort()) : null,
  };
}
