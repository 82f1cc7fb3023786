// @ts-check

import { conformsTo } from "../example-check.js";
import { jsonMedia } from "../model.js";
import { tsLiteral } from "../render.js";
import { deref, isObject } from "../spec.js";
import { requestExample } from "./samples.js";
import { isJsonMedia, nonJsonSuccess } from "./sdk.js";

/**
 * The names the contract suite's support code imports the client under test by; the generated
 * client.ts maps the SDK's configured names (sdk.config.json #/client) onto them.
 */
const SUITE_CLIENT_NAMES = Object.freeze({
  factory: "createSdkClient",
  type: "SdkClient",
  options: "SdkClientOptions",
});

/** @typedef {import("../model.js").OperationModel} OperationModel */

/**
 * How Prism can be made to answer a declared response key: `Prefer: code=…` (plus which example,
 * see exampleChoice), or why it cannot, as a waiver the coverage gate prints.
 *
 * @param {Record<string, any>} spec
 * @param {OperationModel} m
 * @param {string} key
 * @returns {{ declared: string, status?: number, prefer?: string, waived?: string }}
 */
export function provokeStatus(spec, m, key) {
  if (key === "default") {
    return {
      declared: key,
      waived:
        "`default` stands for statuses the spec does not list, and Prism's `Prefer: code=` serves listed ones only",
    };
  }
  const code = /^\d{3}$/.test(key) ? Number(key) : Number(`${key[0]}00`);
  if (!/^[245](\d\d|XX)$/i.test(key)) {
    return {
      declared: key,
      waived: `fetch follows redirects and never exposes 1xx answers, so a ${key} cannot reach the client`,
    };
  }
  const response = deref(spec, m.op.operation.responses[key]);
  const media = isObject(response) ? jsonMedia(response.content) : undefined;
  const content = media ? response.content[media] : undefined;
  return { declared: key, status: code, prefer: `code=${code}${exampleChoice(spec, content)}` };
}

/**
 * Which answer Prism should serve for a response's JSON content: the first named example that
 * conforms to the schema; Prism's own (static) choice when the content has no example, or a
 * single one that conforms; and a body Prism generates from the schema (`dynamic=true`) when
 * every example the document gives breaks it (GitHub's break theirs by the hundred), since the
 * tests check the answer against the schema, not the document's examples.
 *
 * @param {Record<string, any>} spec
 * @param {any} content a Media Type Object, or undefined
 */
function exampleChoice(spec, content) {
  if (!isObject(content)) return "";
  if (isObject(content.examples) && Object.keys(content.examples).length > 0) {
    const named = Object.entries(content.examples).find(([, entry]) => {
      const example = deref(spec, entry);
      return isObject(example) && example.value !== undefined && conformsTo(spec, content.schema, example.value);
    });
    return named ? `, example=${named[0]}` : ", dynamic=true";
  }
  if (content.example !== undefined && !conformsTo(spec, content.schema, content.example)) return ", dynamic=true";
  return "";
}

/**
 * `operations.ts`: for every operation, its declared statuses (how to provoke each through Prism),
 * its example request, and functions calling it through openapi-fetch's typed surface and through
 * the generated SDK method. The contract tests iterate over it; nothing in them names an operation.
 * `client.ts`: the client package's factory and types (`clientFactory`, `clientType` and
 * `<clientType>Options`) under fixed names, so that the suite's support code names none of them.
 *
 * @param {{ spec: Record<string, any>, model: ReturnType<typeof import("../model.js").buildModel>, header: string, clientPackage: string, clientType: string, clientFactory: string }} input
 * @returns {Map<string, string>}
 */
