// @ts-check

import { coreFiles, NEUTRAL_ERRORS } from "@sdkit/client-core";
import { acceptsAnonymous, deref, isObject, securityRequirementsOf } from "@sdkit/openapi";
import { acceptHeaderOf } from "../accept.js";
import { DEFECTS_FILE, defectsFile, defectWaiver, operationDefects } from "../document-defects.js";
import { tsLiteral } from "../render.js";
import { successStatusOf } from "../success-status.js";
import { parameterWaiver } from "./contract-waivers.js";
import { requestExample } from "./samples.js";
import { bodyEncoderOf, isJsonMedia, nonJsonSuccess } from "./sdk.js";

/**
 * The names the contract suite's support code imports the client under test by; the generated
 * client.ts maps the SDK's configured names (sdk.config.json #/client) onto them.
 */
const CORE_CLIENT_NAMES = Object.freeze({
  factory: "createSdkClient",
  type: "SdkClient",
  options: "SdkClientOptions",
});

/** @typedef {import("../model.js").OperationModel} OperationModel */

/**
 * How Prism can be made to answer a declared response key: `Prefer: code=…` (plus which example,
 * from the document's defects there: see document-defects.js), or why it cannot, as a waiver the
 * coverage gate prints.
 *
 * @param {string} key
 * @param {Map<string, import("../document-defects.js").ResponseServing>} serving the operation's, by response key
 * @returns {{ declared: string, status?: number, prefer?: string, waived?: string, documentDefect?: { pointer: string, reason: string } }}
 */
export function provokeStatus(key, serving) {
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
  const served = serving.get(key);
  // The document contradicts itself there so that no answer the mock can give is valid.
  if (served?.kind === "waived") {
    const { pointer, reason } = served.defect;
    return { declared: key, waived: defectWaiver(served.defect), documentDefect: { pointer, reason } };
  }
  // Every example the document gives breaks the schema (GitHub's break theirs by the hundred): a body
  // Prism generates from the schema, since the tests check the answer against the schema, not the
  // document's examples. Where one named example conforms, that one.
  const choice =
    served?.kind === "dynamic" ? ", dynamic=true" : served?.kind === "example" ? `, example=${served.name}` : "";
  return { declared: key, status: code, prefer: `code=${code}${choice}` };
}

/**
 * The suites of @sdkit/contract that every consuming repository runs, each from an entry file of
 * its own (the coverage gate's name is the one its sequencer runs last): file name → export.
 */
export const CONTRACT_SUITES = Object.freeze({
  "success.test.ts": "successTests",
  "declared-statuses.test.ts": "declaredStatusTests",
  "authentication.test.ts": "authenticationTests",
  "validation.test.ts": "validationTests",
  "rate-limit.test.ts": "rateLimitTests",
  "coverage-gate.test.ts": "coverageGate",
});

/**
 * The contract tests of a client package, complete: nothing in the consuming repository is
 * hand-written but a vitest config calling `contractTestConfig()` of `@sdkit/contract/vitest`.
 *
 * - `operations.ts`: for every operation, its declared statuses (how to provoke each through
 *   Prism), its example request, and functions calling it through openapi-fetch's typed surface and
 *   through the generated SDK method. The suites iterate over it; nothing in them names an operation.
 * - `client.ts`: the client package under the fixed names the suites use (see clientBridge).
 * - `subject.ts`: both, as the suites' `ContractSubject`.
 * - `global-setup.ts`: one Prism for the run, on the bundled spec (found relative to this folder),
 *   or a validating proxy in front of a real server when `providerUrlEnv` is set.
 * - one `<suite>.test.ts` per suite of @sdkit/contract (CONTRACT_SUITES).
 *
 * @param {{ spec: Record<string, any>, model: ReturnType<typeof import("../model.js").buildModel>, header: string,
 *   clientPackage: string, clientType: string, clientFactory: string, apiKeyEnv: string, providerUrlEnv: string,
 *   specFromOut: string }} input `specFromOut`: the spec's path relative to the output folder
 * @returns {Map<string, string>}
 */
