// @ts-check
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { SpecUpdateError } from "./errors.js";

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Hatch's document is a few tens of kilobytes; anything near this is not an API description. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * @typedef {object} LoadOptions
 * @property {typeof fetch} [fetch] injected for tests; defaults to the global fetch
 * @property {number} [timeoutMs] for the whole download, headers and body
 * @property {number} [maxBytes]
 */

/**
 * Reads an OpenAPI 3.0 or 3.1 document, JSON or YAML, from a file path or an http(s) URL.
 *
 * @param {string} from
 * @param {LoadOptions} [options]
 * @returns {Promise<{ document: Record<string, any>, source: string, version: string }>}
 */
export async function loadDocument(from, options = {}) {
  const text = /^https?:\/\//i.test(from) ? await download(from, options) : await readLocal(from);
  const document = parseDocument(text, from);
  return { document, source: from, version: document.openapi };
}

/** @param {string} path */
async function readLocal(path) {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    throw new SpecUpdateError(code === "ENOENT" ? "no such file" : `cannot read the file (${code})`, { source: path });
  }
}

/**
 * Downloads `url`, refusing bodies over `maxBytes` (by Content-Length up front, and by counting while
 * reading, since the header may be absent or wrong) and giving up after `timeoutMs` for the whole
 * exchange, the body included.
 *
 * @param {string} url
 * @param {LoadOptions} options
 */
async function download(url, { fetch: doFetch = fetch, timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES }) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response;
    try {
      response = await doFetch(url, {
        signal: controller.signal,
        redirect: "follow",
        headers: { accept: "application/json, application/yaml, text/yaml, */*" },
      });
    } catch (error) {
      throw downloadError(url, error, controller.signal.aborted, timeoutMs);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new SpecUpdateError(`download failed: HTTP ${response.status} ${response.statusText}`.trim(), {
        source: url,
      });
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw tooLarge(url, maxBytes);
    }
    if (!response.body) return "";
    /** @type {Uint8Array[]} */
    const chunks = [];
    let size = 0;
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => {});
          throw tooLarge(url, maxBytes);
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof SpecUpdateError) throw error;
      throw downloadError(url, error, controller.signal.aborted, timeoutMs);
    }
    return Buffer.concat(chunks).toString("utf8");
  } finally {
    clearTimeout(timer);
  }
}

/**
 * @param {string} url
 * @param {number} maxBytes
 */
function tooLarge(url, maxBytes) {
  return new SpecUpdateError(`download refused: the document is larger than ${maxBytes} bytes`, { source: url });
}

/**
 * @param {string} url
 * @param {unknown} error
 * @param {boolean} timedOut
 * @param {number} timeoutMs
 */
function downloadError(url, error, timedOut, timeoutMs) {
  if (timedOut) return new SpecUpdateError(`download timed out after ${timeoutMs} ms`, { source: url });
  const cause = /** @type {{ cause?: { code?: string, message?: string } }} */ (error).cause;
  const reason = cause?.code ?? cause?.message ?? /** @type {Error} */ (error).message;
  return new SpecUpdateError(`unreachable (${reason})`, { source: url });
}

/**
 * Parses JSON or YAML (JSON is YAML, but JSON's own parser gives better positions for JSON) and
 * checks that the result is an OpenAPI 3.0 or 3.1 document with paths.
 *
 * @param {string} text
 * @param {string} source
 * @returns {Record<string, any>}
 */
export function parseDocument(text, source) {
  /** @type {unknown} */
  let value;
  if (/^\s*[{[]/.test(text)) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new SpecUpdateError(`invalid JSON: ${/** @type {Error} */ (error).message}`, { source });
    }
  } else {
    try {
      value = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
    } catch (error) {
      const message = /** @type {Error} */ (error).message.split("\n")[0];
      throw new SpecUpdateError(`invalid YAML: ${message}`, { source });
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SpecUpdateError("not an OpenAPI document: the top level is not an object", { source });
  }
  const document = /** @type {Record<string, any>} */ (value);
  if (typeof document.openapi !== "string") {
    const hint = typeof document.swagger === "string" ? " (Swagger 2.0 is not supported)" : "";
    throw new SpecUpdateError(`not an OpenAPI document: no "openapi" version field${hint}`, {
      source,
      pointer: "/openapi",
    });
  }
  if (!/^3\.[01]\.\d+$/.test(document.openapi)) {
    throw new SpecUpdateError(`unsupported OpenAPI version "${document.openapi}": 3.0.x or 3.1.x expected`, {
      source,
      pointer: "/openapi",
    });
  }
  if (typeof document.paths !== "object" || document.paths === null || Array.isArray(document.paths)) {
    throw new SpecUpdateError("not an OpenAPI document: no paths object", { source, pointer: "/paths" });
  }
  return document;
}
