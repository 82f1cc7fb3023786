// @ts-check

import { SpecError } from "@sdkit/cli-kit";
import { clientFileNames, coreFiles, renderClientFile, renderIndexFile } from "@sdkit/client-core";
import { isJsonMedia as isJsonMediaType, wellFormedMediaType } from "@sdkit/openapi";
import { acceptHeaderOf } from "../accept.js";
import { declaredFormEncodings } from "../form-encodings.js";
import { idempotencyHeaderOf } from "../idempotency.js";
import { methodArguments } from "../method-arguments.js";
import { GENERATED_FILE_NAMES, pascalCase, words } from "../naming.js";
import { paginationOf } from "../pagination.js";
import { jsDoc } from "../render.js";
import { WEBHOOKS_FILE, webhooksFile } from "./sdk-webhooks.js";

/** @typedef {import("../model.js").OperationModel} OperationModel */

/**
 * A body openapi-fetch encodes and parses by default: a JSON media type (@sdkit/openapi's rule), or
 * none in particular (`*\/*`, empty), as opposed to a form, multipart or a file.
 *
 * @param {string} media
 */
export function isJsonMedia(media) {
  const type = media.split(";")[0]?.trim() ?? "";
  return isJsonMediaType(type) || type === "*/*" || type === "";
}

/**
 * How a success body that is not JSON is asked for and read: `Accept` its media type, and read as
 * text (`text/plain`, `text/html`) or as a Blob (a file, an archive). Undefined for JSON.
 *
 * @param {import("../model.js").OperationModel} m
 * @returns {{ media: string, parseAs: "text" | "blob" } | undefined}
 */
