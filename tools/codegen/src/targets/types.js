// @ts-check
import { pathToFileURL } from "node:url";
import { SpecError } from "@sdkit/cli-kit";
import { deref, HTTP_METHODS, isObject, refPath, refTarget } from "@sdkit/openapi";
import openapiTS, { astToString } from "openapi-typescript";
import { jsonMedia, statusKeyType } from "../model.js";
import { isIdentifier } from "../naming.js";
import { jsDoc } from "../render.js";
import { RESERVED_TYPE_NAMES } from "../type-names.js";
import { WEBHOOKS_EXTENSION, webhooksKey } from "../webhooks.js";

/**
 * `openapi.ts` (openapi-typescript's output) and `aliases.ts`: a named alias for every schema in
 * `components.schemas`, and for each operation `<Op>RequestBody`, `<Op>PathParams`,
 * `<Op>QueryParams`, `<Op>HeaderParams` (those it has), `<Op>Response` (the first 2xx body) and
 * `<Op>ErrorStatus` (its declared error keys), where `<Op>` is the operationId in PascalCase.
 *
 * @param {{ spec: Record<string, any>, model: ReturnType<typeof import("../model.js").buildModel>, file: string, header: string }} input
 * @returns {Promise<Map<string, string>>}
 */
export async function typesTarget({ spec, model, file, header }) {
  let source;
  try {
    // Discriminators go first: a schema hoisted into a component below was not one in the document.
    const prepared = inlineRefsNamingNoComponent(dropInlineDiscriminators(withWebhooks(structuredClone(spec))));
    const ast = await openapiTS(/** @type {any} */ (prepared), {
      silent: true,
      cwd: pathToFileURL(file),
      // A property with a `default` that is not `required` may be left out: the server fills it
      // in. openapi-typescript would make it required everywhere but parameters, so every request
      // body would have to pass GitHub's `start_private_fork: false` and the like.
      defaultNonNullable: false,
      // An object schema that declares no properties accepts any (JSON Schema's reading), not none:
      // an `allOf` member that only lists `required` names must not make the whole type `never`.
      emptyObjectsUnknown: true,
    });
    source = astToString(ast);
  } catch (error) {
    throw new SpecError(`openapi-typescript failed: ${/** @type {Error} */ (error).message}`, { file });
  }
  return new Map([
    ["openapi.ts", `// ${header}\n\n${source}`],
    ["aliases.ts", aliasesFile(spec, model, file, header)],
  ]);
}

/**
 * A 3.0 document's `x-webhooks` as `webhooks`, which openapi-typescript types whatever the
 * version says: the event types have one source in both.
 *
 * @param {Record<string, any>} spec a copy, changed in place
 */
function withWebhooks(spec) {
  if (webhooksKey(spec) === WEBHOOKS_EXTENSION) {
    spec.webhooks = spec[WEBHOOKS_EXTENSION];
    delete spec[WEBHOOKS_EXTENSION];
  }
  return spec;
}

/**
 * openapi-typescript can only name a whole component: it types any other `$ref` as an index into
 * its output types, which do not have the levels the pointer walks through. A `$ref` into
 * `#/paths/...` (DigitalOcean points at one operation's parameters and response schemas from
 * others) meets a `paths` type with no `schema` level and parameters wrapped in optional groups;
 * one into a component's insides (Codat's `#/components/schemas/Bill/definitions/billStatus`)
 * meets a type with no `definitions` property. Neither output compiles. So every `$ref` that is not
 * exactly `#/components/<kind>/<name>` is rewritten (in place, across the whole document,
 * components included); references to whole components stay references.
 *
 * A `$ref` to a schema that sits inside something else (a property, `items`, an `allOf` member or a
 * `definitions` entry of a component schema; the `schema` of a parameter, header or media type) is
 * hoisted: what it points at becomes a component schema of its own, named from the pointer
 * (`Bill_billStatus`, a numeric suffix when the name is taken), and both its old place and every
 * `$ref` to it refer to that component (a schema that is itself a `$ref` is copied, which is as
 * cheap, so a reference to a whole component stays one). Copying it instead is exponential: Redocly leaves Azure's
 * network documents with refs into component insides that nest and point into each other, and a
 * copy of a DAG of such refs is the tree of all its paths (4 GB of heap did not hold
 * network-applicationGateway's). Hoisted, each schema is written once, and one that contains
 * itself stays a recursive type. Every target is found in the document as written, before any is
 * moved: a pointer may walk through another's target.
 *
 * A `$ref` to anything else (a parameter, a response, a request body) is replaced by a copy of what
 * it points at. A `$ref` met again inside its own copy (a recursive definition) cannot be copied
 * out: it becomes the empty schema, typed `unknown`, with a description that says why. A `$ref`
 * that points at nothing is left for openapi-typescript to report.
 *
 * @param {Record<string, any>} spec
 * @returns {Record<string, any>}
 */
