// @ts-check
import { realpath, stat } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { SpecError } from "@sdkit/cli-kit";
import { DEFAULT_MAX_BYTES, formatMegabytes, listRefs, readSpecFile } from "@sdkit/openapi";

/**
 * @typedef {object} SpecFilesOptions
 * @property {string} [root] the folder every referenced file must stay in (default: the spec's folder)
 * @property {number} [maxBytes] the most bytes one file and all files together may hold
 * @property {(file: string) => string} [display] how a path is shown in errors
 */

/**
 * Reads a spec and every file it references through `$ref`, before Redocly sees any of them, and
 * refuses what a build must never do or cannot finish: a `$ref` to a URL (a build never touches
 * the network), a `$ref` that leaves `root`, files over the size limit, bytes that are not UTF-8,
 * YAML alias bombs. Circular references are fine (each file is read once).
 *
 * @param {string} specPath
 * @param {SpecFilesOptions} [options]
 * @returns {Promise<{ files: string[], bytes: number }>} the absolute paths read, the spec first
 */
export async function collectSpecFiles(specPath, options = {}) {
  const display = options.display ?? ((/** @type {string} */ file) => file);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const first = resolve(specPath);
  const root = await realpathOr(resolve(options.root ?? dirname(first)));
  /** @type {string[]} */
  const files = [];
  const seen = new Set();
  let total = 0;
  /** @type {string[]} */
  const queue = [first];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    if (seen.has(file)) continue;
    seen.add(file);
    const { document, bytes } = await readSpecFile(file, { maxBytes, displayPath: display(file) });
    total += bytes;
    if (total > maxBytes) {
      throw new SpecError(
        `the document and its referenced files hold ${formatMegabytes(total)}, over the ${formatMegabytes(maxBytes)} limit; ` +
          "raise it with --max-size-mb if the document really is this large",
        { file: display(first) },
      );
    }
    files.push(file);
    for (const { ref, pointer } of listRefs(document)) {
      const target = await resolveFileRef(ref, { from: file, root, pointer, display });
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return { files, bytes: total };
}

/**
 * @param {string} ref
 * @param {{ from: string, root: string, pointer: string, display: (file: string) => string }} context
 * @returns {Promise<string | undefined>} the referenced file, or undefined for a local `#/...` ref
 */
async function resolveFileRef(ref, { from, root, pointer, display }) {
  const where = { file: display(from), pointer };
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^[a-z]:[\\/]/i.test(ref)) {
    throw new SpecError(
      `$ref "${ref}" points at a URL; a build never fetches anything: copy the document into the spec folder and $ref the file`,
      where,
    );
  }
  const path = ref.split("#")[0];
  if (!path) return undefined;
  const target = resolve(dirname(from), decodeURIComponent(path));
  const real = await realpathOr(target);
  // A missing file is Redocly's to report: it names the line of the $ref.
  if (!(await exists(real))) return undefined;
  const inside = relative(root, real);
  if (inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new SpecError(
      `$ref "${ref}" leaves the spec folder (${display(root)}); keep referenced files inside it`,
      where,
    );
  }
  return target;
}

/** @param {string} path */
async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} path */
async function realpathOr(path) {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}
