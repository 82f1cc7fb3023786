import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { deref, type OpenApiDocument, responseFor, type SpecOperation } from "./spec.js";

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

/** OpenAPI 3.0 keywords that are not JSON Schema and carry no constraint. */
const ANNOTATIONS_ONLY = new Set(["example", "xml", "externalDocs", "discriminator", "deprecated"]);
const SCHEMA_REF = "#/components/schemas/";

type Schema = Record<string, unknown>;

/**
 * Converts an OpenAPI 3.0 Schema Object to JSON Schema (draft-07 as Ajv reads it): `nullable: true`
 * becomes a `"null"` type, boolean `exclusiveMinimum`/`exclusiveMaximum` become numbers, component
 * `$ref`s point into `$defs`, and annotation-only keywords are dropped so Ajv can stay strict.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== "object" || node === null) return node;
  const source = node as Schema;
  if (typeof source.$ref === "string") {
    if (!source.$ref.startsWith(SCHEMA_REF)) throw new Error(`unexpected $ref in a schema: ${source.$ref}`);
    return { $ref: `#/$defs/${source.$ref.slice(SCHEMA_REF.length)}` };
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (ANNOTATIONS_ONLY.has(key) || key === "nullable") continue;
    if (key === "properties" && typeof value === "object" && value !== null) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]));
    } else if (["items", "additionalProperties", "not", "allOf", "anyOf", "oneOf"].includes(key)) {
      out[key] = toJsonSchema(value);
    } else if ((key === "exclusiveMinimum" || key === "exclusiveMaximum") && typeof value === "boolean") {
      const bound = key === "exclusiveMinimum" ? "minimum" : "maximum";
      if (value) out[key] = source[bound];
    } else {
      out[key] = value;
    }
  }
  if (out.exclusiveMinimum !== undefined) delete out.minimum;
  if (out.exclusiveMaximum !== undefined) delete out.maximum;
  if (source.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else return { anyOf: [out, { type: "null" }] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

/**
 * Compiles validators for the schemas of the bundled spec's responses: every component schema is
 * available under `$defs`, so `$ref`s inside a response schema resolve without a custom loader.
 */
export class ResponseValidator {
  readonly #spec: OpenApiDocument;
  readonly #ajv = new Ajv({ strict: true, allErrors: true });
  readonly #defs: Schema;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(spec: OpenApiDocument) {
    this.#spec = spec;
    addFormats(this.#ajv);
    const schemas = spec.components?.schemas ?? {};
    this.#defs = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, toJsonSchema(schema)]));
  }

  /** Whether (operation, status) declares an `application/json` body with a schema. */
  declaresJson(operation: SpecOperation, status: string): boolean {
    return responseFor(this.#spec, operation, status).content?.["application/json"]?.schema !== undefined;
  }

  /** JSON Schema of the `application/json` body declared for (operation, status). */
  schemaFor(operation: SpecOperation, status: string): Schema {
    const response = responseFor(this.#spec, operation, status);
    const media = response.content?.["application/json"];
    if (!media?.schema) throw new Error(`${operation.operationId} ${status} declares no application/json schema`);
    return { ...(toJsonSchema(deref(this.#spec, media.schema)) as Schema), $defs: this.#defs };
  }

  /** Problems with `body` as a list of readable lines; empty when it matches the declared schema. */
  problems(operation: SpecOperation, status: string, body: unknown): string[] {
    const key = `${operation.operationId} ${status}`;
    let validate = this.#compiled.get(key);
    if (!validate) {
      validate = this.#ajv.compile(this.schemaFor(operation, status));
      this.#compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((error) => `body${error.instancePath} ${error.message ?? "is invalid"}`);
  }
}
