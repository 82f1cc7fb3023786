// @ts-check
// Prism writes a structured answer (an object, an array) only as JSON, for JSON media types, or as
// XML, for `application/xml` and `+xml`. For any other media type a response declares with such a
// schema it answers 500 NO_COMPLEX_OBJECT_TEXT (`text/xml`, `text/plain`, `*/*`) or "Cannot find
// serializer" (`application/*`, `application/octet-stream`), and where the document's example is
// text it reports that answer as breaking the object schema. Every test of such an operation then
// fails on the mock, never on the client. In the copy of the document Prism serves:
// - `*/*` with a schema, in a response that declares no JSON type, becomes `application/json`: a
//   JSON answer is within the range, and it is what the generated SDK reads "any type" as. Scalars
//   too: for `{ type: string }` under `*/*` Prism answered the raw text `string` as text/plain,
//   which no JSON reader takes (153 failed tests of one public document);
// - any other type with a structured schema (text, `text/xml`, a vendor type) gets the body as text:
//   the schema becomes a string and every example that value written out, as XML for an XML type
//   and as JSON otherwise. Clients read such bodies as text or bytes, so the answer they see is the
//   document's own example in its own media type.
// Requests the other way round: Prism parses a JSON body and reads any other as text, which it
// then checks against the schema as it is, so a request body in `text/xml` (or `application/xml`,
// `text/plain`…) with an object schema is refused as "must be object" whatever is sent. Outside
// the form types Prism decodes itself, such a body's schema becomes a string in the copy.
import { mediaExample } from "@sdkit/codegen";
import { derefOrRef, isJsonMedia, isObject } from "@sdkit/openapi";
import { isBinaryMedia, serveAsFile } from "./binary-media.js";
import { requestMediaOf, responsesOf } from "./document-operations.js";

/** The composition keywords whose parts can make a schema structured. */
const PARTS = Object.freeze(["allOf", "anyOf", "oneOf"]);

/** @param {string} mediaType */
const essenceOf = (mediaType) => mediaType.split(";")[0]?.trim().toLowerCase() ?? "";

/** Media types Prism serializes structured values in itself: JSON ones, and XML under `application/`. @param {string} essence */
const prismWrites = (essence) => isJsonMedia(essence) || /^application\/(xml|[^/]+\+xml)$/.test(essence);

/**
 * Request media types Prism decodes into fields itself. `*\/*` among them: the generated SDK sends
 * a body of "any type" as JSON, and Prism decodes a request by the type it is sent in (turning
 * Kubernetes' `*\/*` request bodies into strings had Prism refuse 2,068 JSON requests as "must be
 * string").
 *
 * @param {string} essence
 */
const prismDecodes = (essence) =>
  isJsonMedia(essence) ||
  essence === "*/*" ||
  essence === "application/x-www-form-urlencoded" ||
  essence === "multipart/form-data";

/** @param {string} essence */
const isXml = (essence) => /^[^/]+\/(xml|[^/]+\+xml)$/.test(essence);

/**
 * Whether a schema describes an object or an array (or may, through its composition parts), or
 * says nothing of its type at all (`{}`, a description alone: AWS documents give their errors such
 * schemas), of which Prism makes an object: the values Prism cannot write as text.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} node
 * @param {number} [depth]
 * @returns {boolean}
 */
export function isStructuredSchema(spec, node, depth = 0) {
  const schema = derefOrRef(spec, node);
  if (!isObject(schema) || depth > 16) return false;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes("object") || types.includes("array")) return true;
  if (schema.type === undefined && ["properties", "items", "additionalProperties"].some((key) => key in schema))
    return true;
  if (
    schema.type === undefined &&
    ["$ref", "enum", "const", "format", "not", ...PARTS].every((key) => !(key in schema))
  )
    return true;
  return PARTS.some(
    (key) => Array.isArray(schema[key]) && schema[key].some((part) => isStructuredSchema(spec, part, depth + 1)),
  );
}

/**
 * An XML element name from a property name: characters XML names do not allow become `_`, and a
 * name that cannot start one gets a `_` in front.
 *
 * @param {string} name
 */
