// @ts-check
import { SpecError } from "@sdkit/cli-kit";
import { readSpecFile } from "./spec-reader.js";

/** @typedef {Record<string, any>} OpenApiDocument */

/**
 * Reads a bundled OpenAPI 3.x document (JSON or YAML) through the shared spec reader, failing with
 * the file's name (and line, where the parser knows it) and what is wrong.
 *
 * @param {string} file
 * @returns {Promise<OpenApiDocument>}
 */
export async function readSpec(file) {
  const { document } = await readSpecFile(file);
  checkDocument(document, file);
  return document;
}

/**
 * Refuses a document with a `$ref` that is not local (`#/...`): generators read a bundled document,
 * and openapi-typescript would fetch a URL `$ref` over the network or read a file one from disk.
 *
 * @param {OpenApiDocument} document
 * @param {string} [file]
 */
export function assertLocalRefs(document, file) {
  for (const { ref, pointer } of listRefs(document)) {
    if (!ref.startsWith("#")) {
      throw new SpecError(
        `$ref "${ref}" is not local; generate from the bundled document (openapi-bundle), which holds every schema, so nothing is fetched or read besides it`,
        { file, pointer },
      );
    }
  }
}

/**
 * @param {unknown} document
 * @param {string} file
 * @returns {asserts document is OpenApiDocument}
 */
export function checkDocument(document, file) {
  if (!isObject(document)) throw new SpecError("must hold an OpenAPI document (a JSON object)", { file });
  if (typeof document.openapi !== "string" || !document.openapi.startsWith("3.")) {
    throw new SpecError(`must be OpenAPI 3.x, found openapi: ${JSON.stringify(document.openapi)}`, {
      file,
      pointer: "/openapi",
    });
  }
  // OpenAPI 3.1 makes `paths` optional (a document may hold only webhooks or components); 3.0 requires it.
  if (document.paths === undefined && !document.openapi.startsWith("3.0")) return;
  if (!isObject(document.paths)) throw new SpecError("must be an object", { file, pointer: "/paths" });
}

/** @param {string | number} segment RFC 6901 escaping: `/v1/pets` → `~1v1~1pets`. */
export function escapePointer(segment) {
  return String(segment).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** @param {...(string | number)} segments keys from the root → a JSON pointer (`/paths/~1pets/get`) */
export function pointer(...segments) {
  return segments.map((segment) => `/${escapePointer(segment)}`).join("");
}

/**
 * The keys a local `$ref` (`#/components/schemas/Pet`) leads through, unescaped: the fragment's
 * percent-encoding decoded first (RFC 6901 §6: `#/paths/~1v2~1keys~1%7Bid%7D` is the path
 * `/v2/keys/{id}`), then `~1` → `/` and `~0` → `~` (RFC 6901 §4). Undefined for a `$ref` that is
 * not a local JSON pointer.
 *
 * @param {string} ref
 * @returns {string[] | undefined}
 */
export function refPath(ref) {
  if (ref === "#") return [];
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((segment) => unescapePointer(decodeFragment(segment)));
}

/** @param {string} segment RFC 6901 unescaping, `~1` before `~0` so `~01` stays `~1`. */
export function unescapePointer(segment) {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * Percent-decoding of one fragment segment; a `%` that starts no valid escape is kept as written
 * (tools that write `$ref`s do not always encode `%` itself).
 *
 * @param {string} segment
 */
function decodeFragment(segment) {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * What one local `$ref` points at, without following a `$ref` found there: for callers that must
 * keep a reference to a named component as a reference (codegen inlines the target of a pointer
 * into a component's insides, but not the components it names). Undefined for a `$ref` that is
 * not local or points at nothing.
 *
 * @param {OpenApiDocument} spec
 * @param {string} ref
 * @returns {unknown}
 */
export function refTarget(spec, ref) {
  const keys = refPath(ref);
  return keys === undefined ? undefined : atKeys(spec, keys);
}

/** @param {unknown} root @param {string[]} keys the value at `keys` under `root`, or undefined */
function atKeys(root, keys) {
  return keys.reduce(
    (value, key) => (value !== null && typeof value === "object" ? /** @type {any} */ (value)[key] : undefined),
    root,
  );
}

/**
 * Follows local `$ref`s until a node that is not a reference, and says where that node lives (the
 * keys from the document's root), so callers can name it in messages or edit it in place.
 *
 * @param {OpenApiDocument} spec
 * @param {unknown} node
 * @param {Array<string | number>} [path] where `node` itself is (returned when it is no reference)
 * @param {string} [file] for error messages
 * @returns {{ node: any, path: Array<string | number> }}
 */
export function derefAt(spec, node, path = [], file = undefined) {
  let current = node;
  let at = path;
  const seen = new Set();
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    const keys = refPath(ref);
    if (keys === undefined) throw new SpecError(`only local $refs are supported, found ${ref}`, { file });
    if (seen.has(ref)) throw new SpecError(`circular $ref ${ref}`, { file });
    seen.add(ref);
    current = atKeys(spec, keys);
    at = keys;
    if (current === undefined) throw new SpecError(`$ref ${ref} points at nothing`, { file });
  }
  return { node: current, path: at };
}

/**
 * Follows local `$ref`s until a node that is not a reference.
 *
 * @param {OpenApiDocument} spec
 * @param {unknown} node
 * @param {string} [file] for error messages
 * @returns {any}
 */
export function deref(spec, node, file) {
  return derefAt(spec, node, [], file).node;
}

/**
 * Like `deref`, but undefined where the `$ref` chain cannot be followed (dangling, circular, not
 * local): for checks that judge what a reference leads to and have nothing to judge when it leads
 * nowhere (an example against its schema, a document's defects), which must not stop on it.
 *
 * @param {OpenApiDocument} spec
 * @param {unknown} node
 * @returns {any}
 */
export function derefSafely(spec, node) {
  try {
    return deref(spec, node);
  } catch {
    return undefined;
  }
}

/**
 * Like `deref`, but a reference it cannot follow (not local, dangling, circular) comes back as the
 * reference object itself instead of an error: for readers that show a document as it is (docs)
 * and would rather print the `$ref` than stop.
 *
 * @param {OpenApiDocument} spec
 * @param {unknown} node
 * @returns {any}
 */
export function derefOrRef(spec, node) {
  let current = node;
  const seen = new Set();
  while (isObject(current) && typeof current.$ref === "string") {
    const keys = refPath(current.$ref);
    if (keys === undefined || seen.has(current.$ref)) return current;
    seen.add(current.$ref);
    const target = atKeys(spec, keys);
    if (target === undefined) return current;
    current = target;
  }
  return current;
}

/**
 * Every `$ref` string in a parsed document with the JSON pointer of the object holding it.
 * Iterative, and visits each object once, so shared or cyclic objects cannot blow up the walk.
 *
 * @param {unknown} document
 * @returns {Array<{ ref: string, pointer: string }>}
 */
export function listRefs(document) {
  /** @type {Array<{ ref: string, pointer: string }>} */
  const refs = [];
  const visited = new Set();
  /** @type {Array<[unknown, string]>} */
  const stack = [[document, ""]];
  while (stack.length > 0) {
    const [value, at] = /** @type {[unknown, string]} */ (stack.pop());
    if (value === null || typeof value !== "object" || visited.has(value)) continue;
    visited.add(value);
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") refs.push({ ref: child, pointer: at || "/" });
      else stack.push([child, `${at}/${escapePointer(key)}`]);
    }
  }
  return refs;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
export function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
