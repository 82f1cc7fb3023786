// @ts-check
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * The token the cache server accepts: TURBO_TOKEN from the environment when set, else the one kept
 * in `tokenFile`, created on first use (random, readable by its owner only) so that restarting the
 * server does not lock out every shell that already exported it.
 *
 * @param {{ env: NodeJS.ProcessEnv, tokenFile: string }} options
 * @returns {Promise<{ token: string, source: "environment" | "file" | "new file" }>}
 */
export async function resolveServerToken({ env, tokenFile }) {
  const fromEnv = env.TURBO_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, source: "environment" };
  try {
    const stored = (await readFile(tokenFile, "utf8")).trim();
    if (stored) return { token: stored, source: "file" };
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "ENOENT") throw error;
  }
  const token = randomBytes(32).toString("base64url");
  await mkdir(dirname(tokenFile), { recursive: true });
  await writeFile(tokenFile, `${token}\n`, { mode: 0o600 });
  return { token, source: "new file" };
}