function xmlName(name) {
  const cleaned = name.replace(/[^A-Za-z0-9_.-]/g, "_");
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** @param {string} text */
const escapeXml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A value as XML: an object's properties as child elements, an array as its items repeated under
 * the same name, anything else as escaped text.
 *
 * @param {string} name
 * @param {unknown} value
 * @returns {string}
 */
export function toXml(name, value) {
  const tag = xmlName(name);
  if (Array.isArray(value)) return value.map((item) => toXml(name, item)).join("");
  if (value === null || value === undefined) return `<${tag}/>`;
  if (typeof value === "object")
    return `<${tag}>${Object.entries(value)
      .map(([key, inner]) => toXml(key, inner))
      .join("")}</${tag}>`;
  return `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

/**
 * The root element's name: the schema's `xml.name`, else the name of the component it refers to,
 * else `root`.
 *
 * @param {Record<string, any>} spec
 * @param {unknown} node
 */
function rootName(spec, node) {
  const schema = derefOrRef(spec, node);
  if (isObject(schema) && isObject(schema.xml) && typeof schema.xml.name === "string") return schema.xml.name;
  if (isObject(node) && typeof node.$ref === "string") return node.$ref.split("/").pop() || "root";
  return "root";
}

/**
 * Rewrites one media type object whose structured body Prism cannot write (in place): its examples
 * (or one derived from the schema) become text and its schema a string.
 *
 * @param {Record<string, any>} spec
 * @param {string} essence
 * @param {Record<string, any>} media
 */
function serveAsText(spec, essence, media) {
  /** @param {unknown} value */
  const asText = (value) =>
    typeof value === "string"
      ? value
      : isXml(essence)
        ? toXml(rootName(spec, media.schema), value)
        : JSON.stringify(value);
  const schema = derefOrRef(spec, media.schema);
  let namedValues = 0;
  if (isObject(media.examples)) {
    // New example objects: one the document shares through components/examples stays as it is elsewhere.
    for (const [name, raw] of Object.entries(media.examples)) {
      const entry = derefOrRef(spec, raw);
      if (!isObject(entry) || entry.value === undefined) continue;
      media.examples[name] = { ...entry, value: asText(entry.value) };
      namedValues++;
    }
  }
  if (media.example !== undefined) media.example = asText(media.example);
  else if (namedValues === 0) {
    const own = isObject(schema)
      ? (schema.example ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined))
      : undefined;
    media.example = asText(own ?? mediaExample(spec, media) ?? {});
  }
  media.schema = { type: "string" };
}

/**
 * Makes every response body with a structured schema servable by Prism (in place), as the file's
 * comment says.
 *
 * @param {Record<string, any>} spec
 * @returns {number} how many media types were changed
 */
export function serveStructuredBodies(spec) {
  let changed = 0;
  for (const response of responsesOf(spec)) {
    if (!isObject(response.content)) continue;
    const declaresJson = Object.keys(response.content).some((key) => isJsonMedia(key));
    /** @type {Array<[string, unknown]>} */
    const entries = [];
    for (const [mediaType, media] of Object.entries(response.content)) {
      const essence = essenceOf(mediaType);
      // A file is bytes, not text: served as one, with or without a schema (binary-media.js).
      if (
        isObject(media) &&
        isBinaryMedia(essence) &&
        (media.schema === undefined || isStructuredSchema(spec, media.schema))
      ) {
        serveAsFile(spec, media);
        changed++;
        entries.push([mediaType, media]);
        continue;
      }
      if (
        essence === "*/*" &&
        isObject(media) &&
        media.schema !== undefined &&
        !declaresJson &&
        !entries.some(([key]) => isJsonMedia(key))
      ) {
        changed++;
        entries.push(["application/json", media]);
        continue;
      }
      if (!isObject(media) || prismWrites(essence) || !isStructuredSchema(spec, media.schema)) {
        entries.push([mediaType, media]);
        continue;
      }
      changed++;
      serveAsText(spec, essence, media);
      entries.push([mediaType, media]);
    }
    // Rebuilt in document order, so a renamed range keeps its place in content negotiation.
    response.content = Object.fromEntries(entries);
  }
  return changed;
}

/**
 * Lets Prism take every request body it reads as text (in place): where such a body's schema is
 * structured, it becomes a string, as the file's comment says.
 *
 * @param {Record<string, any>} spec
 * @returns {number} how many media types were changed
 */
export function textRequestBodies(spec) {
  let changed = 0;
  for (const [mediaType, media] of requestMediaOf(spec)) {
    if (prismDecodes(essenceOf(mediaType)) || !isStructuredSchema(spec, media.schema)) continue;
    media.schema = { type: "string" };
    changed++;
  }
  return changed;
}
