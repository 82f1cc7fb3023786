// @ts-check
import { deref, HTTP_METHODS, isObject, listOperations, pathBeforeFragment } from "@sdkit/openapi";
import { acceptHeaderOf, CLIENT_DEFAULT_ACCEPT } from "../accept.js";
import { mediaExample, parameterExample } from "../examples.js";
import { idempotencyHeaderOf } from "../idempotency.js";
import { methodArguments } from "../method-arguments.js";
import { buildModel } from "../model.js";
import { sampleFileName } from "../naming.js";
import { shellDoubleQuoted, shellLiteral, shellSingleQuoted, tsLiteral } from "../render.js";
import { webhookSampleName } from "../webhooks.js";

/** @typedef {import("../model.js").OperationModel} OperationModel */

/**
 * @typedef {object} SampleOptions
 * @property {string} clientPackage the package users import the client from
 * @property {string} clientFactory its factory function
 * @property {string} clientVariable what the samples call the client
 * @property {string} apiKeyEnv the environment variable holding the API key
 * @property {string} [idempotencyHeader] the SDK config's `idempotencyHeader`, when it has one
 */

/**
 * Two samples per operation, named after its operationId (see sampleFileName): `<name>.ts` calls
 * the generated SDK method, `<name>.sh` is the same request with curl. Both use the spec's examples.
 * Each webhook gets one TypeScript sample (webhookSampleName): a handler verifying it with unwrap.
 *
 * @param {{ spec: Record<string, any>, model: ReturnType<typeof import("../model.js").buildModel>, header: string } & SampleOptions} input
 * @returns {Map<string, string>}
 */
export function samplesTarget({ spec, model, header, ...options }) {
  /** @type {Map<string, string>} */
  const files = new Map();
  for (const m of model.operations) {
    const name = sampleFileName(m.op.operationId);
    files.set(`${name}.ts`, typescriptSample(spec, m, model, header, options));
    files.set(`${name}.sh`, curlSample(spec, m, header, options));
  }
  for (const webhook of model.webhooks) {
    files.set(`${webhookSampleName(webhook.name)}.ts`, webhookSample(webhook, header, options));
  }
  return files;
}

/**
 * A handler for one webhook: the raw body and headers through \`webhooks.unwrap\` with the signing
 * secret (from the environment), 204 for a verified event and 400 with the reason otherwise.
 *
 * @param {import("../webhooks.js").WebhookModel} webhook
 * @param {string} header
 * @param {SampleOptions} options
 */
function webhookSample(webhook, header, options) {
  const secretEnv = `${options.apiKeyEnv.replace(/_?(API_?KEY|KEY|TOKEN|SECRET)$/i, "") || "API"}_WEBHOOK_SECRET`;
  const v = options.clientVariable;
  return [
    `// ${header}`,
    `import { ${options.clientFactory}, WebhookVerificationError } from ${JSON.stringify(options.clientPackage)};`,
    "",
    `const ${v} = ${options.clientFactory}({ apiKey: process.env.${options.apiKeyEnv} });`,
    "",
    `// Your endpoint for ${webhook.name} (a fetch-style handler): verify the raw body, then act on the event.`,
    "export async function handleWebhook(request: Request): Promise<Response> {",
    "  try {",
    `    const event = await ${v}.webhooks.unwrap(await request.text(), request.headers, {`,
    `      secret: process.env.${secretEnv} ?? "",`,
    "    });",
    "    console.log(event);",
    "    return new Response(null, { status: 204 });",
    "  } catch (error) {",
    "    // A missing header, an old timestamp, no matching signature, or a body that is no event.",
    "    if (error instanceof WebhookVerificationError) return new Response(error.reason, { status: 400 });",
    "    throw error;",
    "  }",
    "}",
    "",
  ].join("\n");
}

/**
 * Header parameters OpenAPI says to ignore (the Parameter Object: a request's `Accept`,
 * `Content-Type` and `Authorization` follow from the operation's media types and security).
 */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

/**
 * @param {Record<string, any>} spec
 * @param {OperationModel} m
 */
