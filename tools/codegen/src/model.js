// @ts-check
import { SpecError } from "@sdkit/cli-kit";
import { deref, isObject, jsonMediaOf, listOperations, pointer, wellFormedMediaType } from "@sdkit/openapi";
import { camelCase, isIdentifier, planSdk, words } from "./naming.js";
import { operationIdentifier, operationTypePrefix, schemaAliases } from "./type-names.js";
import { webhookEvents, webhookModels } from "./webhooks.js";

/** @typedef {import("@sdkit/openapi").ListedOperation} ListedOperation */

/**
 * @typedef {object} ParameterInfo
 * @property {string} name as in the spec
 * @property {string} identifier a JavaScript name for it
 * @property {boolean} required
 * @property {any} parameter the Parameter Object
 */

/**
 * @typedef {object} OperationModel
 * @property {ListedOperation} op
 * @property {string} typeName PascalCase prefix of the operation's type aliases, unique among every
 *   alias the types target declares (see type-names.js)
 * @property {string} identifier a JavaScript identifier for the operation's values, unique in the document
 * @property {string} sdkTypeBase PascalCase prefix of its SDK method's exported types (`<…>Options`,
 *   `<…>Error`), unique in the SDK
 * @property {string} resource SDK resource
 * @property {string} sdkMethod SDK method
 * @property {ParameterInfo[]} pathParams in the order they appear in the path
 * @property {ParameterInfo[]} queryParams
 * @property {ParameterInfo[]} headerParams
 * @property {{ media: string, contentType: string, required: boolean, mediaObject: any } | undefined} body
 *   `media` is the document's key (what the types index by), `contentType` the header value sent
 *   (@sdkit/openapi's wellFormedMediaType of it)
 * @property {{ key: string, media: string | undefined } | undefined} success the first 2xx response
 * @property {string[]} successKeys every declared 1xx-3xx key
 * @property {string[]} errorKeys every other declared key (4xx, 5xx, ranges, default)
 * @property {string | undefined} unwrap the property of the success body the SDK method returns
 * @property {string[]} unwrapRequires the properties the unwrapped value's schema requires
 * @property {string[]} matchKeys body properties by which the operation matches an existing record
 *   (`x-sdk-match-keys`): resending it is safe when the body carries one of them
 */

/**
 * Everything the generators need about a document: its operations with their names and shapes,
 * and the SDK plan (resources, methods, merged variants). Validates as it goes, so every target
 * fails the same way on the same bad input.
 *
 * @param {Record<string, any>} spec
 * @param {string} [file]
 */
export function buildModel(spec, file) {
  const operations = listOperations(spec, { file });
  // The client's `webhooks.unwrap` is there when the document has a webhook event to unwrap: then no
  // tag's resource may be called `webhooks`.
  const events = webhookEvents(spec, file);
  const plan = planSdk(operations, file, { clientMembers: events.length > 0 ? ["webhooks"] : [] });
  // Names are chosen in document order (schemas first), so they do not depend on the SDK plan.
  /** @type {Set<string>} */
  const typeNames = new Set();
  const aliases = schemaAliases(spec, typeNames);
  /** @type {Set<string>} */
  const identifiers = new Set();
  /** @type {Map<string, { typeName: string, identifier: string }>} */
  const names = new Map(
    operations.map((op) => [
      op.operationId,
      {
        typeName: operationTypePrefix(op.operationId, typeNames),
        identifier: operationIdentifier(op.operationId, identifiers),
      },
    ]),
  );
  // After every operation's names: a document that gains webhooks keeps its other type names.
  const { webhooks, unionName: webhookUnion } = webhookModels(spec, file, typeNames, events);
  /** @type {Map<string, OperationModel>} */
  const byId = new Map();
  for (const [resource, methods] of plan) {
    for (const method of methods) {
      for (const op of method.variants) {
        const model = operationModel(spec, op, resource, method.name, file);
        Object.assign(model, names.get(op.operationId), { sdkTypeBase: method.typeBase });
        byId.set(op.operationId, model);
      }
    }
  }
  const models = operations.map((op) => /** @type {OperationModel} */ (byId.get(op.operationId)));
  return { operations: models, plan, byId, schemaAliases: aliases, webhooks, webhookUnion };
}

/**
 * The media type a body or a success response is generated for: the JSON one (@sdkit/openapi's
 * rule), else the first declared.
 *
 * @param {unknown} content
 */
export function jsonMedia(content) {
  if (!isObject(content)) return undefined;
  return jsonMediaOf(content) ?? Object.keys(content)[0];
}

/**
 * @param {Record<string, any>} spec
 * @param {ListedOperation} op
 * @param {string} resource
 * @param {string} sdkMethod
 * @param {string} [file]
 * @returns {OperationModel}
 */
