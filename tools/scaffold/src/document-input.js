// @ts-check
// What the scaffold takes from the user's document before anything else reads it.
//
// A description kept as many files (operations and path items `$ref`'d from an entry file, as
// public repositories keep them) is bundled ONCE, here, into the new repo's spec/openapi.yaml:
// the new repo's build, overlays and operation fixes all start from one file, Redocly resolves
// every file the entry reaches (and `$ref`s where OpenAPI 3.0 does not allow them but real
// documents use them, such as on an operation) with the same resolver the build uses, and nothing
// later depends on where the user's files were. The note printed says how many files were taken;
// the user keeps editing their own files and re-bundles, or edits spec/openapi.yaml from then on.
//
// A reference that leads nowhere (a discriminator mapping naming a file that was never published,
// a pointer into nothing) is the document's own defect: it is dropped, and named in a note,
// rather than failing the first build.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { collectSpecFiles, runRedocly } from "@sdkit/bundle";
import { ToolError } from "@sdkit/cli-kit";
import { listRefs, refPath } from "@sdkit/openapi";

/**
 * @typedef {{ pointer: string, ref: string, reason: string }} DroppedRef
 */

/**
 * @param {string} source the document as given (a file or a URL)
 * @param {Record<string, any>} spec its parsed entry
 * @returns {Promise<{ spec: Record<string, any>, files: number }>} files: how many were bundled (1: none)
 */
export async function bundleIfMultiFile(source, spec) {
  if (/^https?:\/\//i.test(source)) return { spec, files: 1 };
  const external = listRefs(spec).some(({ ref }) => !ref.startsWith("#"));
  if (!external) return { spec, files: 1 };
  const entry = resolve(source);
  // Every file the entry reaches, checked as the build checks them (no URLs, sizes, UTF-8); the
  // user named this document, so its files may live anywhere on their disk.
  const { files } = await collectSpecFiles(entry, { root: "/" });
  const work = await mkdtemp(join(tmpdir(), "scaffold-bundle-"));
  try {
    const config = join(work, "redocly.yaml");
    await writeFile(config, "telemetry: off\n");
    const out = join(work, "openapi.json");
    const run = await runRedocly(["bundle", entry, "--config", config, "-o", out], { cwd: dirname(entry) });
    if (run.code !== 0) {
      const first = run.output.split("\n").find((line) => /error|can't resolve|not found/i.test(line)) ?? "";
      throw new ToolError(`${source}: bundling its ${files.length} files failed: ${first.trim()}`);
    }
    return { spec: JSON.parse(await readFile(out, "utf8")), files: files.length };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * @param {Record<string, any>} spec
 * @param {string} ref
 */
function resolves(spec, ref) {
  const keys = refPath(ref);
  if (keys === undefined) return false;
  /** @type {any} */
  let node = spec;
  for (const key of keys) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return false;
    node = node[key];
  }
  return true;
}

/**
 * Drops references that lead nowhere from a single-file document (in place): a discriminator
 * mapping entry whose target is not in the document, and a `$ref` that is not local or points at
 * nothing (replaced by an empty schema that says which reference it replaced).
 *
 * @param {Record<string, any>} spec
 * @returns {DroppedRef[]}
 */
export function dropDanglingRefs(spec) {
  /** @type {DroppedRef[]} */
  const dropped = [];
  /** @param {unknown} node @param {string} pointer */
  const walk = (node, pointer) => {
    if (node === null || typeof node !== "object") return;
    const record = /** @type {Record<string, any>} */ (node);
    for (const [key, child] of Object.entries(record)) {
      const at = `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      if (child && typeof child === "object" && typeof child.$ref === "string" && !resolves(spec, child.$ref)) {
        dropped.push({ pointer: at, ref: child.$ref, reason: "the $ref leads nowhere in the document" });
        record[key] = { description: `(the document's $ref ${child.$ref} led nowhere; dropped by pnpm scaffold)` };
        continue;
      }
      if (
        key === "discriminator" &&
        child &&
        typeof child === "object" &&
        child.mapping &&
        typeof child.mapping === "object"
      ) {
        for (const [value, target] of Object.entries(child.mapping)) {
          // A mapping value is a schema name or a reference; a name is fine when the schema exists.
          const ok =
            typeof target === "string" &&
            (target.includes("#") || target.includes("/")
              ? resolves(spec, target)
              : Object.hasOwn(spec.components?.schemas ?? {}, target));
          if (!ok) {
            dropped.push({
              pointer: `${at}/mapping/${value.replaceAll("~", "~0").replaceAll("/", "~1")}`,
              ref: String(target),
              reason: "the discriminator mapping names a schema that is not in the document",
            });
            delete child.mapping[value];
          }
        }
        if (Object.keys(child.mapping).length === 0) delete child.mapping;
      }
      walk(record[key], at);
    }
  };
  walk(spec, "");
  return dropped;
}

/**
 * The scaffold's notes about dropped references: how many, and the first few with their pointers.
 *
 * @param {DroppedRef[]} dropped
 */
export function droppedRefNotes(dropped) {
  if (dropped.length === 0) return [];
  return [
    `The document has ${dropped.length} reference(s) that lead nowhere; dropped so the build runs (all listed in README.md, "The document's own defects"; fix them in an overlay):`,
    ...dropped.slice(0, 5).map((entry) => `  #${entry.pointer}: ${entry.ref} (${entry.reason})`),
    ...(dropped.length > 5 ? [`  … and ${dropped.length - 5} more`] : []),
  ];
}