export function inlineRefsNamingNoComponent(spec) {
  /** @type {Map<string, { keys: string[], target: unknown }>} pointer (its keys as JSON) → its target */
  const targets = new Map();
  /** @param {unknown} node */
  const collect = (node) => {
    if (Array.isArray(node)) return node.forEach(collect);
    if (!isObject(node)) return;
    const keys = innerPointer(node.$ref);
    if (keys !== undefined) {
      const id = JSON.stringify(keys);
      if (!targets.has(id)) targets.set(id, { keys, target: refTarget(spec, /** @type {string} */ (node.$ref)) });
    }
    for (const child of Object.values(node)) collect(child);
  };
  collect(spec);

  /** @type {Map<string, string>} pointer → the component schema hoisted from it */
  const hoisted = hoistSchemas(spec, targets);

  /** @param {unknown} node @param {Set<string>} open the pointers whose copies enclose `node` */
  const visit = (node, open) => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        node[index] = visit(child, open);
      });
      return node;
    }
    if (!isObject(node)) return node;
    const keys = innerPointer(node.$ref);
    if (keys !== undefined) {
      const id = JSON.stringify(keys);
      const name = hoisted.get(id);
      if (name !== undefined) {
        node.$ref = `#/components/schemas/${name}`;
        withAnnotations(node, targets.get(id)?.target);
      } else {
        if (open.has(id)) return recursiveRefFallback(node.$ref);
        const target = targets.get(id)?.target;
        if (target === undefined) return node;
        return visit(structuredClone(target), new Set([...open, id]));
      }
    }
    for (const key of Object.keys(node)) node[key] = visit(node[key], open);
    return node;
  };
  for (const key of Object.keys(spec)) spec[key] = visit(spec[key], new Set());
  return spec;
}

/**
 * Moves each target of `targets` that is a schema object, by its pointer, into
 * `components.schemas` under a new name, leaving a `$ref` to it in its place. A schema that is
 * itself a `$ref` stays where it is: a copy of it is that `$ref`, as small as a reference to it.
 *
 * @param {Record<string, any>} spec changed in place
 * @param {Map<string, { keys: string[], target: unknown }>} targets resolved against the document as written
 * @returns {Map<string, string>} pointer (its keys as JSON) → the new component's name
 */
function hoistSchemas(spec, targets) {
  // Sorted by pointer (code units, not the locale), so the suffixes do not depend on the order the
  // document's refs were met in.
  const schemas = [...targets]
    .filter(([, { keys, target }]) => isObject(target) && typeof target.$ref !== "string" && pointsAtSchema(keys))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (schemas.length === 0) return new Map();
  spec.components = isObject(spec.components) ? spec.components : {};
  spec.components.schemas = isObject(spec.components.schemas) ? spec.components.schemas : {};
  const components = spec.components.schemas;
  const taken = new Set(Object.keys(components));
  /** @type {Map<string, string>} */
  const names = new Map();
  for (const [id, { keys }] of schemas) {
    const base = hoistedName(keys);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    names.set(id, name);
  }
  // Every place is found before any target moves: the parent of one may be another's target.
  const places = schemas.map(([id, { keys, target }]) => ({
    id,
    target,
    parent: keys.slice(0, -1).reduce((/** @type {any} */ value, key) => value[key], spec),
    key: /** @type {string} */ (keys.at(-1)),
  }));
  for (const { id, target, parent, key } of places) {
    const name = /** @type {string} */ (names.get(id));
    parent[key] = withAnnotations({ $ref: `#/components/schemas/${name}` }, target);
    components[name] = target;
  }
  return names;
}