function operationModel(spec, op, resource, sdkMethod, file) {
  /** @param {string} location */
  const params = (location) =>
    op.parameters
      .filter((parameter) => parameter.in === location)
      .map((parameter) => ({
        name: parameter.name,
        identifier: parameterIdentifier(parameter.name),
        required: parameter.required === true || location === "path",
        parameter,
      }));
  const pathOrder = [...op.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  const pathParams = params("path").sort((a, b) => pathOrder.indexOf(a.name) - pathOrder.indexOf(b.name));
  for (const name of pathOrder) {
    if (!pathParams.some((parameter) => parameter.name === name)) {
      // A key with a query string (`/search?q={q}`) is the usual cause: say how to move it.
      const hint = op.path.includes("?")
        ? " (the key holds a query string: move it to the path, its items to query parameters, as sdkit-scaffold's 00-keys-with-query-strings.yaml overlay does)"
        : "";
      throw new SpecError(`the path template names {${name}}, but no path parameter "${name}" is declared${hint}`, {
        file,
        pointer: op.pointer,
      });
    }
  }
  const requestBody = deref(spec, op.operation.requestBody, file);
  const bodyMedia = isObject(requestBody) ? jsonMedia(requestBody.content) : undefined;
  const responses = isObject(op.operation.responses) ? op.operation.responses : {};
  const successKeys = op.statuses.filter((key) => /^[123]/.test(key));
  const errorKeys = op.statuses.filter((key) => !/^[123]/.test(key));
  const successKey = op.statuses.filter((key) => /^2/.test(key)).sort()[0];
  let success;
  if (successKey !== undefined) {
    const response = deref(spec, responses[successKey], file);
    success = { key: successKey, media: isObject(response) ? jsonMedia(response.content) : undefined };
  }
  const unwrap = op.operation["x-sdk-unwrap"];
  const unwrapRequires = unwrap === undefined ? [] : checkUnwrap(spec, op, unwrap, success, file);
  const matchKeys = checkMatchKeys(spec, op, bodyMedia ? requestBody.content[bodyMedia] : undefined, file);
  return {
    op,
    typeName: "",
    identifier: "",
    sdkTypeBase: "",
    resource,
    sdkMethod,
    pathParams,
    queryParams: params("query"),
    headerParams: params("header"),
    body: bodyMedia
      ? {
          media: bodyMedia,
          contentType: wellFormedMediaType(bodyMedia),
          required: requestBody.required === true,
          mediaObject: requestBody.content[bodyMedia],
        }
      : undefined,
    success,
    successKeys,
    errorKeys,
    unwrap,
    unwrapRequires,
    matchKeys,
  };
}

/**
 * `x-sdk-match-keys: [phoneNumber, email]` says the operation updates the record that has one of
 * these body properties instead of creating another (an upsert), so a request that may have been
 * applied can be sent again when its body carries one of them. Each must be a property of the JSON
 * request body's schema.
 *
 * @param {Record<string, any>} spec
 * @param {ListedOperation} op
 * @param {any} media the request body's JSON Media Type Object, if any
 * @param {string} [file]
 * @returns {string[]}
 */
function checkMatchKeys(spec, op, media, file) {
  const keys = op.operation["x-sdk-match-keys"];
  if (keys === undefined) return [];
  const where = { file, pointer: `${op.pointer}/x-sdk-match-keys` };
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((key) => typeof key === "string" && key !== "")) {
    throw new SpecError(`must be a non-empty list of request body properties, found ${JSON.stringify(keys)}`, where);
  }
  if (!media) throw new SpecError("the operation declares no JSON request body to match by", where);
  const schema = deref(spec, media.schema, file);
  const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
  const unknown = keys.filter((key) => !Object.hasOwn(properties, key));
  if (unknown.length > 0) {
    throw new SpecError(
      `${unknown.map((key) => JSON.stringify(key)).join(", ")} not a property of the request body`,
      where,
    );
  }
  return keys;
}

/**
 * `x-sdk-unwrap: data` makes the SDK method resolve to the success body's `data` property (the
 * JSON:API envelope): only valid when the success schema requires that property.
 *
 * @param {Record<string, any>} spec
 * @param {ListedOperation} op
 * @param {unknown} unwrap
 * @param {{ key: string, media: string | undefined } | undefined} success
 * @param {string} [file]
 * @returns {string[]} the properties the unwrapped value's schema requires
 */
function checkUnwrap(spec, op, unwrap, success, file) {
  const where = { file, pointer: `${op.pointer}/x-sdk-unwrap` };
  if (typeof unwrap !== "string" || unwrap === "") {
    throw new SpecError(`must name a property of the success body, found ${JSON.stringify(unwrap)}`, where);
  }
  if (!success?.media) throw new SpecError("the operation declares no JSON success body to unwrap", where);
  const response = deref(spec, op.operation.responses[success.key], file);
  const schema = deref(spec, response.content[success.media]?.schema, file);
  const required = isObject(schema) && Array.isArray(schema.required) ? schema.required : [];
  if (!required.includes(unwrap)) {
    throw new SpecError(
      `the ${success.key} body schema (${pointer("paths", op.path, op.method, "responses", success.key)}) does not require "${unwrap}"`,
      where,
    );
  }
  const inner = deref(spec, schema.properties?.[unwrap], file);
  return isObject(inner) && Array.isArray(inner.required)
    ? inner.required.filter((name) => typeof name === "string")
    : [];
}

/** @param {string} name */
function parameterIdentifier(name) {
  const candidate = isIdentifier(name) ? name : camelCase(words(name));
  const identifier = isIdentifier(candidate)
    ? candidate
    : `param${candidate[0]?.toUpperCase() ?? ""}${candidate.slice(1)}`;
  return ["body", "query", "options"].includes(identifier) ? `${identifier}Param` : identifier;
}

/**
 * TypeScript for a response key as openapi-typescript types it: numbers for codes, strings for
 * ranges and `default`.
 *
 * @param {string} key
 */
export function statusKeyType(key) {
  return /^\d{3}$/.test(key) ? key : JSON.stringify(key);
}