export function contractTarget({ spec, model, header, clientPackage, clientType, clientFactory, ...env }) {
  // The core's encoders the bindings use, one per kind of body that is not JSON (as the SDK's
  // descriptors name theirs): the core exports no generic "encode by media type" function.
  const encoders = [
    ...new Set(
      model.operations.flatMap((m) => (m.body && !isJsonMedia(m.body.media) ? [bodyEncoderOf(m.body).name] : [])),
    ),
  ].sort();
  const encodesBodies = encoders.length > 0;
  // The document's own defects, found once: each status they leave without a valid mock answer is
  // waived, one whose examples break the schema is asked for dynamically (document-defects.js).
  const judged = new WeakMap();
  const defectsByOperation = model.operations.map((m) => operationDefects(spec, m.op, judged));
  const blocks = model.operations.map((m, index) =>
    operationEntry(spec, m, model, CORE_CLIENT_NAMES.type, defectsByOperation[index]?.serving ?? new Map()),
  );
  const file = [
    `// ${header}`,
    `import type { ${CORE_CLIENT_NAMES.type} } from "./client.js";`,
    ...(encodesBodies ? [`import { ${encoders.join(", ")} } from "./core/body-encoding.js";`] : []),
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
    "  /** The document's own defect that leaves it without a valid answer (document-defects.json): every suite waives it. */",
    "  documentDefect?: { pointer: string; reason: string };",
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
    "  /** Why no request the document accepts can be built (every status is waived with it); absent when one can. */",
    "  waived?: string;",
    "  /** The required properties of the JSON request body, when it has any: leaving them out must give 422. */",
    "  requiredBodyFields: string[];",
    "  /** Calls it through openapi-fetch's typed surface with the spec's example request. */",
    `  openapiFetch(client: ${CORE_CLIENT_NAMES.type}, overrides?: ContractOverrides): Promise<{ data?: unknown; error?: unknown; response: Response }>;`,
    "  /** Calls the generated SDK method with the spec's example request. */",
    `  sdk(client: ${CORE_CLIENT_NAMES.type}, overrides?: ContractOverrides): Promise<unknown>;`,
    "}",
    "",
    "export const contractOperations: ContractOperation[] = [",
    blocks.join("\n"),
    "];",
    "",
  ].join("\n");
  const files = new Map([
    ["operations.ts", file],
    ["client.ts", clientBridge({ header, clientPackage, clientType, clientFactory })],
    ["subject.ts", subjectFile(header)],
    ["global-setup.ts", globalSetupFile(header, env)],
    [
      DEFECTS_FILE,
      defectsFile(
        defectsByOperation.flatMap((found) => found.defects),
        header,
      ),
    ],
  ]);
  // The bindings encode a body that is not JSON as the SDK methods do: with the client core's own
  // encoder, re-emitted here as in the client (which keeps it internal).
  const encoder = coreFiles(header).get("core/body-encoding.ts");
  if (encodesBodies && encoder) files.set("core/body-encoding.ts", encoder);
  // A suite whose status no operation declares would register no test, which vitest fails as an
  // empty file: its entry is written only where it has something to check (the success suite's
  // where some operation has a success status, and the authentication suite's where some operation
  // declaring a 401 refuses anonymous calls: by the rules the suites themselves apply).
  const declares = (/** @type {string} */ status) => model.operations.some((m) => m.op.statuses.includes(status));
  /** @type {Record<string, boolean>} */
  const applies = {
    "success.test.ts": model.operations.some((m) => successStatusOf(m.op) !== undefined),
    "declared-statuses.test.ts": model.operations.some((m) => m.op.statuses.length > 0),
    "authentication.test.ts": model.operations.some(
      (m) => m.op.statuses.includes("401") && !acceptsAnonymous(securityRequirementsOf(spec, m.op.operation)),
    ),
    "validation.test.ts": model.operations.some(
      (m) => m.op.statuses.includes("422") && requiredBodyFieldsOf(spec, m).length > 0,
    ),
    "rate-limit.test.ts": declares("429"),
  };
  for (const [name, suite] of Object.entries(CONTRACT_SUITES)) {
    if (applies[name] === false) continue;
    files.set(
      name,
      [
        `// ${header}`,
        `import { ${suite} } from "@sdkit/contract";`,
        'import { subject } from "./subject.js";',
        "",
        `await ${suite}(subject);`,
        "",
      ].join("\n"),
    );
  }
  return files;
}

/**
 * `client.ts`: the client package under the fixed names the suites of @sdkit/contract use (the
 * package's own are the SDK config's): its factory and types (CORE_CLIENT_NAMES), the error
 * classes the behaviour suites expect, and the status → error class map. The one file that knows the client package's
 * exports, so a change there is a change here only.
 *
 * @param {{ header: string, clientPackage: string, clientType: string, clientFactory: string }} input
 */
function clientBridge({ header, clientPackage, clientType, clientFactory }) {
  const from = JSON.stringify(clientPackage);
  return [
    `// ${header}`,
    "// The client under test, by the names the suites of @sdkit/contract use (the package's own are the SDK config's).",
    "",
    "export {",
    `  ${clientFactory} as ${CORE_CLIENT_NAMES.factory},`,
    "  AuthenticationError,",
    "  RateLimitError,",
    "  ValidationError,",
    `} from ${from};`,
    `export type { ${clientType} as ${CORE_CLIENT_NAMES.type}, ${clientType}Options as ${CORE_CLIENT_NAMES.options} } from ${from};`,
    `import { ${[...NEUTRAL_ERRORS.map(([name]) => name), "ServerError"].sort().join(", ")} } from ${from};`,
    "",
    "/** The client's API error class: the one every status class extends. */",
    "const ApiError = Object.getPrototypeOf(AuthenticationError) as typeof AuthenticationError;",
    "",
    "/**",
    " * The class the client throws for each response key, as its one status map says: the statuses it",
    " * names, any other 5xx a ServerError, any other status its API error class.",
    " */",
    "export const errorClasses: Record<string | number, abstract new (...args: never[]) => Error & { status: number }> = {",
    "  default: ApiError,",
    '  "4XX": ApiError,',
    '  "5XX": ServerError,',
    "};",
    `const named: Record<number, abstract new (...args: never[]) => Error & { status: number }> = { ${NEUTRAL_ERRORS.map(([name, status]) => `${status}: ${name}`).join(", ")} };`,
    "for (let status = 400; status < 600; status += 1) {",
    "  errorClasses[status] = named[status] ?? (status >= 500 ? ServerError : ApiError);",
    "}",
    "",
  ].join("\n");
}

