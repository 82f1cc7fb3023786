// @ts-check
// A document's own defects: places where it contradicts itself, found from the document alone and
// the same way on every run. Prism answers from a document's examples (a response example, else one
// it composes from the schemas' `example` values), so an example that breaks its own schema makes
// the mock answer wrongly and report its own answer as breaking the spec; a body declared in a type
// that is neither JSON nor text, with neither a schema nor an example, leaves it nothing to answer
// with at all (Prism fails with a 500); a request body no example conforms to (a `oneOf` whose
// members both match, a required property the schema does not declare) makes the mock refuse
// every request with 422; a schema that is not valid JSON Schema leaves no answer to check
// (schema-validity.js); and a `oneOf` one of whose members accepts the values of another (GitHub's
// event `payload`: `public-event` is any object, so a push event's payload is two members' and
// breaks the `oneOf`) leaves the mock, which makes an answer from one member, nothing valid to say. The contract target writes what is found here to
// document-defects.json beside the bindings and serves or waives each affected status accordingly.
import { derefAt, derefSafely, isJsonMedia, isObject, pointer } from "@sdkit/openapi";
import { conformsTo } from "./example-check.js";
import { mediaExample, schemaExample } from "./examples.js";
import { jsonMedia } from "./model.js";
import { invalidSchemaAt } from "./schema-validity.js";

/**
 * What the contract suite does about a defect:
 * - `dynamic`: asks Prism for an answer generated from the schema (`Prefer: dynamic=true`), which
 *   ignores the broken examples;
 * - `named-example`: asks Prism for a named example that does conform (`Prefer: example=<name>`);
 * - `waived`: no answer the mock can give is valid, so the status is waived with the defect;
 * - `conforming-example`: a request example; samples and contract requests use one that conforms.
 *
 * @typedef {"dynamic" | "named-example" | "waived" | "conforming-example"} DefectRemedy
 */

/**
 * @typedef {object} DocumentDefect
 * @property {string} operationId
 * @property {string} [status] the declared response key it affects; absent for a request example
 * @property {string} pointer JSON pointer of the defective place (where a `$ref` leads, when it does)
 * @property {string} reason
 * @property {DefectRemedy} remedy
 */

/**
 * How the contract suite asks Prism for one declared response, given the document's defects there.
 *
 * @typedef {{ kind: "static" } | { kind: "example", name: string } | { kind: "dynamic" } | { kind: "waived", defect: DocumentDefect }} ResponseServing
 */

/** How deep a schema is walked for the `example`s Prism composes an answer from. */
const MAX_SCHEMA_DEPTH = 24;

/** Media types Prism can answer without a schema or example: it writes an empty body in them. */
const answerableWithoutBody = (/** @type {string} */ media) => isJsonMedia(media) || /^\s*text\//i.test(media);

/**
 * The first `example` in a schema tree (the schema itself, its properties, items, members) that
 * breaks the schema it sits on, with its pointer: the values Prism composes a static answer from
 * when the media type gives no example. Each schema object is judged once per document.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} node a Schema Object or a `$ref` to one
 * @param {Array<string | number>} path where `node` is
 * @param {WeakMap<object, { pointer: string } | null>} judged
 * @param {number} [depth]
 * @returns {{ pointer: string } | undefined}
 */
function brokenSchemaExample(spec, node, path, judged, depth = 0) {
  if (depth > MAX_SCHEMA_DEPTH) return undefined;
  const resolved = locate(spec, node, path);
  if (!resolved) return undefined;
  const schema = resolved.node;
  if (judged.has(schema)) return judged.get(schema) ?? undefined;
  // A cycle (a tree node whose children lead back to it) ends here: its first visit judges it.
  judged.set(schema, null);
  const at = resolved.path;
  /** @type {{ pointer: string } | undefined} */
  let found;
  if (schema.example !== undefined && !conformsTo(spec, schema, schema.example)) {
    found = { pointer: pointer(...at, "example") };
  }
  for (const [child, childPath] of childSchemas(schema, at)) {
    if (found) break;
    found = brokenSchemaExample(spec, child, childPath, judged, depth + 1);
  }
  judged.set(schema, found ?? null);
  return found;
}