export function contractTarget({ spec, model, header, clientPackage, clientType, clientFactory }) {
  const blocks = model.operations.map((m) => operationEntry(spec, m, model, clientType));
  const file = [
    `// ${header}`,
    `import type { ${clientType} } from ${JSON.stringify(clientPackage)};`,
    ...(model.operations.some((m) => m.body && !isJsonMedia(m.body.media))
      ? [
          "",
          "/** A body that is not JSON, encoded for openapi-fetch's surface as a user would (the SDK methods do this themselves). */",
          "function encodeBody(media: string, body: unknown): BodyInit {",
          "  const fields = Object.entries(body as Record<string, unknown>).flatMap(([name, value]) =>",
          "    value == null ? [] : (Array.isArray(value) ? value : [value]).map((item) => [name, item] as const),",
          "  );",
          '  const text = (value: unknown) => (typeof value === "object" ? JSON.stringify(value) : String(value));',
          "  if (/^application\\/x-www-form-urlencoded/i.test(media)) {",
          "    return new URLSearchParams(fields.map(([name, value]) => [name, text(value)]));",
          "  }",
          "  if (/^multipart\\/form-data/i.test(media)) {",
          "    const form = new FormData();",
          "    for (const [name, value] of fields) form.append(name, value instanceof Blob ? value : text(value));",
          "    return form;",
          "  }",
          "  return body as BodyInit;",
          "}",
        ]
      : []),
    "",
    "/** A declared response key and how the suite provokes it through Prism (or why it cannot). */",
    "export interface ContractStatus {",
    '  /** As declared: "200", "404", "5XX", "default". */',
    "  declared: string;",
    "  /** The status asked for (a range asks for its first code). */",
    "  status?: number;",
    "  /** The `Prefer` header that makes Prism answer with it. */",
    "  prefer?: string;",
    "  /** Why Prism cannot produce it; the coverage gate lists it as waived with this reason. */",
    "  waived?: string;",
    "}",
    "",
    "export interface ContractOverrides {",
    "  /** Extra request headers (`Prefer`). */",
    "  headers?: Record<string, string>;",
    "  /** A body to send instead of the example (the 422 probe). */",
    "  body?: unknown;",
    "}",
    "",
    "/** How the contract suite calls one operation of the spec. */",
    "export interface ContractOperation {",
    "  operationId: string;",
    "  /** Lower case, as in the spec. */",
    "  method: string;",
    "  path: string;",
    "  /** `resource.method` of the generated SDK. */",
    "  sdkName: string;",
    "  /** The SDK method resolves to this property of the success body (`x-sdk-unwrap`). */",
    "  unwrap: string | undefined;",
    "  statuses: ContractStatus[];",
    "  /** The required properties of the JSON request body, when it has any: leaving them out must give 422. */",
    "  requiredBodyFields: string[];",
    "  /** Calls it through openapi-fetch's typed surface with the spec's example request. */",
    `  openapiFetch(client: ${clientType}, overrides?: ContractOverrides): Promise<{ data?: unknown; error?: unknown; response: Response }>;`,
    "  /** Calls the generated SDK method with the spec's example request. */",
    `  sdk(client: ${clientType}, overrides?: ContractOverrides): Promise<unknown>;`,
    "}",
    "",
    "export const contractOperations: ContractOperation[] = [",
    blocks.join("\n"),
    "];",
    "",
  ].join("\n");
  const from = JSON.stringify(clientPackage);
  const client = [
    `// ${header}`,
    "// The client under test, by the names the suite's support code uses (the package's own are the SDK config's).",
    "",
    `export { ${clientFactory} as ${SUITE_CLIENT_NAMES.factory} } from ${from};`,
    `export type { ${clientType} as ${SUITE_CLIENT_NAMES.type}, ${clientType}Options as ${SUITE_CLIENT_NAMES.options} } from ${from};`,
    "",
  ].join("\n");
  return new Map([
    ["operations.ts", file],
    ["client.ts", client],
  ]);
}

/**
 * @param {Record<string, any>} spec
 * @param {OperationModel} m
 * @param {ReturnType<typeof import("../model.js").buildModel>} model
 * @param {string} clientType
 */
