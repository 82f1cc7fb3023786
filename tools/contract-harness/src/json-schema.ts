import { documentRefs, lenientRegExp, toJsonSchema } from "@sdkit/codegen";
import { jsonMediaOf } from "@sdkit/openapi";
import { Ajv, type Format, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { essenceOf } from "./media-range.js";
import { deref, type OpenApiDocument, responseFor, type SpecOperation } from "./spec.js";

// The conversion lives with the example check of the generators, so the examples they choose are
// the ones these checks accept.
export { toJsonSchema };

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

type Schema = Record<string, unknown>;

/** Formats the document uses that Ajv and ajv-formats do not define. */
function customFormats(spec: unknown): string[] {
  const known = new Ajv();
  addFormats(known);
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === "object" && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "format" && typeof value === "string" && !known.formats[value]) found.add(value);
        else visit(value);
      }
    }
  };
  visit(spec);
  return [...found];
}

/**
 * Compiles validators for the schemas of the bundled spec's responses: every component schema is
 * available under `$defs`, so `$ref`s inside a response schema resolve without a custom loader.
 */
export class ResponseValidator {
  readonly #spec: OpenApiDocument;
  readonly #ajv: Ajv;
  readonly #defs: Schema;
  readonly #ref: (ref: string) => string;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(spec: OpenApiDocument) {
    this.#spec = spec;
    // OpenAPI 3.1 schemas are JSON Schema 2020-12 (`unevaluatedProperties`, `prefixItems`, ...);
    // 3.0's are the draft-07-like dialect converted by toJsonSchema. Strict about unknown keywords;
    // not about where `type` is written: real documents put `properties` in an `allOf` member
    // without repeating `type: object` (Train Travel), which constrains nothing less; nor about a
    // `required` name the schema does not declare (DigitalOcean's logtail `endpoint`): valid JSON
    // Schema, which strict Ajv would refuse to compile, failing every test of the operation.
    // A `pattern` only the `u` flag refuses (`[\w\-]`, common in real documents) is compiled
    // without it (lenientRegExp) instead of failing the compilation, and with it every test of
    // the operation.
    const options = {
      strict: true,
      strictTypes: false,
      strictRequired: false,
      allErrors: true,
      code: { regExp: lenientRegExp },
    } as const;
    this.#ajv = String(spec.openapi).startsWith("3.1") ? (new Ajv2020(options) as unknown as Ajv) : new Ajv(options);
    addFormats(this.#ajv);
    // `url` is no JSON Schema format: documents mean a URI by it, as the mock serves it (Prism
    // generates `uri` values there). ajv-formats' deprecated `url` pattern refuses URIs Prism
    // writes (a comma in the path), so it is read as `uri` here too.
    this.#ajv.addFormat("url", this.#ajv.formats.uri as Format);
    // A format OpenAPI leaves open (`iso-country-code`) cannot be checked: accept any value for it
    // rather than refusing the schema.
    for (const format of customFormats(spec)) this.#ajv.addFormat(format, true);
    // Component schemas under their names; any other schema a `$ref` points at (into `#/paths/...`,
    // as bundlers write them) under `@ref<n>`, which no component name can be (they are
    // `[A-Za-z0-9._-]+`), added the first time a schema refers to it.
    const defs: Record<string, unknown> = {};
    this.#ref = documentRefs(spec as Record<string, unknown>, {
      component: (name) => `#/$defs/${name}`,
      other: (index) => `#/$defs/@ref${index}`,
      define: (target, schema) => {
        defs[target.slice("#/$defs/".length)] = schema;
      },
    });
    const schemas = spec.components?.schemas ?? {};
    for (const [name, schema] of Object.entries(schemas)) defs[name] = toJsonSchema(schema, this.#ref);
    this.#defs = defs as Schema;
  }

  /**
   * The JSON media type object declared for (operation, status), by @sdkit/openapi's rule:
   * `application/json`, else the first JSON type (`application/problem+json`, `application/vnd.api+json`),
   * else `*\/*`: the generated client reads "any type" as JSON, and the mock answers it so.
   */
  #jsonMedia(operation: SpecOperation, status: string): { schema?: unknown } | undefined {
    const content: Record<string, { schema?: unknown }> = responseFor(this.#spec, operation, status).content ?? {};
    const key = jsonMediaOf(content) ?? Object.keys(content).find((media) => essenceOf(media) === "*/*");
    return key === undefined ? undefined : content[key];
  }

  /** The media types (operation, status) declares a body in; none for a response without content. */
  declaredMedia(operation: SpecOperation, status: string): string[] {
    return Object.keys(responseFor(this.#spec, operation, status).content ?? {});
  }

  /** Whether (operation, status) declares a JSON body with a schema. */
  declaresJson(operation: SpecOperation, status: string): boolean {
    return this.#jsonMedia(operation, status)?.schema !== undefined;
  }

  /**
   * JSON Schema of the JSON body declared for (operation, status), with the definitions it reaches
   * and no others: Ajv checks every schema it is given against the meta-schema, so one component
   * no operation uses that is not valid JSON Schema (Codat's `Item` writes a schema where a type
   * name belongs) would otherwise fail every test of the document, and a large document's
   * hundreds of components would be checked again for each operation.
   */
  schemaFor(operation: SpecOperation, status: string): Schema {
    const media = this.#jsonMedia(operation, status);
    if (!media?.schema) throw new Error(`${operation.operationId} ${status} declares no JSON schema`);
    const schema = toJsonSchema(deref(this.#spec, media.schema), this.#ref) as Schema;
    return { ...schema, $defs: this.#reachedDefs(schema) };
  }

  /** The `$defs` entries a schema reaches through `$ref`s, theirs included. */
  #reachedDefs(schema: Schema): Schema {
    const reached: Record<string, unknown> = {};
    const pending: unknown[] = [schema];
    while (pending.length > 0) {
      const node = pending.pop();
      if (Array.isArray(node)) pending.push(...node);
      else if (typeof node === "object" && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          if (key === "$ref" && typeof value === "string" && value.startsWith("#/$defs/")) {
            const name = value.slice("#/$defs/".length).split("/")[0] ?? "";
            if (!Object.hasOwn(reached, name) && Object.hasOwn(this.#defs, name)) {
              reached[name] = this.#defs[name];
              pending.push(this.#defs[name]);
            }
          } else pending.push(value);
        }
      }
    }
    return reached;
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
