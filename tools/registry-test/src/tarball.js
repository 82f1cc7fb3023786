// @ts-check
import { createHash } from "node:crypto";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { execOk } from "@hatch-api/test-support";

/**
 * @typedef {object} PublishedVersion
 * @property {Record<string, any>} manifest the version's manifest as the registry serves it
 * @property {Buffer} tarball
 * @property {string} sha1 of the tarball bytes, recomputed here
 */

/**
 * Reads one published version (manifest and tarball) back from the registry.
 *
 * @param {string} registry
 * @param {string} name
 * @param {string} version
 * @returns {Promise<PublishedVersion>}
 */
export async function fetchPublished(registry, name, version) {
  const packument = await fetchJson(new URL(name.replace("/", "%2f"), registry));
  const manifest = packument.versions?.[version];
  if (!manifest) throw new Error(`${name}@${version} is not on ${registry}`);
  const response = await fetch(manifest.dist.tarball);
  if (!response.ok) throw new Error(`GET ${manifest.dist.tarball} answered ${response.status}`);
  const tarball = Buffer.from(await response.arrayBuffer());
  return { manifest, tarball, sha1: createHash("sha1").update(tarball).digest("hex") };
}

/**
 * @param {URL} url
 * @returns {Promise<Record<string, any>>}
 */
export async function fetchJson(url) {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return /** @type {Record<string, any>} */ (await response.json());
}

/**
 * Unpacks a tarball with the system tar and returns the file paths inside the `package/` folder.
 *
 * @param {Buffer} tarball
 * @param {string} dest an empty directory
 * @returns {Promise<string[]>} sorted, relative to the package root
 */
export async function unpack(tarball, dest) {
  await mkdir(dest, { recursive: true });
  const file = join(dest, "package.tgz");
  await writeFile(file, tarball);
  await execOk("tar", ["-xzf", file, "-C", dest], { cwd: dest });
  const root = join(dest, "package");
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}