export function nonJsonSuccess(m) {
  const media = m.success?.media;
  if (media === undefined || isJsonMedia(media)) return undefined;
  return { media: wellFormedMediaType(media), parseAs: /^text\//i.test(media) ? "text" : "blob" };
}

/**
 * A complete client source: `<resource>.ts` per resource (an interface, its options types and a
 * factory), `resources.ts` (every resource on one object), `core/` (@sdkit/client-core's sources,
 * re-emitted on every run), `client.ts` (the configured names: factory, client and options types,
 * error classes, defaults) and `index.ts`, the public entry. Types come from `typesModule`.
 *
 * @param {{
 *   model: ReturnType<typeof import("../model.js").buildModel>,
 *   header: string,
 *   typesModule: string,
 *   config: import("../sdk-config.js").SdkConfig,
 *   security: import("../sdk-config.js").ClientSecurityScheme[],
 *   version: string,
 *   file?: string | undefined,
 *   spec?: Record<string, any>,
 * }} input
 * @returns {Map<string, string>}
 */
export function sdkTarget({ model, header, typesModule, config, security, version, file, spec = {} }) {
  /** @type {Map<string, string>} */
  const files = new Map();
  const resourceNames = [...model.plan.keys()];
  const apiError = clientFileNames(config).apiError;
  /** @type {Map<string, string[]>} */
  const exportedTypes = new Map();
  for (const [resource, methods] of model.plan) {
    if (GENERATED_FILE_NAMES.includes(resource)) {
      throw new SpecError(`the SDK resource name "${resource}" is reserved for a generated file; set x-sdk-resource`);
    }
    if (resource === "webhooks" && model.webhookUnion !== undefined) {
      throw new SpecError(
        // A derived name gives way (webhooksResource); only a name the document chose gets here.
        'x-sdk-resource "webhooks" is the client\'s webhooks.unwrap in a document with webhooks: choose another name',
      );
    }
    const variantsOf = (/** @type {import("../naming.js").SdkMethod} */ method) =>
      method.variants.map((op) => /** @type {OperationModel} */ (model.byId.get(op.operationId)));
    files.set(
      `${resource}.ts`,
      resourceFile(resource, methods.map(variantsOf), { header, typesModule, apiError, spec, file }),
    );
    exportedTypes.set(resource, [
      `${pascal(resource)}Resource`,
      ...methods.flatMap((method) => [`${method.typeBase}Error`, `${method.typeBase}Options`]),
    ]);
  }
  const hasWebhooks = model.webhookUnion !== undefined;
  const resources = [
    `// ${header}`,
    `import type { OperationCaller } from "./core/operation.js";`,
    ...resourceNames.map(
      (name) => `import { create${pascal(name)}Resource, type ${pascal(name)}Resource } from "./${name}.js";`,
    ),
    "",
    ...(hasWebhooks ? [`import { type Webhooks, webhooks } from "./${WEBHOOKS_FILE.replace(/\.ts$/, ".js")}";`] : []),
    "",
    ...resourceNames.map((name) => `export type { ${exportedTypes.get(name)?.join(", ")} } from "./${name}.js";`),
    "",
    "/** Every resource of the API, one per tag. */",
    "export interface GeneratedResources {",
    ...resourceNames.map((name) => `  readonly ${name}: ${pascal(name)}Resource;`),
    ...(hasWebhooks
      ? [
          "  /** Verifies the webhook requests the API sends to your server: `unwrap`. */",
          "  readonly webhooks: Webhooks;",
        ]
      : []),
    "}",
    "",
    "/** Builds every resource on one caller (the client's transport, errors and options). */",
    "export function createResources(call: OperationCaller): GeneratedResources {",
    "  return {",
    ...resourceNames.map((name) => `    ${name}: create${pascal(name)}Resource(call),`),
    ...(hasWebhooks ? ["    webhooks,"] : []),
    "  };",
    "}",
    "",
  ];
  files.set("resources.ts", resources.join("\n"));
  const matchKeys = model.operations
    .filter((operation) => operation.matchKeys.length > 0)
    .map((operation) => ({
      method: operation.op.method.toUpperCase(),
      path: operation.op.path,
      keys: operation.matchKeys,
    }));
  const idempotency = model.operations.flatMap((operation) => {
    const name = idempotencyHeaderOf(operation, config.idempotencyHeader, file);
    return name === undefined
      ? []
      : [{ method: operation.op.method.toUpperCase(), path: operation.op.path, header: name }];
  });
  files.set(
    "client.ts",
    renderClientFile({ config, security, matchKeys, idempotency, version, typesModule, header, webhooks: hasWebhooks }),
  );
  files.set(
    "index.ts",
    renderIndexFile({ header, resourceTypes: [...exportedTypes.values()].flat(), webhooks: hasWebhooks }),
  );
  if (model.webhookUnion !== undefined) {
    files.set(
      WEBHOOKS_FILE,
      webhooksFile({ webhooks: model.webhooks, unionName: model.webhookUnion, typesModule, header }),
    );
  }
  for (const [name, text] of coreFiles(header)) {
    // The webhook verifier only where unwrap uses it.
    if (hasWebhooks || !/^core\/webhook/.test(name)) files.set(name, text);
  }
  return files;
}

/** @param {string} name */
function pascal(name) {
  return pascalCase(words(name));
}

/**
 * @param {string} resource
 * @param {OperationModel[][]} methods each method's variants, default first
 * @param {{ header: string, typesModule: string, apiError: string, spec: Record<string, any>, file: string | undefined }} options
 */
function resourceFile(resource, methods, { header, typesModule, apiError, spec, file }) {
  let paginated = false;
  const typeImports = new Set();
  const interfaceMembers = [];
  const optionTypes = [];
  const errorTypes = [];
  const descriptors = [];
  const implementations = [];
  const Resource = `${pascal(resource)}Resource`;
  /** The body encoders this file's descriptors name (only those are bundled). */
  const encoders = new Set();
  const useEncoder = (/** @type {{ name: string, expression: string }} */ encoder) => {
    encoders.add(encoder.name);
    return encoder.expression;
  };

  for (const variants of methods) {
    const main = /** @type {OperationModel} */ (variants[0]);
    const name = main.sdkMethod;
    // Unique across the SDK (naming.js planSdk): index.ts re-exports every resource's types.
    const Options = `${main.sdkTypeBase}Options`;
    const ErrorType = `${main.sdkTypeBase}Error`;
    const t = main.typeName;

    // Parameters of the method, in order: path parameters, then the body (or the query), then
    // options, by the rule the docs samples call it with (methodArguments).
    const { positional, queryInOptions, queryRequired, headersRequired, optionsRequired } = methodArguments(main);
    const signature = [];
    const callInput = [];
    if (main.pathParams.length > 0) {
      typeImports.add(`${t}PathParams`);
      const entries = main.pathParams.map((param) =>
        param.identifier === param.name ? param.name : `${JSON.stringify(param.name)}: ${param.identifier}`,
      );
      callInput.push(`path: { ${entries.join(", ")} }`);
    }
    for (const argument of positional) {
      if (argument.kind === "path") {
        signature.push(`${argument.param.identifier}: ${t}PathParams[${JSON.stringify(argument.param.name)}]`);
      } else if (argument.kind === "body") {
        typeImports.add(`${t}RequestBody`);
        signature.push(`body${argument.required ? "" : "?"}: ${t}RequestBody`);
        callInput.push("body");
      } else {
        typeImports.add(`${t}QueryParams`);
        signature.push(`query${argument.required ? "" : "?"}: ${t}QueryParams`);
        callInput.push("query");
      }
    }
    const optionMembers = [];
    if (queryInOptions) {
      typeImports.add(`${t}QueryParams`);
      optionMembers.push(`  /** The query parameters. */\n  query${queryRequired ? "" : "?"}: ${t}QueryParams;`);
      callInput.push("query: options?.query");
    }
    if (main.headerParams.length > 0) {
      typeImports.add(`${t}HeaderParams`);
      optionMembers.push(
        `  /** The header parameters the operation declares. */\n  headers${headersRequired ? "" : "?"}: ${t}HeaderParams;`,
      );
      callInput.push("header: options?.headers");
    }
    if (variants.length > 1) {
      const verbs = variants.map((v) => `"${v.op.method.toUpperCase()}"`);
      const described = variants.map((v) => `\`${v.op.method.toUpperCase()}\` (${v.op.operationId})`).join(", ");
      optionMembers.push(
        `${jsDoc([`The HTTP method: ${described}; the first is the default. The API treats them as the same operation.`], "  ")}  method?: ${verbs.join(" | ")};`,
      );
    }
    // A required parameter cannot follow an optional one: before required options (a required
    // query beside a body, a required header), an optional body or query is spelled `T | undefined`.
    if (optionsRequired) signature.splice(0, signature.length, ...signature.map(requiredButUndefined));
    signature.push(`options${optionsRequired ? "" : "?"}: ${Options}`);
    optionTypes.push(
      `${jsDoc([`Options of \`${resource}.${name}\`.`])}export interface ${Options} extends RequestOptions {\n${optionMembers.join("\n")}${optionMembers.length ? "\n" : ""}}`,
    );

    // What it resolves to.
    typeImports.add(`${t}Response`);
    let result = `${t}Response`;
    if (!main.success?.media) result = main.success ? "void" : "unknown";
    // A binary body is read as a Blob, whatever the schema's `format: binary` string says.
    else if (nonJsonSuccess(main)?.parseAs === "blob") result = "Blob";
    else if (main.unwrap) result = `${t}Response[${JSON.stringify(main.unwrap)}]`;

    // The error classes it may throw: a compile error (ErrorFor's constraint) for a declared status
    // the core does not map yet.
    const statusTypes = variants.map((v) => {
      typeImports.add(`${v.typeName}ErrorStatus`);
      return `${v.typeName}ErrorStatus`;
    });
    errorTypes.push(
      `${jsDoc([`What \`${resource}.${name}\` throws for the error statuses its operation${variants.length > 1 ? "s" : ""} declare${variants.length > 1 ? "" : "s"}.`])}export type ${ErrorType} = ErrorFor<${statusTypes.join(" | ")}>;`,
    );

    const doc = [
      main.op.operation.summary,
      main.op.operation.description,
      variants
        .map((v) => `\`${v.op.method.toUpperCase()} ${v.op.path}\` (operationId \`${v.op.operationId}\`)`)
        .join(", "),
      main.errorKeys.length > 0
        ? `@throws {${apiError}} a subclass per declared error status (${main.errorKeys.join(", ")}): see {@link ${ErrorType}}`
        : undefined,
      main.op.operation.deprecated === true ? "@deprecated" : undefined,
    ];
    const pagination = paginationOf(spec, main, file);
    if (pagination && variants.length > 1) {
      throw new SpecError(
        `${main.op.pointer}/x-sdk-pagination: a paginated operation cannot share the SDK method ${resource}.${name} with another verb`,
      );
    }
    if (pagination) {
      // A list: a PagePromise (awaited, the first page; iterated, every item of every page).
      paginated = true;
      const pageType = `PagePromise<${pagination.itemType}, ${t}Response>`;
      interfaceMembers.push(
        `${jsDoc([...doc, "Awaited: the first page. `for await`: every item of every page (each page one call, through the rate limiter, retries and abort); `.pages()`, `.toArray({ limit })`."], "  ")}  ${name}(${signature.join(", ")}): ${pageType};`,
      );
      descriptors.push(
        `const ${main.op.operationId.replace(/[^A-Za-z0-9_$]/g, "_")}Operation: OperationDescriptor = { ${[
          `operationId: ${JSON.stringify(main.op.operationId)}`,
          `sdkName: ${JSON.stringify(`${resource}.${name}`)}`,
          `method: ${JSON.stringify(main.op.method)}`,
          `path: ${JSON.stringify(main.op.path)}`,
          `pagination: ${JSON.stringify(pagination.descriptor)}`,
          ...acceptField(spec, main),
        ].join(", ")} };`,
      );
      implementations.push(
        `    ${name}(${signature.join(", ")}) {
      return paginate<${pagination.itemType}, ${t}Response>(call, ${main.op.operationId.replace(/[^A-Za-z0-9_$]/g, "_")}Operation, { ${callInput.join(", ")} }, options);
    },`,
      );
      continue;
    }
    // Two overloads: `{ withResponse: true }` resolves to `WithResponse<…>`, anything else to the data.
    // Options are required there, so an optional parameter before them is spelled `T | undefined`.
    const withResponseSignature = [
      ...signature.slice(0, -1).map(requiredButUndefined),
      `options: ${Options} & { withResponse: true }`,
    ];
    interfaceMembers.push(
      `${jsDoc(doc, "  ")}  ${name}(${withResponseSignature.join(", ")}): Promise<WithResponse<${result}>>;\n  ${name}(${signature.join(", ")}): Promise<${result}>;`,
    );

    for (const v of variants) {
      const fields = [
        `operationId: ${JSON.stringify(v.op.operationId)}`,
        `sdkName: ${JSON.stringify(`${resource}.${name}`)}`,
        `method: ${JSON.stringify(v.op.method)}`,
        `path: ${JSON.stringify(v.op.path)}`,
        ...(v.unwrap
          ? [`unwrap: ${JSON.stringify(v.unwrap)}`, `unwrapRequires: ${JSON.stringify(v.unwrapRequires)}`]
          : []),
        // A body that is not JSON (a form, multipart, a file): the core encodes it by its media type.
        ...(v.body && !isJsonMedia(v.body.media)
          ? [`bodyMediaType: ${JSON.stringify(v.body.contentType)}`, `encodeBody: ${useEncoder(bodyEncoderOf(v.body))}`]
          : []),
        // A success body that is not JSON: the core asks for it and reads it as text or a Blob.
        ...[nonJsonSuccess(v)?.media].flatMap((media) =>
          media ? [`responseMediaType: ${JSON.stringify(media)}`] : [],
        ),
        ...acceptField(spec, v),
      ];
      descriptors.push(`const ${v.identifier}Operation: OperationDescriptor = { ${fields.join(", ")} };`);
    }
    const descriptorOf = (/** @type {OperationModel} */ v) => `${v.identifier}Operation`;
    // A method several verbs share passes them all (one object, built once) and the one chosen;
    // the core refuses any other.
    let target = descriptorOf(main);
    if (variants.length > 1) {
      target = `${resource}${pascal(name)}Variants`.replace(/[^A-Za-z0-9_$]/g, "_");
      descriptors.push(
        `const ${target}: Readonly<Record<string, OperationDescriptor>> = { ${variants.map((v) => `${v.op.method.toUpperCase()}: ${descriptorOf(v)}`).join(", ")} };`,
      );
    }
    const verb = variants.length > 1 ? `, options?.method ?? ${JSON.stringify(main.op.method.toUpperCase())}` : "";
    implementations.push(
      `    async ${name}(${signature.join(", ")}) {\n      return call<never>(${target}, { ${callInput.join(", ")} }, options${verb});\n    },`,
    );
  }

  return [
    `// ${header}`,
    `import type { ${[...typeImports].sort().join(", ")} } from ${JSON.stringify(typesModule)};`,
    `import type { ErrorFor } from "./client.js";`,
    `import type { OperationCaller, OperationDescriptor } from "./core/operation.js";`,
    ...(paginated ? [`import { type PagePromise, paginate } from "./core/pagination.js";`] : []),
    `import type { RequestOptions${implementations.some((text) => text.includes("async ")) ? ", WithResponse" : ""} } from "./core/request-options.js";`,
    ...(encoders.size > 0 ? [`import { ${[...encoders].sort().join(", ")} } from "./core/body-encoding.js";`] : []),
    "",
    optionTypes.join("\n\n"),
    "",
    errorTypes.join("\n\n"),
    "",
    `${jsDoc([`The \`${resource}\` resource: one method per operation.`])}export interface ${Resource} {`,
    interfaceMembers.join("\n"),
    "}",
    "",
    descriptors.join("\n"),
    "",
    `export function create${pascal(resource)}Resource(call: OperationCaller): ${Resource} {`,
    "  return {",
    implementations.join("\n"),
    "  };",
    "}",
    "",
  ].join("\n");
}

/**
 * The descriptor's `accept` member, where the operation needs more than the client's default
 * (see accept.js): none for an operation that answers JSON only.
 *
 * @param {Record<string, any>} spec
 * @param {OperationModel} m
 */
function acceptField(spec, m) {
  const accept = acceptHeaderOf(spec, m.op.operation, m.success?.media);
  return accept === undefined ? [] : [`accept: ${JSON.stringify(accept)}`];
}

/**
 * The core's encoder of a request body that is not JSON, as the name to import and the expression
 * that encodes: `encodeForm`, or `formEncoder({...})` where the form declares how fields are
 * written (form-encodings.js), `encodeMultipart`, `encodeRaw`.
 *
 * @param {{ media: string, mediaObject?: unknown }} body
 * @returns {{ name: string, expression: string }}
 */
export function bodyEncoderOf(body) {
  const name = encoderOf(body.media);
  const declared = name === "encodeForm" ? declaredFormEncodings(body.media, body.mediaObject) : undefined;
  if (declared === undefined) return { name, expression: name };
  return { name: "formEncoder", expression: `formEncoder(${JSON.stringify(declared)})` };
}

/**
 * The core's encoder of a request media type that is not JSON.
 *
 * @param {string} media
 */
export function encoderOf(media) {
  const type = media.split(";")[0]?.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return "encodeForm";
  if (type === "multipart/form-data") return "encodeMultipart";
  return "encodeRaw";
}

/**
 * `name?: T` as `name: T | undefined`, for a parameter that precedes a required one.
 *
 * @param {string} part
 */
function requiredButUndefined(part) {
  return part.replace(/^(\w+)\?: (.*)$/, "$1: $2 | undefined");
}
