// @ts-check
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { listRefs, readSpecFile, SpecError } from "@sdkit/bundle";

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
  if (!isObject(document.paths)) throw new SpecError("must be an object", { file, pointer: "/paths" });
}

/** @param {string} segment RFC 6901 escaping: `/v1/contacts` → `~1v1~1contacts`. */
export function escapePointer(segment) {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** @param {...string} segments */
export function pointer(...segments) {
  return segments.map((segment) => `/${escapePointer(segment)}`).join("");
}

/**
 * The keys a local `$ref` (`#/a/b~1c`) walks. A `$ref` is a URI, so its fragment is percent-decoded
 * first and only then read as a JSON pointer (RFC 6901 §6): `#/paths/~1keys~1%7Bid%7D` names the
 * path `/keys/{id}`. A fragment that is not valid percent-encoding is read as written.
 *
 * @param {string} ref starting with `#`
 * @returns {string[]}
 */
export function refSegments(ref) {
  let fragment = ref.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // `%` not followed by two hex digits: not percent-encoded, keep it.
  }
  if (fragment === "") return [];
  return fragment
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
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
  let current = node;
  const seen = new Set();
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new SpecError(`only local $refs are supported, found ${ref}`, { file });
    if (seen.has(ref)) throw new SpecError(`circular $ref ${ref}`, { file });
    seen.add(ref);
    current = refSegments(ref).reduce(
      (value, key) => (isObject(value) || Array.isArray(value) ? /** @type {any} */ (value)[key] : undefined),
      /** @type {unknown} */ (spec),
    );
    if (current === undefined) throw new SpecError(`$ref ${ref} points at nothing`, { file });
  }
  return current;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
export function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The spec's path as generated files name it: relative to the enclosing repository or workspace
 * (the nearest folder with `.git` or `pnpm-workspace.yaml`), so headers read `spec/dist/openapi.json`
 * wherever the repo is checked out, and stay byte-identical between checkouts.
 *
 * @param {string} file
 */
export function specLabel(file) {
  const absolute = resolve(file);
  for (let dir = dirname(absolute); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git")) || existsSync(join(dir, "pnpm-workspace.yaml"))) {
      return relative(dir, absolute).replaceAll("\\", "/");
    }
    if (dirname(dir) === dir) return absolute.split(/[\\/]/).at(-1) ?? absolute;
  }
}

/**
 * The first line of every generated file, after the comment marker of its language.
 *
 * @param {string} label
 */
export function headerText(label) {
  return `generated from ${label} by @sdkit/codegen, do not edit`;
}