// What openapi-typescript reads from a property's own schema, `$ref` or not: its doc comment and
// its `readonly`. A copy had them; a reference to a hoisted schema carries them alongside.
const ANNOTATIONS = [
  "title",
  "description",
  "format",
  "deprecated",
  "default",
  "example",
  "examples",
  "readOnly",
  "writeOnly",
];

/**
 * @param {Record<string, any>} ref a reference to a hoisted schema, given the annotations of
 *   `schema` it does not have itself (in place)
 * @param {unknown} schema
 */
function withAnnotations(ref, schema) {
  if (!isObject(schema)) return ref;
  for (const key of ANNOTATIONS) {
    if (key in schema && !(key in ref)) ref[key] = structuredClone(schema[key]);
  }
  return ref;
}

/**
 * @param {unknown} ref a `$ref`'s value
 * @returns {string[] | undefined} the keys of a local pointer that names no whole component
 */
function innerPointer(ref) {
  if (typeof ref !== "string" || !ref.startsWith("#") || namesWholeComponent(ref)) return undefined;
  return refPath(ref);
}

/** @param {string} ref true for `#/components/<kind>/<name>`, the only pointer openapi-typescript can name */
function namesWholeComponent(ref) {
  const keys = refPath(ref);
  return keys !== undefined && keys.length === 3 && keys[0] === "components";
}

// What each key leads to, object by object (OpenAPI 3.x and JSON Schema): `map:` is a map of such
// objects by any name, `list:` a list of them by index (a callback is a map of path items). A key
// not listed leads to something that is not a schema and holds none a pointer could mean
// (`example`, `discriminator`, `x-...`).
/** @type {Record<string, Record<string, string>>} */
const POINTER_STEPS = {
  document: { components: "components", paths: "map:pathItem", webhooks: "map:pathItem" },
  components: {
    schemas: "map:schema",
    parameters: "map:parameter",
    headers: "map:parameter",
    responses: "map:response",
    requestBodies: "map:requestBody",
    pathItems: "map:pathItem",
    callbacks: "map:map:pathItem",
  },
  pathItem: {
    parameters: "list:parameter",
    ...Object.fromEntries(HTTP_METHODS.map((method) => [method, "operation"])),
  },
  operation: {
    parameters: "list:parameter",
    requestBody: "requestBody",
    responses: "map:response",
    callbacks: "map:map:pathItem",
  },
  parameter: { schema: "schema", content: "map:media" },
  requestBody: { content: "map:media" },
  response: { content: "map:media", headers: "map:parameter" },
  media: { schema: "schema", itemSchema: "schema", encoding: "map:encoding" },
  encoding: { headers: "map:parameter" },
  schema: {
    ...Object.fromEntries(
      ["properties", "patternProperties", "definitions", "$defs", "dependentSchemas"].map((key) => [key, "map:schema"]),
    ),
    ...Object.fromEntries(["allOf", "anyOf", "oneOf", "prefixItems"].map((key) => [key, "list:schema"])),
    // `items` is a schema, or (draft 4's tuples) a list of them.
    items: "items",
    ...Object.fromEntries(
      [
        "additionalProperties",
        "additionalItems",
        "not",
        "if",
        "then",
        "else",
        "contains",
        "propertyNames",
        "unevaluatedProperties",
        "unevaluatedItems",
        "contentSchema",
      ].map((key) => [key, "schema"]),
    ),
  },
};

/**
 * @param {string[]} keys a pointer's keys
 * @returns {Array<string | undefined>} what each key leads to (`schema`, `map:schema`, ...);
 *   undefined from the first key that leads out of the objects a schema can sit in
 */