export function requestExample(spec, m) {
  /** @param {import("../model.js").ParameterInfo[]} list @param {boolean} all */
  const values = (list, all) =>
    Object.fromEntries(
      list
        .filter((param) => all || param.required || param.parameter.example !== undefined || param.parameter.examples)
        .map((param) => [param.name, parameterExample(spec, param.parameter)]),
    );
  // Such a header is never sent from the document's example (a documented `Accept:
  // application/json` would ask a vendor-JSON operation for what it cannot send, and a strict
  // server answers 406); where the document makes one required, so that its type asks for it,
  // the value the client sends anyway.
  /** @param {import("../model.js").ParameterInfo} param */
  const sentAnyway = (param) => {
    const name = param.name.toLowerCase();
    if (name === "accept")
      return acceptHeaderOf(spec, m.op.operation, m.success?.media) ?? CLIENT_DEFAULT_ACCEPT.join(", ");
    if (name === "content-type") return m.body?.contentType ?? "application/json";
    return parameterExample(spec, param.parameter);
  };
  const ignored = (/** @type {import("../model.js").ParameterInfo} */ param) =>
    IGNORED_HEADERS.has(param.name.toLowerCase());
  return {
    path: values(m.pathParams, true),
    query: values(m.queryParams, false),
    headers: {
      ...values(
        m.headerParams.filter((param) => !ignored(param)),
        false,
      ),
      ...Object.fromEntries(
        m.headerParams
          .filter((param) => ignored(param) && param.required)
          .map((param) => [param.name, sentAnyway(param)]),
      ),
    },
    body: m.body ? mediaExample(spec, m.body.mediaObject) : undefined,
  };
}

/**
 * @param {Record<string, any>} spec
 * @param {OperationModel} m
 * @param {ReturnType<typeof import("../model.js").buildModel>} model
 * @param {string} header
 * @param {SampleOptions} options
 */
function typescriptSample(spec, m, model, header, options) {
  const example = requestExample(spec, m);
  const { positional, queryInOptions } = methodArguments(m);
  // Each positional argument as the method declares it (methodArguments); an optional query with
  // no example value is `undefined`, dropped below unless options follow it.
  const args = positional.map((argument) => {
    if (argument.kind === "path") return tsLiteral(example.path[argument.param.name]);
    if (argument.kind === "body") return tsLiteral(example.body ?? {});
    return Object.keys(example.query).length > 0 ? tsLiteral(example.query) : "undefined";
  });
  /** @type {Record<string, unknown>} */
  const callOptions = {};
  if (queryInOptions && Object.keys(example.query).length > 0) callOptions.query = example.query;
  if (Object.keys(example.headers).length > 0) callOptions.headers = example.headers;
  const method = model.plan.get(m.resource)?.find((entry) => entry.name === m.sdkMethod);
  if (method && method.variants[0] !== m.op) callOptions.method = m.op.method.toUpperCase();
  // An operation with an idempotency key: the sample passes one, as a caller who can resend does.
  const idempotency = idempotencyHeaderOf(m, options.idempotencyHeader, undefined);
  if (idempotency !== undefined && !(idempotency in example.headers)) {
    callOptions.idempotencyKey = "<an id your system keeps for this request>";
  }
  if (Object.keys(callOptions).length > 0) args.push(tsLiteral(callOptions));
  while (args.at(-1) === "undefined") args.pop();
  const call = `${options.clientVariable}.${m.resource}.${m.sdkMethod}(${args.join(", ")})`;
  const returnsValue = Boolean(m.success?.media);
  const { summary } = m.op.operation;
  return [
    `// ${header}`,
    `import { ${options.clientFactory} } from ${JSON.stringify(options.clientPackage)};`,
    "",
    "// Keep the key on your server: read it from the environment.",
    `const ${options.clientVariable} = ${options.clientFactory}({ apiKey: process.env.${options.apiKeyEnv} });`,
    "",
    `// ${m.op.method.toUpperCase()} ${m.op.path}${typeof summary === "string" && summary ? `: ${summary.trim().split("\n")[0]}` : ""}`,
    ...(idempotency !== undefined
      ? [
          `// Sent with an ${idempotency} header: every retry reuses it, so the API applies the call once.`,
          "// Without idempotencyKey the client makes one per call; yours also makes a resend after a crash safe.",
        ]
      : []),
    // A list with x-sdk-pagination: the method's result iterates every item of every page.
    ...(m.op.operation["x-sdk-pagination"] !== undefined
      ? [`for await (const item of ${call}) {`, "  console.log(item);", "}"]
      : returnsValue
        ? [`const result = await ${call};`, "", "console.log(result);"]
        : [`await ${call};`]),
    "",
  ].join("\n");
}

/**
 * @param {Record<string, any>} spec
 * @param {OperationModel} m
 * @param {string} header
 * @param {SampleOptions} options
 */
function curlSample(spec, m, header, options) {
  const server = typeof spec.servers?.[0]?.url === "string" ? spec.servers[0].url : "";
  return `# ${header}\n${curlCommand(spec, m, { baseUrl: server, apiKey: `$${options.apiKeyEnv}` })}\n`;
}