function operationEntry(spec, m, model, clientType) {
  const example = requestExample(spec, m);
  const i = "    ";
  const sdkPath = `${m.resource}.${m.sdkMethod}`;
  const bodyType = `Parameters<${clientType}[${JSON.stringify(m.resource)}][${JSON.stringify(m.sdkMethod)}]>[${m.pathParams.length}]`;
  const bodyLiteral = m.body
    ? `(overrides.body ?? (${tsLiteral(example.body ?? {}, `${i}  `)} satisfies ${bodyType})) as ${bodyType}`
    : undefined;

  // openapi-fetch: client.POST("/path", { params, body, headers })
  /** @type {string[]} */
  const params = [];
  if (m.pathParams.length > 0) params.push(`path: ${tsLiteral(example.path, `${i}    `)}`);
  if (Object.keys(example.query).length > 0) params.push(`query: ${tsLiteral(example.query, `${i}    `)}`);
  if (Object.keys(example.headers).length > 0) params.push(`header: ${tsLiteral(example.headers, `${i}    `)}`);
  const bodyMedia = m.body && !isJsonMedia(m.body.media) ? m.body.media : undefined;
  // A success body that is not JSON is asked for and read as the SDK methods do.
  const answer = nonJsonSuccess(m);
  const headers = [
    ...(bodyMedia && !/^multipart\/form-data/i.test(bodyMedia) ? [`"Content-Type": ${JSON.stringify(bodyMedia)}`] : []),
    ...(answer ? [`Accept: ${JSON.stringify(answer.media)}`] : []),
  ];
  const init = [
    ...(params.length > 0 ? [`params: { ${params.join(", ")} }`] : []),
    ...(bodyLiteral ? [`body: ${bodyLiteral}`] : []),
    // A body that is not JSON is encoded as the client's SDK methods encode it.
    ...(bodyMedia ? [`bodySerializer: (body: unknown) => encodeBody(${JSON.stringify(bodyMedia)}, body)`] : []),
    ...(answer ? [`parseAs: ${JSON.stringify(answer.parseAs)}`] : []),
    headers.length > 0 ? `headers: { ${headers.join(", ")}, ...overrides.headers }` : "headers: overrides.headers",
  ];
  const openapiFetch = `(client, overrides = {}) =>\n${i}  client.${m.op.method.toUpperCase()}(${JSON.stringify(m.op.path)}, { ${init.join(", ")} })`;

  // SDK: client.resource.method(...pathParams, body | query, options)
  const args = m.pathParams.map((param) => tsLiteral(example.path[param.name]));
  if (bodyLiteral) args.push(bodyLiteral);
  else if (m.queryParams.length > 0) args.push(tsLiteral(example.query, `${i}  `));
  /** @type {string[]} */
  const options = [];
  if (m.body && Object.keys(example.query).length > 0) options.push(`query: ${tsLiteral(example.query, `${i}  `)}`);
  if (m.headerParams.length > 0) options.push(`headers: ${tsLiteral(example.headers, `${i}  `)}`);
  const method = model.plan.get(m.resource)?.find((entry) => entry.name === m.sdkMethod);
  if (method && method.variants.length > 1) options.push(`method: ${JSON.stringify(m.op.method.toUpperCase())}`);
  args.push(`{ ${options.join(", ")} }`);
  const sdk = `(client, overrides = {}) => {\n${i}  void overrides;\n${i}  return client.${sdkPath}(${args.join(", ")});\n${i}}`;

  const requestSchema = m.body ? deref(spec, m.body.mediaObject?.schema) : undefined;
  const requiredBodyFields =
    isObject(requestSchema) && Array.isArray(requestSchema.required) ? requestSchema.required : [];
  const statuses = m.op.statuses.map((key) => provokeStatus(spec, m, key));
  return [
    "  {",
    `${i}operationId: ${JSON.stringify(m.op.operationId)},`,
    `${i}method: ${JSON.stringify(m.op.method)},`,
    `${i}path: ${JSON.stringify(m.op.path)},`,
    `${i}sdkName: ${JSON.stringify(sdkPath)},`,
    `${i}unwrap: ${m.unwrap === undefined ? "undefined" : JSON.stringify(m.unwrap)},`,
    `${i}statuses: ${tsLiteral(statuses, i)},`,
    `${i}requiredBodyFields: ${tsLiteral(requiredBodyFields, i)},`,
    `${i}openapiFetch: ${openapiFetch},`,
    `${i}sdk: ${sdk},`,
    "  },",
  ].join("\n");
}