function pointerSteps(keys) {
  /** @type {Array<string | undefined>} */
  const steps = [];
  /** @type {string | undefined} */
  let at = "document";
  for (const key of keys) {
    if (at === undefined) {
      // Out of the objects a schema sits in: stays out.
    } else if (at.startsWith("map:") || at.startsWith("list:")) {
      at = at.slice(at.indexOf(":") + 1);
    } else if (at === "items" && /^\d+$/.test(key)) {
      at = "schema";
    } else {
      at = POINTER_STEPS[at === "items" ? "schema" : at]?.[key];
    }
    steps.push(at);
  }
  return steps;
}

/** @param {string[]} keys true when the pointer, by its keys alone, means a schema */
function pointsAtSchema(keys) {
  const last = pointerSteps(keys).at(-1);
  return last === "schema" || last === "items";
}

/**
 * The name of the component hoisted from a pointer: its keys from the component's name on (all of
 * them for a pointer outside `components`), without the keywords that only hold schemas by name
 * (`properties`, `definitions`, ...), each cut to letters and digits, joined by `_`:
 * `Bill/definitions/billStatus` → `Bill_billStatus`. An identifier, as every component name
 * openapi-typescript writes out should be.
 *
 * @param {string[]} keys
 */
function hoistedName(keys) {
  const steps = pointerSteps(keys);
  const from = keys[0] === "components" ? 2 : 0;
  const parts = keys
    .map((key, index) => (steps[index] === "map:schema" ? "" : key))
    .slice(from)
    .map((key) => key.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, ""))
    .filter((part) => part !== "");
  const name = parts.join("_") || "Schema";
  return isIdentifier(name) ? name : `_${name}`;
}

/** @param {string} ref the empty schema (`unknown`) standing for a `$ref` inside its own copy */
function recursiveRefFallback(ref) {
  return { description: `Recursive reference to ${ref}, which names no component: typed as unknown.` };
}

/**
 * openapi-typescript reads a `discriminator` as naming component schemas: in an `allOf` it omits
 * the discriminator property from the member and expects to write it back as the component's name.
 * On a schema that is not a component in the document (inline, or one a `$ref` into `#/paths/...`
 * points at) there is no name to write back, so the property is lost and an `allOf` member that
 * only requires it becomes `Record<string, never>`: DigitalOcean's `{ type: "assign" }` then types
 * as `never`. The discriminator adds no type there (the property's own schema says its values), so
 * it is dropped from every schema but a component's own (in place), before the schemas that
 * `$ref`s point into are hoisted into components of their own (names of the tool's making, not
 * the values the property takes).
 *
 * @param {Record<string, any>} spec
 * @returns {Record<string, any>}
 */
export function dropInlineDiscriminators(spec) {
  /** @param {unknown} node @param {boolean} isComponent */
  const visit = (node, isComponent) => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child, false);
      return;
    }
    if (!isObject(node)) return;
    if (!isComponent && isObject(node.discriminator) && typeof node.discriminator.propertyName === "string") {
      delete node.discriminator;
    }
    for (const child of Object.values(node)) visit(child, false);
  };
  for (const [key, value] of Object.entries(spec)) {
    if (key !== "components") visit(value, false);
  }
  const components = isObject(spec.components) ? spec.components : {};
  for (const [kind, entries] of Object.entries(components)) {
    if (!isObject(entries)) continue;
    for (const entry of Object.values(entries)) visit(entry, kind === "schemas");
  }
  return spec;
}

/**
 * @param {Record<string, any>} spec
 * @param {ReturnType<typeof import("../model.js").buildModel>} model
 * @param {string} file
 * @param {string} header
 */
