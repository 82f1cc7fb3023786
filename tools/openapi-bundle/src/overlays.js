// @ts-check
import { readdir } from "node:fs/promises";
import { join } from "node:path";

const overlayFile = /\.(ya?ml|json)$/;

/**
 * Lists the OpenAPI Overlay files in `dir`, in name order (prefix them `10-`, `20-`, … to order
 * them). A missing directory means no overlays.
 *
 * @param {string | undefined} dir
 * @returns {Promise<string[]>}
 */
export async function listOverlays(dir) {
  if (!dir) return [];
  try {
    const names = await readdir(dir);
    return names
      .filter((name) => overlayFile.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return [];
    throw error;
  }
}
