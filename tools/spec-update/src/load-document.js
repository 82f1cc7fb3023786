// @ts-check
import { DEFAULT_MAX_BYTES, parseSpecText, readSpecFile } from "@sdkit/openapi";
import { SpecUpdateError } from "./errors.js";

export const DEFAULT_TIMEOUT_MS = 30_000;
/** The size limit of a download, as @sdkit/openapi's for a file: far above any real API description. */
export { DEFAULT_MAX_BYTES };

/**
 * @typedef {object} LoadOptions
 * @property {typeof fetch} [fetch] injected for tests; defaults to the global fetch
 * @property {number} [timeoutMs] for the whole download, headers and body
 * @property {number} [maxBytes] for a download or a file
 */

/**
 * Reads an OpenAPI 3.0 or 3.1 document, JSON or YAML, from a file path or an http(s) URL, through
 * @sdkit/openapi's reader (size limit, YAML alias guard, errors naming file, line and column).
 *
 * @param {string} from
 * @param {LoadOptions} [options]
 * @returns {Promise<{ document: Record<string, any>, source: string, version: string }>}
 */
export async function loadDocument(from, options = {}) {
  const parsed = /^https?:\/\//i.test(from)
    ? parseDocument(await download(from, options), from)
    : checkOpenApi((await readSpecFile(from, { maxBytes: options.maxBytes })).document, from);
  return { document: parsed, source: from, version: parsed.openapi };
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
 * Parses JSON or YAML text (JSON's own parser when it looks like JSON: better positions) with
 * @sdkit/openapi's reader, and checks that the result is an OpenAPI 3.0 or 3.1 document with paths.
 *
 * @param {string} text
 * @param {string} source
 * @returns {Record<string, any>}
 */
export function parseDocument(text, source) {
  return checkOpenApi(parseSpecText(text, { file: source, json: /^\s*[{[]/.test(text) }), source);
}

/**
 * @param {unknown} value
 * @param {string} source
 * @returns {Record<string, any>}
 */
function checkOpenApi(value, source) {
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
