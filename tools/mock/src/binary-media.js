// @ts-check
// Binary bodies: files, archives, images, sound, video, fonts, serialized binary formats. Their
// content is bytes, not a value a schema's type describes, and documents say so in many ways: a
// `type: string, format: binary` schema (OpenAPI 3.0), `contentMediaType` or no schema at all
// (3.1), or a schema that says nothing (Codat's downloads: `{ title: "Data" }`). Prism writes a
// string schema's example, or its placeholder for one, as the body; for a schema without a type,
// or none, it makes an object it cannot write ("Cannot find serializer for
// application/octet-stream", 500). The structured-text treatment (structured-text-media.js), right
// for a text type (AWS's `text/xml` errors), would serve such a file as the JSON text `{}`: bytes
// no client of a file expects, which only look like JSON. In the copy Prism serves, a binary
// body whose schema is absent or not a string's becomes what OpenAPI 3.0 calls a file,
// `{ type: "string", format: "binary" }`, and keeps only its string examples (a JSON value is no
// file's bytes), so Prism answers with the document's bytes or its own placeholder for them.
import { derefOrRef, isObject } from "@sdkit/openapi";

/**
 * Top-level types whose every subtype is binary, but for a text syntax suffix (`image/svg+xml`).
 * `model/` is not among them: it has JSON and text subtypes as well as binary ones.
 */
const BINARY_TYPES = new Set(["image", "audio", "video", "font"]);

/**
 * `application/` subtypes that are binary formats: the generic one, documents (PDF, Office),
 * archives and compressed files, executables, and binary serializations. JSON, XML, forms,
 * JavaScript, YAML, SQL and the other `application/` text types are not.
 */
const BINARY_APPLICATION = new Set([
  "octet-stream",
  "pdf",
  "zip",
  "gzip",
  "x-gzip",
  "x-tar",
  "x-bzip2",
  "x-xz",
  "zstd",
  "x-7z-compressed",
  "vnd.rar",
  "x-rar-compressed",
  "java-archive",
  "wasm",
  "msword",
  "vnd.ms-excel",
  "vnd.ms-powerpoint",
  "protobuf",
  "x-protobuf",
  "vnd.google.protobuf",
  "msgpack",
  "x-msgpack",
  "cbor",
  "vnd.apache.avro",
  "vnd.apache.parquet",
  "x-parquet",
  "vnd.sqlite3",
  "x-sqlite3",
  "pkcs12",
  "x-pkcs12",
  "pkix-cert",
]);

/** `application/` subtype prefixes of zip packages: OOXML (`.docx`, `.xlsx`) and OpenDocument. */
const ZIP_PACKAGES = ["vnd.openxmlformats-officedocument.", "vnd.oasis.opendocument."];

/** Structured syntax suffixes (RFC 6838 §4.2.8) of binary formats: `application/epub+zip`. */
const BINARY_SUFFIXES = new Set(["zip", "gzip", "cbor", "der", "wbxml", "fastinfoset", "sqlite3"]);

/**
 * Whether a media type's body is binary, by the rule the file's comment gives. Text types
 * (`text/*`), JSON and XML ones (`+json`, `+xml`, `image/svg+xml` included), forms and ranges
 * (`*\/*`, `image/*` is binary) are judged by their name alone.
 *
 * @param {string} mediaType with or without parameters, any case
 */
export function isBinaryMedia(mediaType) {
  const essence = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  const [type = "", subtype = ""] = essence.split("/");
  const suffix = subtype.includes("+") ? subtype.slice(subtype.lastIndexOf("+") + 1) : undefined;
  if (suffix !== undefined) return BINARY_SUFFIXES.has(suffix);
  if (BINARY_TYPES.has(type)) return true;
  if (type !== "application") return false;
  return BINARY_APPLICATION.has(subtype) || ZIP_PACKAGES.some((prefix) => subtype.startsWith(prefix));
}

/** What OpenAPI 3.0 calls a file, which Prism writes as it is. */
const FILE_SCHEMA = Object.freeze({ type: "string", format: "binary" });

/**
 * Serves one binary media type object as a file (in place), as the file's comment says: its schema
 * becomes a binary string and examples that are not strings go.
 *
 * @param {Record<string, any>} spec
 * @param {Record<string, any>} media
 */
export function serveAsFile(spec, media) {
  media.schema = { ...FILE_SCHEMA };
  if (media.example !== undefined && typeof media.example !== "string") delete media.example;
  if (isObject(media.examples)) {
    for (const [name, entry] of Object.entries(media.examples)) {
      const example = derefOrRef(spec, entry);
      if (!isObject(example) || typeof example.value !== "string") delete media.examples[name];
    }
    if (Object.keys(media.examples).length === 0) delete media.examples;
  }
}
