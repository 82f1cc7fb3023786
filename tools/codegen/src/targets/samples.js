// @ts-check
import { mediaExample, parameterExample } from "../examples.js";
import { sampleFileName } from "../naming.js";
import { shellDoubleQuoted, shellLiteral, shellSingleQuoted, tsLiteral } from "../render.js";
import { deref, isObject } from "../spec.js";

/** @typedef {import("../model.js").OperationModel} OperationModel */

/**
 * @typedef {object} SampleOptions
 * @property {string} clientPackage the package users import the client from
 * @property {string} clientFactory its factory function
 * @property {string} clientVariable what the samples call the client
 * @property {string} apiKeyEnv the environment variable holding the API key
 */

/**
 * Two samples per operation, named after its operationId (see sampleFileName): `<name>.ts` calls
 * the generated SDK method, `<name>.sh` is the same request with curl. Both use the spec's examples.
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
  return files;
}

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
  return {
    path: values(m.pathParams, true),
    query: values(m.queryParams, false),
    headers: values(m.headerParams, false),
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
  const args = m.pathParams.map((param) => tsLiteral(example.path[param.name]));
  if (m.body) args.push(tsLiteral(example.body ?? {}));
  else if (m.queryParams.length > 0 && Object.keys(example.query).length > 0) args.push(tsLiteral(example.query));
  /** @type {Record<string, unknown>} */
  const callOptions = {};
  if (m.body && Object.keys(example.query).length > 0) callOptions.query = example.query;
  if (Object.keys(example.headers).length > 0) callOptions.headers = example.headers;
  const method = model.plan.get(m.resource)?.find((entry) => entry.name === m.sdkMethod);
  if (method && method.variants[0] !== m.op) callOptions.method = m.op.method.toUpperCase();
  if (Object.keys(callOptions).length > 0) args.push(tsLiteral(callOptions));
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
    returnsValue ? `const result = await ${call};` : `await ${call};`,
    ...(returnsValue ? ["", "console.log(result);"] : []),
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
  const example = requestExample(spec, m);
  const server = typeof spec.servers?.[0]?.url === "string" ? spec.servers[0].url.replace(/\/+$/, "") : "";
  const path = m.op.path.replace(/\{([^}]+)\}/g, (_match, name) => encodeURIComponent(String(example.path[name])));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(example.query)) {
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, String(item));
  }
  const auth = authentication(spec, m.op.operation, options.apiKeyEnv);
  if (auth.query) query.append(auth.query.name, "__API_KEY__");
  const queryString = query.size > 0 ? `?${query.toString().replace("__API_KEY__", `$${options.apiKeyEnv}`)}` : "";
  const lines = [`curl --request ${m.op.method.toUpperCase()} ${shellDoubleQuoted(`${server}${path}${queryString}`)}`];
  for (const value of auth.headers) lines.push(`--header ${shellDoubleQuoted(value)}`);
  if (auth.user) lines.push(`--user ${shellDoubleQuoted(auth.user)}`);
  for (const [name, value] of Object.entries(example.headers))
    lines.push(`--header ${shellLiteral(`${name}: ${value}`)}`);
  if (m.body) {
    lines.push(`--header ${shellDoubleQuoted(`Content-Type: ${m.body.media}`)}`);
    const json = JSON.stringify(example.body ?? {}, null, 2).replaceAll("\n", "\n  ");
    lines.push(`--data ${shellSingleQuoted(json)}`);
  }
  return `# ${header}\n${lines.join(" \\\n  ")}\n`;
}

/**
 * How curl authenticates for an operation: its first security requirement (or the document's).
 *
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} operation
 * @param {string} env
 * @returns {{ headers: string[], user?: string, query?: { name: string } }}
 */
function authentication(spec, operation, env) {
  const requirements = Array.isArray(operation.security) ? operation.security : spec.security;
  const requirement = Array.isArray(requirements) ? requirements[0] : undefined;
  /** @type {{ headers: string[], user?: string, query?: { name: string } }} */
  const result = { headers: [] };
  if (!isObject(requirement)) return result;
  for (const schemeName of Object.keys(requirement)) {
    const scheme = deref(spec, spec.components?.securitySchemes?.[schemeName]);
    if (!isObject(scheme)) continue;
    const variable = `$${env}`;
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
