// @ts-check
import { pathToFileURL } from "node:url";
import { SpecError } from "@sdkit/cli-kit";
import { deref, isObject, refPath, refTarget } from "@sdkit/openapi";
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
    const prepared = dropInlineDiscriminators(inlineRefsNamingNoComponent(withWebhooks(structuredClone(spec))));
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
 * exactly `#/components/<kind>/<name>` is replaced by a copy of what it points at (in place, across
 * the whole document, components included); references to whole components stay references.
 * A `$ref` met again inside its own copy (a recursive definition) cannot be copied out: it becomes
 * the empty schema, typed `unknown`, with a description that says why. A `$ref` that points at
 * nothing is left for openapi-typescript to report.
 *
 * @param {Record<string, any>} spec
 * @returns {Record<string, any>}
 */
export function inlineRefsNamingNoComponent(spec) {
  /** @param {unknown} node @param {Set<string>} open the refs whose copies enclose `node` */
  const visit = (node, open) => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        node[index] = visit(child, open);
      });
      return node;
    }
    if (!isObject(node)) return node;
    const ref = node.$ref;
    if (typeof ref === "string" && ref.startsWith("#") && !namesWholeComponent(ref)) {
      if (open.has(ref)) return recursiveRefFallback(ref);
      const target = refTarget(spec, ref);
      if (target === undefined) return node;
      return visit(structuredClone(target), new Set([...open, ref]));
    }
    for (const key of Object.keys(node)) node[key] = visit(node[key], open);
    return node;
  };
  for (const key of Object.keys(spec)) spec[key] = visit(spec[key], new Set());
  return spec;
}

/** @param {string} ref true for `#/components/<kind>/<name>`, the only pointer openapi-typescript can name */
function namesWholeComponent(ref) {
  const keys = refPath(ref);
  return keys !== undefined && keys.length === 3 && keys[0] === "components";
}

/** @param {string} ref the empty schema (`unknown`) standing for a `$ref` inside its own copy */
function recursiveRefFallback(ref) {
  return { description: `Recursive reference to ${ref}, which names no component: typed as unknown.` };
}

/**
 * openapi-typescript reads a `discriminator` as naming component schemas: in an `allOf` it omits
 * the discriminator property from the member and expects to write it back as the component's name.
 * On a schema that is not a component (inline, or inlined from a `$ref` into `#/paths/...` as
 * above) there is no name to write back, so the property is lost and an `allOf` member that only
 * requires it becomes `Record<string, never>`: DigitalOcean's `{ type: "assign" }` then types as
 * `never`. The discriminator adds no type there (the property's own schema says its values), so it
 * is dropped from every schema but a component's own (in place).
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