/** A value in a reason, cut short. @param {unknown} value */
const shown = (value) => {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

/**
 * The value an answer made from a `oneOf` member would have: the generators' value with the
 * member's optional properties too (Prism's answers carry them, and one of them may be what tells
 * two members apart), or without them where they break it; undefined where neither conforms.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} member
 * @returns {unknown}
 */
function memberValue(spec, member) {
  const value = schemaExample(spec, member);
  if (value === undefined || !conformsTo(spec, member, value)) return undefined;
  const schema = derefSafely(spec, member);
  if (!isObject(value) || !isObject(schema) || !isObject(schema.properties)) return value;
  /** @type {Record<string, unknown>} */
  const full = { ...value };
  for (const [name, property] of Object.entries(schema.properties)) {
    if (name in full) continue;
    const optional = schemaExample(spec, property);
    if (optional !== undefined) full[name] = optional;
  }
  return conformsTo(spec, member, full) ? full : value;
}

/**
 * The first `oneOf` in a schema tree (properties, items, members) with a member whose value (the
 * one the generators build from it, as Prism builds an answer from a member) another member accepts
 * too: such a value is two members' and breaks the `oneOf`, so an answer made from that member
 * never conforms. A member whose own built value breaks it proves nothing and is skipped. Each
 * schema object is judged once per document.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} node a Schema Object or a `$ref` to one
 * @param {Array<string | number>} path where `node` is
 * @param {WeakMap<object, { pointer: string, reason: string } | null>} judged
 * @param {boolean} generated whether Prism generates the answer (`dynamic`) rather than composes it
 * @param {number} [depth]
 * @returns {{ pointer: string, reason: string } | undefined}
 */
function overlappingOneOf(spec, node, path, judged, generated, depth = 0) {
  if (depth > MAX_SCHEMA_DEPTH) return undefined;
  const resolved = locate(spec, node, path);
  if (!resolved) return undefined;
  const schema = resolved.node;
  if (judged.has(schema)) return judged.get(schema) ?? undefined;
  judged.set(schema, null);
  const at = resolved.path;
  /** @type {{ pointer: string, reason: string } | undefined} */
  let found;
  const members = Array.isArray(schema.oneOf) ? schema.oneOf : [];
  // `null` where two members are nullable: an answer Prism generates may well be null there (one it
  // composes statically takes the first member's type instead).
  const nullable = generated ? members.flatMap((member, index) => (conformsTo(spec, member, null) ? [index] : [])) : [];
  if (nullable.length > 1) {
    const [first, second] = nullable;
    found = {
      pointer: pointer(...at, "oneOf"),
      reason: `the oneOf's members ${first} and ${second} both accept null, which therefore breaks the oneOf, so a null answer the mock generates there never conforms`,
    };
  }
  for (const [index, member] of members.entries()) {
    if (found) break;
    const value = memberValue(spec, member);
    if (value === undefined) continue;
    const other = members.findIndex((candidate, j) => j !== index && conformsTo(spec, candidate, value));
    if (other === -1) continue;
    found = {
      pointer: pointer(...at, "oneOf"),
      reason: `the oneOf's member ${other} accepts the values of its member ${index} (such as ${shown(value)}), which therefore match two members and break the oneOf, so no answer the mock makes from member ${index} conforms`,
    };
  }
  for (const [child, childPath] of childSchemas(schema, at)) {
    if (found) break;
    found = overlappingOneOf(spec, child, childPath, judged, generated, depth + 1);
  }
  judged.set(schema, found ?? null);
  return found;
}

/** Per document and way of answering, the schemas already searched for an overlapping `oneOf`. */
const overlapsByDocument = { generated: new WeakMap(), composed: new WeakMap() };

/**
 * @param {Record<string, any>} spec
 * @param {boolean} generated
 * @returns {WeakMap<object, { pointer: string, reason: string } | null>}
 */
function overlapsJudged(spec, generated) {
  const byDocument = generated ? overlapsByDocument.generated : overlapsByDocument.composed;
  let judged = byDocument.get(spec);
  if (!judged) {
    judged = new WeakMap();
    byDocument.set(spec, judged);
  }
  return judged;
}

/**
 * Whether the mock makes this JSON answer from the schema: a generated one (`dynamic`), or, with
 * no example given, the one the mock derives (fill-examples of @sdkit/mock serves it only when it
 * conforms) else Prism's own.
 *
 * @param {Record<string, any>} spec
 * @param {string} media
 * @param {Record<string, any>} content
 * @param {"static" | "dynamic" | "waived" | { example: string }} serving
 */
function answeredFromSchema(spec, media, content, serving) {
  if (!isJsonMedia(media) || content.schema === undefined) return false;
  if (serving === "dynamic") return true;
  if (serving !== "static" || content.example !== undefined) return false;
  if (isObject(content.examples) && Object.keys(content.examples).length > 0) return false;
  const schema = derefSafely(spec, content.schema);
  if (isObject(schema) && schema.example !== undefined) return false;
  return !conformsTo(spec, content.schema, mediaExample(spec, content));
}

/**
 * The defects of one media type the mock answers from, and how the contract suite gets a valid
 * answer there anyway.
 *
 * @param {Record<string, any>} spec
 * @param {string} media the media type
 * @param {Record<string, any>} content the Media Type Object
 * @param {Array<string | number>} at where `content` is
 * @param {WeakMap<object, { pointer: string } | null>} judged
 * @returns {{ found: Array<{ pointer: string, reason: string }>, serving: "static" | "dynamic" | "waived" | { example: string } }}
 */
function mediaDefects(spec, media, content, at, judged) {
  const here = pointer(...at);
  if (content.schema === undefined) {
    const hasExample =
      content.example !== undefined || (isObject(content.examples) && Object.keys(content.examples).length > 0);
    if (hasExample || answerableWithoutBody(media)) return { found: [], serving: "static" };
    return {
      found: [
        {
          pointer: here,
          reason: `the ${media} body is declared with neither a schema nor an example, so there is nothing to answer with`,
        },
      ],
      serving: "waived",
    };
  }
  if (content.example !== undefined) {
    if (conformsTo(spec, content.schema, content.example)) return { found: [], serving: "static" };
    return { found: [{ pointer: `${here}/example`, reason: "the example breaks its schema" }], serving: "dynamic" };
  }
  if (isObject(content.examples) && Object.keys(content.examples).length > 0) {
    /** @type {Array<{ pointer: string, reason: string }>} */
    const found = [];
    /** @type {string | undefined} */
    let conforming;
    for (const [name, entry] of Object.entries(content.examples)) {
      const example = derefSafely(spec, entry);
      if (!isObject(example) || example.value === undefined) continue;
      if (conformsTo(spec, content.schema, example.value)) conforming ??= name;
      else found.push({ pointer: pointer(...at, "examples", name), reason: "the example breaks its schema" });
    }
    if (found.length === 0) return { found, serving: "static" };
    return { found, serving: conforming === undefined ? "dynamic" : { example: conforming } };
  }
  if (!isJsonMedia(media)) return { found: [], serving: "static" };
  const broken = brokenSchemaExample(spec, content.schema, [...at, "schema"], judged);
  if (!broken) return { found: [], serving: "static" };
  return {
    found: [{ pointer: broken.pointer, reason: "the schema's example breaks the schema it is given for" }],
    serving: "dynamic",
  };
}

/**
 * The defects of one operation: of each declared response, in the media type the contract suite
 * asks for (the JSON one, else the first, as the bindings do), and of its request body's examples.
 * With each response key, how the suite asks for it.
 *
 * @param {Record<string, any>} spec
 * @param {import("@sdkit/openapi").ListedOperation} op
 * @param {WeakMap<object, { pointer: string } | null>} [judged] shared across a document's operations
 * @returns {{ defects: DocumentDefect[], serving: Map<string, ResponseServing> }}
 */
export function operationDefects(spec, op, judged = new WeakMap()) {
  /** @type {DocumentDefect[]} */
  const defects = [];
  /** @type {Map<string, ResponseServing>} */
  const serving = new Map();
  const responses = isObject(op.operation.responses) ? op.operation.responses : {};
  const opPath = ["paths", op.path, op.method];
  for (const [status, raw] of Object.entries(responses)) {
    const resolved = locate(spec, raw, [...opPath, "responses", status]);
    if (!resolved) continue;
    const response = resolved.node;
    const media = isObject(response) ? jsonMedia(response.content) : undefined;
    const content = media === undefined ? undefined : response.content[media];
    if (media === undefined || !isObject(content)) continue;
    // No answer can be checked against a schema that is not JSON Schema: the status is waived.
    const at = [...resolved.path, "content", media];
    const invalid = isJsonMedia(media) ? invalidSchemaAt(spec, content.schema, pointer(...at, "schema")) : undefined;
    if (invalid) {
      const reason = `the schema is not valid JSON Schema (${invalid.message}), so no answer can be checked against it`;
      const defect = {
        operationId: op.operationId,
        status,
        pointer: invalid.pointer,
        reason,
        remedy: /** @type {const} */ ("waived"),
      };
      defects.push(defect);
      serving.set(status, { kind: "waived", defect });
      continue;
    }
    const result = mediaDefects(spec, media, content, at, judged);
    // Where the answer is made from the schema (a generated one, or Prism's own because no example
    // conforms), a oneOf whose members overlap on the way leaves it nothing valid: waived.
    const overlap = answeredFromSchema(spec, media, content, result.serving)
      ? overlappingOneOf(
          spec,
          content.schema,
          [...at, "schema"],
          overlapsJudged(spec, result.serving === "dynamic"),
          result.serving === "dynamic",
        )
      : undefined;
    if (overlap) {
      const found = result.found.map((entry) => ({ operationId: op.operationId, status, ...entry, remedy: "waived" }));
      const defect = { operationId: op.operationId, status, ...overlap, remedy: /** @type {const} */ ("waived") };
      defects.push(.../** @type {DocumentDefect[]} */ (found), defect);
      serving.set(status, { kind: "waived", defect });
      continue;
    }
    const remedy = remedyOf(result.serving);
    const found = result.found.map((entry) => ({ operationId: op.operationId, status, ...entry, remedy }));
    defects.push(...found);
    const first = found[0];
    if (result.serving === "waived" && first) serving.set(status, { kind: "waived", defect: first });
    else if (result.serving === "dynamic") serving.set(status, { kind: "dynamic" });
    else if (typeof result.serving === "object") serving.set(status, { kind: "example", name: result.serving.example });
  }
  // The request the bindings send: when not even the example they choose conforms, Prism refuses
  // it with 422 whatever status is asked for, so every status but a 422 is left without an answer.
  const refused = refusedRequest(spec, op, opPath);
  if (refused) {
    for (const status of Object.keys(responses)) {
      if (status === "422" || status === "default" || serving.get(status)?.kind === "waived") continue;
      const defect = { operationId: op.operationId, status, ...refused, remedy: /** @type {const} */ ("waived") };
      defects.push(defect);
      serving.set(status, { kind: "waived", defect });
    }
  }
  // A request body's own examples only: the samples and contract requests take the first that
  // conforms (examples.js), so a broken one is reported, not served.
  const body = locate(spec, op.operation.requestBody, [...opPath, "requestBody"]);
  if (body && isObject(body.node.content)) {
    for (const [media, content] of Object.entries(body.node.content)) {
      if (!isJsonMedia(media) || !isObject(content) || content.schema === undefined) continue;
      const named = isObject(content.examples) && Object.keys(content.examples).length > 0;
      if (content.example === undefined && !named) continue;
      const { found } = mediaDefects(spec, media, content, [...body.path, "content", media], judged);
      for (const entry of found) defects.push({ operationId: op.operationId, ...entry, remedy: "conforming-example" });
    }
  }
  return { defects, serving };
}

/**
 * The defect of a request body the bindings cannot send validly: its JSON media type (the one the
 * client sends) has a schema, and the example built for it (examples.js: the document's examples,
 * else one from the schema, the first that conforms) does not conform. Undefined otherwise.
 *
 * @param {Record<string, any>} spec
 * @param {import("@sdkit/openapi").ListedOperation} op
 * @param {Array<string | number>} opPath
 * @returns {{ pointer: string, reason: string } | undefined}
 */
function refusedRequest(spec, op, opPath) {
  const body = locate(spec, op.operation.requestBody, [...opPath, "requestBody"]);
  const media = body ? jsonMedia(body.node.content) : undefined;
  const content = body && media !== undefined ? body.node.content[media] : undefined;
  if (!body || media === undefined || !isJsonMedia(media) || !isObject(content) || content.schema === undefined)
    return undefined;
  const example = mediaExample(spec, content);
  if (example === undefined || conformsTo(spec, content.schema, example)) return undefined;
  return {
    pointer: pointer(...body.path, "content", media, "schema"),
    reason:
      "no request body conforms to this schema as written (neither the document's examples nor one built from the schema), so the mock refuses the request with 422",
  };
}

/**
 * `node` with its `$ref`s followed and where it lives, or undefined where they lead nowhere (a
 * dangling reference is the bundler's and linter's to report, not a defect found here).
 *
 * @param {Record<string, any>} spec
 * @param {unknown} node
 * @param {Array<string | number>} path where `node` is
 * @returns {{ node: Record<string, any>, path: Array<string | number> } | undefined}
 */
function locate(spec, node, path) {
  if (node === undefined) return undefined;
  try {
    const found = derefAt(spec, node, path);
    return isObject(found.node) ? found : undefined;
  } catch {
    return undefined;
  }
}

/** @param {"static" | "dynamic" | "waived" | { example: string }} serving @returns {DefectRemedy} */
function remedyOf(serving) {
  if (serving === "waived") return "waived";
  if (serving === "dynamic") return "dynamic";
  return "named-example";
}

/**
 * Every defect of the document's operations, in document order.
 *
 * @param {Record<string, any>} spec
 * @param {import("@sdkit/openapi").ListedOperation[]} operations
 * @returns {DocumentDefect[]}
 */
export function documentDefects(spec, operations) {
  const judged = new WeakMap();
  return operations.flatMap((op) => operationDefects(spec, op, judged).defects);
}

/**
 * The waiver line of a status the document's defect leaves without a valid answer.
 *
 * @param {DocumentDefect} defect
 */
export function defectWaiver(defect) {
  return `document defect at ${defect.pointer}: ${defect.reason}`;
}

/** The file beside the contract bindings that lists the document's defects. */
export const DEFECTS_FILE = "document-defects.json";

/**
 * document-defects.json: every defect with its operation, the response key it affects (none for a
 * request example), its pointer, the reason and what the contract suite does about it. Written even
 * when empty, so "no defects" is a fact a reader (or a test) can check.
 *
 * @param {DocumentDefect[]} defects
 * @param {string} header the generated-file header
 */
export function defectsFile(defects, header) {
  const file = {
    generated: header,
    about:
      "Places where the OpenAPI document contradicts itself. Fix each in an overlay (spec/overlays/) that corrects the place the pointer names; remedy says what the contract tests do meanwhile.",
    defects,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The schemas directly inside a schema that the defect searches descend into (properties, items,
 * additionalProperties, allOf / oneOf / anyOf members), each with its path.
 *
 * @param {Record<string, any>} schema
 * @param {Array<string | number>} at the schema's path
 * @returns {Array<[unknown, Array<string | number>]>}
 */
function childSchemas(schema, at) {
  /** @type {Array<[unknown, Array<string | number>]>} */
  const children = [];
  if (isObject(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties)) children.push([child, [...at, "properties", name]]);
  }
  if (isObject(schema.items)) children.push([schema.items, [...at, "items"]]);
  if (isObject(schema.additionalProperties))
    children.push([schema.additionalProperties, [...at, "additionalProperties"]]);
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    const members = Array.isArray(schema[key]) ? schema[key] : [];
    for (const [index, child] of members.entries()) children.push([child, [...at, key, index]]);
  }
  return children;
}
