// @ts-check
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The key npm and pnpm look up a registry's credentials under ("nerf dart"): the URL without the
 * protocol, e.g. `//registry.npmjs.org/` or `//127.0.0.1:4873/some/path/`.
 *
 * @param {string} registry a registry URL with a trailing slash
 */
export function credentialKeyFor(registry) {
  const url = new URL(registry);
  return `//${url.host}${url.pathname}`;
}

/** What the .npmrc holds in place of a token; npm and pnpm substitute the environment variable on read. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: the literal ${…} is the .npmrc env-var syntax.
export const TOKEN_REFERENCE = "${NPM_TOKEN}";

/**
 * The .npmrc text used for publishing. It holds the literal `${NPM_TOKEN}`, which npm and pnpm expand
 * from the environment when they read the file, so the token itself is never written to disk.
 *
 * @param {string} registry
 */
export function publishNpmrc(registry) {
  return `registry=${registry}\n${credentialKeyFor(registry)}:_authToken=${TOKEN_REFERENCE}\n`;
}

/**
 * Writes the publish .npmrc into a fresh private temp directory (outside the repo, so it can never be
 * committed) and returns its path, to be passed as `npm_config_userconfig`, plus a cleanup function.
 *
 * @param {string} registry
 * @returns {Promise<{ path: string, remove: () => Promise<void> }>}
 */
export async function writePublishUserconfig(registry) {
  const dir = await mkdtemp(join(tmpdir(), "hatch-release-"));
  const path = join(dir, "npmrc");
  await writeFile(path, publishNpmrc(registry), { mode: 0o600 });
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}