function aliasesFile(spec, model, file, header) {
  // Every alias name is chosen by the model (type-names.js): unique and valid whatever the document
  // calls its schemas and operations. `claim` only guards that promise.
  /** @type {Set<string>} */
  const declared = new Set();
  /** @param {string} name @param {string} origin */
  const claim = (name, origin) => {
    if (declared.has(name) || RESERVED_TYPE_NAMES.has(name) || !isIdentifier(name)) {
      throw new Error(`internal: the type name ${name} for ${origin} was not made unique`);
    }
    declared.add(name);
    return name;
  };
  const blocks = [];
  const schemas = isObject(spec.components?.schemas) ? spec.components.schemas : {};
  for (const [schemaName, schema] of Object.entries(schemas)) {
    const alias = claim(model.schemaAliases.get(schemaName) ?? "", `#/components/schemas/${schemaName}`);
    const resolved = deref(spec, schema, file);
    blocks.push(
      `${jsDoc([resolved?.description ?? resolved?.title])}export type ${alias} = components["schemas"][${JSON.stringify(schemaName)}];`,
    );
  }
  for (const m of model.operations) {
    const { op, typeName } = m;
    // Through `paths`, not `operations[operationId]`: openapi-typescript rewrites some ids for its
    // `operations` keys (`#` becomes `/`), while a path and method are keys as written.
    const ref = `paths[${JSON.stringify(op.path)}][${JSON.stringify(op.method)}]`;
    const label = `${op.method.toUpperCase()} ${op.path} (${op.operationId})`;
    const origin = `#${op.pointer}`;
    if (m.body) {
      const optional = m.body.required ? "" : " | undefined";
      blocks.push(
        `${jsDoc([`The request body of \`${label}\`.`])}export type ${claim(`${typeName}RequestBody`, origin)} = NonNullable<${ref}["requestBody"]>["content"][${JSON.stringify(m.body.media)}]${optional};`,
      );
    }
    for (const [location, list] of /** @type {const} */ ([
      ["path", m.pathParams],
      ["query", m.queryParams],
      ["header", m.headerParams],
    ])) {
      if (list.length === 0) continue;
      const suffix = `${location[0]?.toUpperCase()}${location.slice(1)}Params`;
      blocks.push(
        `${jsDoc([`The ${location} parameters of \`${label}\`.`])}export type ${claim(`${typeName}${suffix}`, origin)} = NonNullable<${ref}["parameters"][${JSON.stringify(location)}]>;`,
      );
    }
    const success = m.success;
    let response = "unknown";
    if (success) {
      response = success.media
        ? `${ref}["responses"][${statusKeyType(success.key)}]["content"][${JSON.stringify(success.media)}]`
        : "undefined";
    }
    blocks.push(
      `${jsDoc([success ? `The ${success.key} body of \`${label}\`.` : `\`${label}\` declares no 2xx response.`])}export type ${claim(`${typeName}Response`, origin)} = ${response};`,
    );
    const successUnion = m.successKeys.length > 0 ? m.successKeys.map(statusKeyType).join(" | ") : "never";
    blocks.push(
      `${jsDoc([`The error statuses (and ranges) \`${label}\` declares.`])}export type ${claim(`${typeName}ErrorStatus`, origin)} = Exclude<keyof ${ref}["responses"], ${successUnion}>;`,
    );
  }
  for (const webhook of model.webhooks) {
    const label = `the webhook ${webhook.name}`;
    const ref = `NonNullable<webhooks[${JSON.stringify(webhook.name)}][${JSON.stringify(webhook.method)}]>`;
    blocks.push(
      `${jsDoc([`The event of ${label} (its ${webhook.method.toUpperCase()} body).`, webhook.summary])}export type ${claim(webhook.typeName, `#${webhook.pointer}`)} = NonNullable<${ref}["requestBody"]>["content"][${JSON.stringify(webhook.media)}];`,
    );
  }
  if (model.webhookUnion !== undefined) {
    blocks.push(
      `${jsDoc(["Every event the API's webhooks send: what `webhooks.unwrap` returns."])}export type ${claim(model.webhookUnion, "#/webhooks")} =\n${model.webhooks.map((webhook) => `  | ${webhook.typeName}`).join("\n")};`,
    );
  }
  const names = [
    ...(Object.keys(schemas).length > 0 ? ["components"] : []),
    "paths",
    ...(model.webhooks.length > 0 ? ["webhooks"] : []),
  ];
  const imports = `import type { ${names.join(", ")} } from "./openapi.js";\n`;
  return `// ${header}\n${imports}\n${blocks.join("\n\n")}\n`;
}

export { jsonMedia };
