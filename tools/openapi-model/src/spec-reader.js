// @ts-check
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { extname } from "node:path";
import { SpecError } from "@sdkit/cli-kit";

/**
 * js-yaml ships no types; required this way, packages that type-check code importing ours need none.
 * @type {{ load: (text: string, options?: { filename?: string }) => unknown }}
 */
const { load } = createRequire(import.meta.url)("js-yaml");

/**
 * The largest document (or referenced file) read by default: well above big public descriptions
 * (GitHub's REST description is ~13 MB as JSON) and well below what would exhaust memory on a small
 * CI machine once parsed. Raise it with `maxBytes` (`--max-size-mb` on the CLI).
 */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Nodes that YAML aliases may add to a document once expanded. Real specs use a few aliases, if
 * any; "billion laughs" documents nest a few to expand exponentially, which this bound refuses
 * before any tool walks them.
 */
const MAX_ALIAS_EXPANSION = 1_000_000;

/**
 * @typedef {object} ReadSpecOptions
 * @property {number} [maxBytes] refuse files larger than this (default DEFAULT_MAX_BYTES)
 * @property {string} [displayPath] the path to show in errors (default: `file` as given)
 */

/**
 * Reads one OpenAPI (or referenced) file as JSON or YAML. Every failure is a SpecError naming the
 * file and, where the parser knows it, the line and column: a file too large, bytes that are not
 * UTF-8, a syntax error, a YAML alias bomb, duplicate keys.
 *
 * @param {string} file
 * @param {ReadSpecOptions} [options]
 * @returns {Promise<{ document: unknown, text: string, bytes: number }>}
 */
export async function readSpecFile(file, options = {}) {
  const shown = options.displayPath ?? file;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size;
  try {
    size = (await stat(file)).size;
  } catch (cause) {
    const code = /** @type {NodeJS.ErrnoException} */ (cause).code;
    throw new SpecError(code === "ENOENT" ? "no such file" : `cannot read it (${code ?? cause})`, {
      file: shown,
      cause,
    });
  }
  if (size > maxBytes) {
    throw new SpecError(
      `${formatMegabytes(size)} is over the ${formatMegabytes(maxBytes)} limit for one file; ` +
        "raise it with --max-size-mb if the document really is this large",
      { file: shown },
    );
  }
  const bytes = await readFile(file);
  const text = decodeUtf8(bytes, shown);
  return { document: parseSpecText(text, { file: shown, json: isJsonFile(file, text) }), text, bytes: bytes.length };
}

/**
 * Parses OpenAPI text already in memory (JSON when `json`, else YAML; YAML is a superset, but JSON
 * errors are clearer from JSON.parse).
 *
 * @param {string} text
 * @param {{ file: string, json?: boolean }} where
 * @returns {unknown}
 */
export function parseSpecText(text, { file, json = false }) {
  if (json) {
    try {
      return JSON.parse(text);
    } catch (cause) {
      const message = /** @type {Error} */ (cause).message.split("\n")[0];
      throw new SpecError(`is not valid JSON: ${message}`, {
        file,
        ...lineAndColumn(text, jsonErrorOffset(text)),
        cause,
      });
    }
  }
  /** @type {unknown} */
  let document;
  try {
    // js-yaml, the parser Redocly uses: as strict (duplicate keys are errors) and many times
    // faster than the yaml package on big documents. Aliases stay shared objects, not copies.
    document = load(text, { filename: file });
  } catch (cause) {
    const error = /** @type {Error & { reason?: string, mark?: { line: number, column: number } }} */ (cause);
    const where = error.mark ? { line: error.mark.line + 1, column: error.mark.column + 1 } : {};
    throw new SpecError(`is not valid YAML: ${error.reason ?? error.message}`, { file, ...where, cause });
  }
  const extra = aliasExpansion(document);
  if (extra > MAX_ALIAS_EXPANSION) {
    throw new SpecError(
      `YAML aliases expand too far (over ${MAX_ALIAS_EXPANSION.toLocaleString("en")} nodes beyond the document's own); an alias bomb?`,
      { file },
    );
  }
  return document;
}

/**
 * How many nodes the document's aliases add once expanded, as every tool that walks the document
 * (Redocly's linter, generators) will see them. js-yaml shares one object per anchor, so sizes
 * are memoized per object: linear time however exponential the expansion. Stops counting past
 * the limit; a cycle counts as infinite.
 *
 * @param {unknown} document
 */
function aliasExpansion(document) {
  /** @type {Map<object, number>} */
  const sizes = new Map();
  let distinct = 0;
  /** @param {unknown} value @returns {number} */
  const size = (value) => {
    if (value === null || typeof value !== "object") return 1;
    const known = sizes.get(value);
    if (known !== undefined) return known;
    sizes.set(value, Number.POSITIVE_INFINITY); // in progress: reaching it again is a cycle
    distinct += 1;
    let total = 1;
    for (const child of Object.values(value)) {
      total += size(child);
      if (total > Number.MAX_SAFE_INTEGER) break;
    }
    sizes.set(value, total);
    return total;
  };
  return size(document) - distinct;
}

/**
 * @param {Uint8Array} bytes
 * @param {string} file
 */
function decodeUtf8(bytes, file) {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const { line, column, offset } = firstInvalidUtf8(bytes);
    throw new SpecError(`is not UTF-8: invalid byte 0x${bytes[offset]?.toString(16)} at byte ${offset}`, {
      file,
      line,
      column,
    });
  }
}

/**
 * Finds the first byte sequence that is not UTF-8 (only called once decoding has failed).
 *
 * @param {Uint8Array} bytes
 */
function firstInvalidUtf8(bytes) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const byte = /** @type {number} */ (bytes[i]);
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    const valid =
      length > 0 &&
      i + length <= bytes.length &&
      Array.from(bytes.subarray(i + 1, i + length)).every((next) => next >= 0x80 && next < 0xc0);
    if (!valid) return { offset: i, line, column: i - lineStart + 1 };
    if (byte === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
    i += length;
  }
  return { offset: 0, line: 1, column: 1 };
}

/**
 * @param {string} file
 * @param {string} text
 */
function isJsonFile(file, text) {
  const extension = extname(file).toLowerCase();
  if (extension === ".json") return true;
  if (extension === ".yaml" || extension === ".yml") return false;
  return text.trimStart().startsWith("{");
}

/**
 * Where JSON.parse gives up (V8's message does not always say): the longest prefix that is still
 * the start of valid JSON ends there. Binary search, so a few dozen parses even for a big file;
 * only ever run once parsing has failed.
 *
 * @param {string} text
 */
function jsonErrorOffset(text) {
  const validPrefix = (/** @type {number} */ length) => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      const message = /** @type {Error} */ (error).message;
      const position = /at position (\d+)/.exec(message)?.[1];
      return /end of JSON input/.test(message) || (position !== undefined && Number(position) >= length);
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (validPrefix(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * @param {string} text
 * @param {number} offset
 */
function lineAndColumn(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** @param {number} bytes */
export function formatMegabytes(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