/**
 * The top-level required fields of an operation's request body (what the 422 probe leaves out).
 *
 * @param {Record<string, any>} spec
 * @param {OperationModel} m
 * @returns {string[]}
 */
function requiredBodyFieldsOf(spec, m) {
  const requestSchema = m.body ? deref(spec, m.body.mediaObject?.schema) : undefined;
  return isObject(requestSchema) && Array.isArray(requestSchema.required) ? requestSchema.required : [];
}

/** @param {string} header */
function subjectFile(header) {
  return [
    `// ${header}`,
    'import type { ContractSubject } from "@sdkit/contract";',
    'import * as client from "./client.js";',
    'import { contractOperations } from "./operations.js";',
    "",
    "/** The client under test and its operation bindings, as the suites of @sdkit/contract take them. */",
    `export const subject: ContractSubject<client.${CORE_CLIENT_NAMES.type}> = { client, operations: contractOperations };`,
    "",
  ].join("\n");
}

/**
 * @param {string} header
 * @param {{ apiKeyEnv: string, providerUrlEnv: string, specFromOut: string }} env
 */
function globalSetupFile(header, { apiKeyEnv, providerUrlEnv, specFromOut }) {
  const specUrl = /^(\/|[A-Za-z]:[\\/])/.test(specFromOut)
    ? `new URL(${JSON.stringify(`file://${specFromOut.startsWith("/") ? "" : "/"}${specFromOut.replaceAll("\\", "/")}`)})`
    : `new URL(${JSON.stringify(specFromOut.startsWith(".") ? specFromOut : `./${specFromOut}`)}, import.meta.url)`;
  return [
    `// ${header}`,
    'import { contractGlobalSetup } from "@sdkit/contract/vitest";',
    "",
    "// One Prism for the run: a mock of the bundled spec, or, with the provider variable set to a server's",
    "// URL, a validating proxy in front of that server (its key read from the key variable, never printed).",
    "export default contractGlobalSetup({",
    `  specPath: ${specUrl},`,
    `  apiKeyEnv: ${JSON.stringify(apiKeyEnv)},`,
    `  providerUrlEnv: ${JSON.stringify(providerUrlEnv)},`,
    "});",
    "",
  ].join("\n");
}

/**
 * @param {Record<string, any>} spec
 * @param {OperationModel} m
 * @param {ReturnType<typeof import("../model.js").buildModel>} model
 * @param {string} clientType
 * @param {Map<string, import("../document-defects.js").ResponseServing>} serving how each response key is asked for
 */
function operationEntry(spec, m, model, clientType, serving) {
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
  const bodyMedia = m.body && !isJsonMedia(m.body.media) ? m.body.contentType : undefined;
  // A success body that is not JSON is asked for and read as the SDK methods do.
  const answer = nonJsonSuccess(m);
  const headers = [
    ...(bodyMedia && !/^multipart\/form-data/i.test(bodyMedia) ? [`"Content-Type": ${JSON.stringify(bodyMedia)}`] : []),
    // The same Accept as the SDK method's (accept.js): the success type first, errors' types after.
    ...[acceptHeaderOf(spec, m.op.operation, m.success?.media) ?? answer?.media].flatMap((accept) =>
      accept ? [`Accept: ${JSON.stringify(accept)}`] : [],
    ),
  ];
  const init = [
    ...(params.length > 0 ? [`params: { ${params.join(", ")} }`] : []),
    ...(bodyLiteral ? [`body: ${bodyLiteral}`] : []),
    // A body that is not JSON is encoded as the client's SDK methods encode it.
    ...(bodyMedia && m.body ? [`bodySerializer: (body: unknown) => ${bodyEncoderOf(m.body).expression}(body)`] : []),
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

  const requiredBodyFields = requiredBodyFieldsOf(spec, m);
  const statuses = m.op.statuses.map((key) => provokeStatus(key, serving));
  const waived = parameterWaiver(spec, m, example);
  return [
    "  {",
    `${i}operationId: ${JSON.stringify(m.op.operationId)},`,
    `${i}method: ${JSON.stringify(m.op.method)},`,
    `${i}path: ${JSON.stringify(m.op.path)},`,
    `${i}sdkName: ${JSON.stringify(sdkPath)},`,
    `${i}unwrap: ${m.unwrap === undefined ? "undefined" : JSON.stringify(m.unwrap)},`,
    `${i}statuses: ${tsLiteral(statuses, i)},`,
    ...(waived === undefined ? [] : [`${i}waived: ${JSON.stringify(waived)},`]),
    `${i}requiredBodyFields: ${tsLiteral(requiredBodyFields, i)},`,
    `${i}openapiFetch: ${openapiFetch},`,
    `${i}sdk: ${sdk},`,
    "  },",
  ].join("\n");
}
