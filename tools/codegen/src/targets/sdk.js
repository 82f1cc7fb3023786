// @ts-check
import { SpecError } from "@sdkit/bundle";
import { pascalCase, words } from "../naming.js";
import { jsDoc } from "../render.js";

/** @typedef {import("../model.js").OperationModel} OperationModel */

/** A JSON media type (openapi-fetch's default encoding), as opposed to a form, multipart or a file. @param {string} media */
export function isJsonMedia(media) {
  const type = media.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || type.endsWith("+json") || type === "*/*" || type === "";
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
  return { media, parseAs: /^text\//i.test(media) ? "text" : "blob" };
}

/**
 * SDK resources: `<resource>.ts` per resource (an interface, its options types and a factory) and
 * `index.ts` (all resources on one object). The generated code imports its types from `typesModule`
 * (the aliases of the types target) and its runtime from `coreModule`, a hand-written module that
 * must export `OperationCaller`, `OperationDescriptor`, `RequestOptions`, `WithResponse`, `ErrorFor` and
 * `selectVariant` (see README).
 *
 * @param {{ model: ReturnType<typeof import("../model.js").buildModel>, header: string, typesModule: string, coreModule: string }} input
 * @returns {Map<string, string>}
 */
export function sdkTarget({ model, header, typesModule, coreModule }) {
  /** @type {Map<string, string>} */
  const files = new Map();
  const resourceNames = [...model.plan.keys()];
  /** @type {Map<string, string[]>} */
  const exportedTypes = new Map();
  for (const [resource, methods] of model.plan) {
    if (["index", "resources"].includes(resource)) {
      throw new SpecError(`the SDK resource name "${resource}" is reserved for a generated file; set x-sdk-resource`);
    }
    const variantsOf = (/** @type {import("../naming.js").SdkMethod} */ method) =>
      method.variants.map((op) => /** @type {OperationModel} */ (model.byId.get(op.operationId)));
    files.set(`${resource}.ts`, resourceFile(resource, methods.map(variantsOf), { header, typesModule, coreModule }));
    exportedTypes.set(resource, [
      `${pascal(resource)}Resource`,
      ...methods.flatMap((method) => [`${method.typeBase}Error`, `${method.typeBase}Options`]),
    ]);
  }
  // index.ts holds only types (the client re-exports all of it); resources.ts builds the objects.
  const index = [
    `// ${header}`,
    ...resourceNames.map((name) => `import type { ${pascal(name)}Resource } from "./${name}.js";`),
    "",
    ...resourceNames.map((name) => `export type { ${exportedTypes.get(name)?.join(", ")} } from "./${name}.js";`),
    "",
    "/** Every resource of the API, one per tag. */",
    "export interface GeneratedResources {",
    ...resourceNames.map((name) => `  readonly ${name}: ${pascal(name)}Resource;`),
    "}",
    "",
  ];
  const resources = [
    `// ${header}`,
    `import type { OperationCaller } from ${JSON.stringify(coreModule)};`,
    `import type { GeneratedResources } from "./index.js";`,
    ...resourceNames.map((name) => `import { create${pascal(name)}Resource } from "./${name}.js";`),
    "",
    "/** Builds every resource on one caller (the client's transport, errors and options). */",
    "export function createResources(call: OperationCaller): GeneratedResources {",
    "  return {",
    ...resourceNames.map((name) => `    ${name}: create${pascal(name)}Resource(call),`),
    "  };",
    "}",
    "",
  ];
  files.set("resources.ts", resources.join("\n"));
  files.set("match-keys.ts", matchKeysFile(model, header));
  files.set("index.ts", index.join("\n"));
  return files;
}

/**
 * The operations that match an existing record by a body property (`x-sdk-match-keys`), as data for
 * the core's default resend rule, which also covers calls through the openapi-fetch surface.
 *
 * @param {ReturnType<typeof import("../model.js").buildModel>} model
 * @param {string} header
 */
function matchKeysFile(model, header) {
  const entries = model.operations
    .filter((operation) => operation.matchKeys.length > 0)
    .map(
      (operation) =>
        `  { method: ${JSON.stringify(operation.op.method.toUpperCase())}, path: ${JSON.stringify(operation.op.path)}, keys: [${operation.matchKeys.map((key) => JSON.stringify(key)).join(", ")}] },`,
    );
  return [
    `// ${header}`,
    "",
    "/** Operations that update the record matching one of `keys` in the body instead of creating one. */",
    "export const MATCH_KEYS: readonly { method: string; path: string; keys: readonly string[] }[] = [",
    ...entries,
    "];",
    "",
  ].join("\n");
}

/** @param {string} name */
function pascal(name) {
  return pascalCase(words(name));
}

/**
 * @param {string} resource
 * @param {OperationModel[][]} methods each method's variants, default first
 * @param {{ header: string, typesModule: string, coreModule: string }} options
 */
function resourceFile(resource, methods, { header, typesModule, coreModule }) {
  const typeImports = new Set();
  const interfaceMembers = [];
  const optionTypes = [];
  const errorTypes = [];
  const descriptors = [];
  const implementations = [];
  const Resource = `${pascal(resource)}Resource`;

  for (const variants of methods) {
    const main = /** @type {OperationModel} */ (variants[0]);
    const name = main.sdkMethod;
    // Unique across the SDK (naming.js planSdk): index.ts re-exports every resource's types.
    const Options = `${main.sdkTypeBase}Options`;
    const ErrorType = `${main.sdkTypeBase}Error`;
    const t = main.typeName;

    // Parameters of the method, in order: path parameters, then the body (or the query), then options.
    const signature = [];
    const callInput = [];
    for (const param of main.pathParams) {
      typeImports.add(`${t}PathParams`);
      signature.push(`${param.identifier}: ${t}PathParams[${JSON.stringify(param.name)}]`);
    }
    if (main.pathParams.length > 0) {
      const entries = main.pathParams.map((param) =>
        param.identifier === param.name ? param.name : `${JSON.stringify(param.name)}: ${param.identifier}`,
      );
      callInput.push(`path: { ${entries.join(", ")} }`);
    }
    const optionMembers = [];
    if (main.body) {
      typeImports.add(`${t}RequestBody`);
      signature.push(`body${main.body.required ? "" : "?"}: ${t}RequestBody`);
      callInput.push("body");
    }
    const queryRequired = main.queryParams.some((param) => param.required);
    if (main.queryParams.length > 0) {
      typeImports.add(`${t}QueryParams`);
      if (main.body) {
        optionMembers.push(`  /** The query parameters. */\n  query${queryRequired ? "" : "?"}: ${t}QueryParams;`);
        callInput.push("query: options?.query");
      } else {
        signature.push(`query${queryRequired ? "" : "?"}: ${t}QueryParams`);
        callInput.push("query");
      }
    }
    const headersRequired = main.headerParams.some((param) => param.required);
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
    const optionsRequired = (main.queryParams.length > 0 && main.body && queryRequired) || headersRequired;
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
        ? `@throws {HatchApiError} a subclass per declared error status (${main.errorKeys.join(", ")}): see {@link ${ErrorType}}`
        : undefined,
      main.op.operation.deprecated === true ? "@deprecated" : undefined,
    ];
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
        ...(v.body && !isJsonMedia(v.body.media) ? [`bodyMediaType: ${JSON.stringify(v.body.media)}`] : []),
        // A success body that is not JSON: the core asks for it and reads it as text or a Blob.
        ...[nonJsonSuccess(v)?.media].flatMap((media) =>
          media ? [`responseMediaType: ${JSON.stringify(media)}`] : [],
        ),
      ];
      descriptors.push(`const ${v.identifier}Operation: OperationDescriptor = { ${fields.join(", ")} };`);
    }
    const descriptorOf = (/** @type {OperationModel} */ v) => `${v.identifier}Operation`;
    const operation =
      variants.length > 1
        ? `selectVariant(${JSON.stringify(`${resource}.${name}`)}, { ${variants
            .map((v) => `${v.op.method.toUpperCase()}: ${descriptorOf(v)}`)
            .join(", ")} }, options?.method ?? ${JSON.stringify(main.op.method.toUpperCase())})`
        : descriptorOf(main);
    implementations.push(
      `    async ${name}(${signature.join(", ")}) {\n      return call<never>(${operation}, { ${callInput.join(", ")} }, options);\n    },`,
    );
  }

  const usesSelect = methods.some((variants) => variants.length > 1);
  const coreImports = [
    "type ErrorFor",
    "type OperationCaller",
    "type OperationDescriptor",
    "type RequestOptions",
    "type WithResponse",
    ...(usesSelect ? ["selectVariant"] : []),
  ];
  return [
    `// ${header}`,
    `import type { ${[...typeImports].sort().join(", ")} } from ${JSON.stringify(typesModule)};`,
    `import { ${coreImports.join(", ")} } from ${JSON.stringify(coreModule)};`,
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
 * `name?: T` as `name: T | undefined`, for a parameter that precedes a required one.
 *
 * @param {string} part
 */
function requiredButUndefined(part) {
  return part.replace(/^(\w+)\?: (.*)$/, "$1: $2 | undefined");
}
