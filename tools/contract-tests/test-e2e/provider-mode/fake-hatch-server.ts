import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { bundledSpecPath } from "../spec-path.js";

export interface FakeHatchServer {
  url: string;
  /** Requests that reached this server (through Prism's proxy). */
  requests: number;
  close(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked by key, untyped
type Json = Record<string, any>;
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

interface Route {
  method: string;
  pattern: RegExp;
  operation: Json;
}

/**
 * A stand-in for the Hatch API on 127.0.0.1 that serves every operation of the bundled spec: checks
 * the bearer key, refuses a body without its required fields (or with a malformed email) like the
 * real API would with JSON:API errors, and otherwise answers the operation's first declared 2xx with
 * a body built from its schema. `breakSuccess` makes those bodies violate the spec (their first
 * string value a number) to prove the contract suite catches a provider that drifts.
 */
export async function startFakeHatchServer(options: {
  apiKey: string;
  breakSuccess?: boolean;
  document?: Json;
}): Promise<FakeHatchServer> {
  const document: Json = options.document ?? JSON.parse(readFileSync(bundledSpecPath(), "utf8"));
  const routes = routesOf(document);
  const state = { requests: 0 };
  const server = createServer(async (request, response) => {
    state.requests += 1;
    let raw = "";
    for await (const chunk of request) raw += chunk;
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const route = routes.find(
      (candidate) => candidate.method === request.method?.toLowerCase() && candidate.pattern.test(path),
    );
    if (!route) return send(response, 404, { errors: [jsonApiError("Not found", "no such route", "/")] });
    if (request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return send(response, 401, { errors: [jsonApiError("Unauthorized", "A valid API key is required.", "/")] });
    }
    const bodySchema = resolve(document, route.operation.requestBody)?.content?.["application/json"]?.schema;
    if (bodySchema) {
      const problems = validateBody(raw, flatten(document, bodySchema));
      if (problems.length > 0) return send(response, 422, { errors: problems });
    }
    const status = Object.keys(route.operation.responses ?? {})
      .filter((code) => /^2\d\d$/.test(code))
      .sort()[0];
    if (!status) return send(response, 500, { errors: [jsonApiError("No success", "none declared", "/")] });
    const schema = resolve(document, route.operation.responses[status])?.content?.["application/json"]?.schema;
    if (!schema) return send(response, Number(status), undefined);
    const body = sample(document, schema, new Set());
    return send(response, Number(status), options.breakSuccess ? breakFirstString(body).value : body);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function routesOf(document: Json): Route[] {
  const routes: Route[] = [];
  for (const [path, item] of Object.entries<Json>(document.paths ?? {})) {
    const pattern = new RegExp(
      `^${path
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
        .join("[^/]+")}$`,
    );
    for (const method of METHODS) {
      if (item[method]) routes.push({ method, pattern, operation: item[method] });
    }
  }
  return routes;
}

/** Follows local `$ref`s ("#/components/…") until a value that is not one. */
function resolve(document: Json, value: Json | undefined): Json | undefined {
  let current = value;
  for (let depth = 0; current?.$ref && depth < 32; depth += 1) {
    current = String(current.$ref)
      .replace(/^#\//, "")
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<Json | undefined>((node, key) => node?.[key], document);
  }
  return current;
}

/** A schema with its `allOf` parts merged (properties and required), for validation and samples. */
function flatten(document: Json, schema: Json | undefined): Json {
  const resolved = resolve(document, schema) ?? {};
  if (!resolved.allOf) return resolved;
  const parts = resolved.allOf.map((part: Json) => flatten(document, part));
  return {
    ...Object.assign({}, ...parts),
    ...resolved,
    allOf: undefined,
    properties: Object.assign({}, ...parts.map((part: Json) => part.properties), resolved.properties),
    required: [...parts.flatMap((part: Json) => part.required ?? []), ...(resolved.required ?? [])],
  };
}

/** A value that fits `schema`: every property, one array item, the first enum value. */
function sample(document: Json, schema: Json | undefined, seen: Set<Json>): unknown {
  const flat = flatten(document, schema);
  if (seen.has(flat)) return null;
  const choice = flat.oneOf?.[0] ?? flat.anyOf?.[0];
  if (choice) return sample(document, choice, seen);
  if (flat.enum) return flat.enum.find((value: unknown) => value !== null) ?? flat.enum[0];
  const type = Array.isArray(flat.type) ? flat.type.find((item: string) => item !== "null") : flat.type;
  if (type === "object" || flat.properties) {
    const inner = new Set(seen).add(flat);
    return Object.fromEntries(
      Object.entries<Json>(flat.properties ?? {}).map(([name, property]) => [name, sample(document, property, inner)]),
    );
  }
  if (type === "array") return [sample(document, flat.items, new Set(seen).add(flat))];
  if (type === "integer" || type === "number") return flat.minimum ?? 1;
  if (type === "boolean") return true;
  if (type === "string") return stringOf(flat);
  return null;
}

function stringOf(schema: Json): string {
  if (typeof schema.example === "string") return schema.example;
  switch (schema.format) {
    case "email":
      return "someone@example.com";
    case "uuid":
      return randomUUID();
    case "date-time":
      return new Date(0).toISOString();
    case "date":
      return "2024-01-01";
    case "uri":
      return "https://example.com/";
    default:
      return randomUUID().slice(0, Math.max(schema.minLength ?? 8, 8));
  }
}

/** The value with its first string (depth first) replaced by a number. */
function breakFirstString(value: unknown): { value: unknown; done: boolean } {
  if (typeof value === "string") return { value: 42, done: true };
  if (Array.isArray(value)) {
    const items = [...value];
    for (const [index, item] of items.entries()) {
      const broken = breakFirstString(item);
      if (broken.done) {
        items[index] = broken.value;
        return { value: items, done: true };
      }
    }
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const broken = breakFirstString(item);
      if (broken.done) return { value: { ...value, [key]: broken.value }, done: true };
    }
  }
  return { value, done: false };
}

function validateBody(raw: string, schema: Json) {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return [jsonApiError("Invalid body", "is not JSON", "/data")];
  }
  const problems = [];
  for (const name of schema.required ?? []) {
    if (body[name] == null) problems.push(jsonApiError("Invalid value", "is required", `/data/attributes/${name}`));
  }
  for (const [name, property] of Object.entries<Json>(schema.properties ?? {})) {
    const value = body[name];
    if (value == null || property.format !== "email") continue;
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(value))) {
      problems.push(jsonApiError("Invalid value", "is not a valid email address", `/data/attributes/${name}`));
    }
  }
  return problems;
}

function jsonApiError(title: string, detail: string, pointer: string) {
  return { title, detail, source: { pointer } };
}

function send(response: ServerResponse, status: number, body: unknown) {
  if (body === undefined) {
    response.writeHead(status);
    response.end();
    return;
  }
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