/**
 * The operation's example request as a curl command (continued lines), sent to `baseUrl` with
 * `apiKey` as the credential text (a shell variable such as `$API_KEY`, or a literal for a mock).
 *
 * @param {Record<string, any>} spec
 * @param {OperationModel} m
 * @param {{ baseUrl: string, apiKey: string }} target
 */
export function curlCommand(spec, m, { baseUrl, apiKey }) {
  const example = requestExample(spec, m);
  const server = baseUrl.replace(/\/+$/, "");
  // A fragment in the path key (AWS's `/#Action=AssumeRole`) is never sent: the header or query
  // parameter it names is, from the example's own parameters.
  const path = pathBeforeFragment(m.op.path).replace(/\{([^}]+)\}/g, (_match, name) =>
    encodeURIComponent(String(example.path[name])),
  );
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(example.query)) {
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, String(item));
  }
  const auth = authentication(spec, m.op.operation, apiKey);
  if (auth.query) query.append(auth.query.name, "__API_KEY__");
  // URLSearchParams would percent-encode a shell variable's `$`: the key goes in after encoding.
  const queryString = query.size > 0 ? `?${query.toString().replace("__API_KEY__", apiKey)}` : "";
  const lines = [`curl --request ${m.op.method.toUpperCase()} ${shellDoubleQuoted(`${server}${path}${queryString}`)}`];
  for (const value of auth.headers) lines.push(`--header ${shellDoubleQuoted(value)}`);
  if (auth.user) lines.push(`--user ${shellDoubleQuoted(auth.user)}`);
  for (const [name, value] of Object.entries(example.headers))
    lines.push(`--header ${shellLiteral(`${name}: ${value}`)}`);
  if (m.body) {
    lines.push(`--header ${shellDoubleQuoted(`Content-Type: ${m.body.contentType}`)}`);
    const json = JSON.stringify(example.body ?? {}, null, 2).replaceAll("\n", "\n  ");
    lines.push(`--data ${shellSingleQuoted(json)}`);
  }
  return lines.join(" \\\n  ");
}

/**
 * How curl authenticates for an operation: its first security requirement (or the document's).
 *
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} operation
 * @param {string} key the credential's text in the command
 * @returns {{ headers: string[], user?: string, query?: { name: string } }}
 */
function authentication(spec, operation, key) {
  const requirements = Array.isArray(operation.security) ? operation.security : spec.security;
  const requirement = Array.isArray(requirements) ? requirements[0] : undefined;
  /** @type {{ headers: string[], user?: string, query?: { name: string } }} */
  const result = { headers: [] };
  if (!isObject(requirement)) return result;
  for (const schemeName of Object.keys(requirement)) {
    const scheme = deref(spec, spec.components?.securitySchemes?.[schemeName]);
    if (!isObject(scheme)) continue;
    const variable = key;
    if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer") {
      result.headers.push(`Authorization: Bearer ${variable}`);
    } else if (scheme.type === "http" && String(scheme.scheme).toLowerCase() === "basic") {
      result.user = `${variable}:`;
    } else if (scheme.type === "apiKey" && scheme.in === "header") {
      result.headers.push(`${scheme.name}: ${variable}`);
    } else if (scheme.type === "apiKey" && scheme.in === "query") {
      result.query = { name: scheme.name };
    } else if (scheme.type === "oauth2" || scheme.type === "openIdConnect") {
      result.headers.push(`Authorization: Bearer ${variable}`);
    }
  }
  return result;
}

/**
 * A curl command for the document's first operation (in document order), with its example
 * request: what a CLI prints to show how to call a server of that API, say a mock on `baseUrl`.
 * Undefined for a document without operations.
 *
 * @param {Record<string, any>} spec
 * @param {{ baseUrl: string, apiKey: string, file?: string }} target `file` names the document in errors
 */
export function exampleCurl(spec, { baseUrl, apiKey, file }) {
  const [first] = listOperations(spec, { file });
  if (first === undefined) return undefined;
  // Only that operation, under a resource of its own: the SDK's naming rules (tags, clashes) do
  // not apply to a curl command, and a document that breaks them still has a first operation.
  const { [first.method]: operation, ...rest } = spec.paths[first.path];
  const pathItem = Object.fromEntries(Object.entries(rest).filter(([key]) => !HTTP_METHODS.includes(key)));
  const alone = {
    ...spec,
    paths: { [first.path]: { ...pathItem, [first.method]: { ...operation, "x-sdk-resource": "example" } } },
  };
  const [model] = buildModel(alone, file).operations;
  return model === undefined ? undefined : curlCommand(alone, model, { baseUrl, apiKey });
}
