// @ts-check
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { prismEntry, prismPatchesPath } from "../src/prism-command.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = join(packageDir, "..", "..");
const scratch = mkdtempSync(join(tmpdir(), "sdkit-mock-patches-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** @type {Array<{ name: string, version: string, file: string, shipped: string }>} */
const manifest = JSON.parse(readFileSync(join(packageDir, "dist", "prism-patches", "manifest.json"), "utf8"));
const fromPrism = createRequire(prismEntry);

/**
 * What tells the patched module from the published one, run on its exports: decycle copies a value
 * reached along two paths once (the patch's point), dereference builds its crawl's memo, and the
 * simple-style reader leaves an absent header absent.
 */
/** @type {Record<string, string>} */
const PROBES = {
  "@stoplight/json":
    "((shared) => { const out = m.decycle({ x: shared, y: shared }); return out.x === out.y; })({ a: 1 })",
  "@stoplight/json-schema-ref-parser": 'String(m).includes("createMemo(")',
  // An absent array header: the published reader throws on it (and Prism's process ends).
  "@stoplight/prism-http":
    '(() => { try { return m.deserializeSimpleStyle("x-tags", {}, { type: "array" }, false) === undefined; } catch { return false; } })()',
};

/**
 * The package as a project that installs this one gets it: a copy of the installed package with
 * this repository's patch taken back out (`git apply -R`), its own dependencies found through
 * NODE_PATH where pnpm put them.
 *
 * @param {{ name: string, version: string, file: string }} entry
 * @param {string} version the version the copy's package.json says
 */
function publishedCopy(entry, version) {
  const installed = dirname(realpathSync(fromPrism.resolve(`${entry.name}/package.json`)));
  const copy = join(scratch, version, "node_modules", ...entry.name.split("/"));
  cpSync(installed, copy, { recursive: true, dereference: true });
  const patch = join(repoRoot, "patches", `${entry.name.replace("/", "__")}@${entry.version}.patch`);
  execFileSync("git", ["apply", "-R", patch], { cwd: copy });
  const manifestPath = join(copy, "package.json");
  writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, "utf8")), version }));
  // pnpm puts a package's dependencies beside it: …/node_modules/<scope>/<name> → …/node_modules.
  const siblings = join(installed, ...entry.name.split("/").map(() => ".."));
  return { file: join(copy, entry.file), siblings };
}

/**
 * Loads the file in a fresh Node, with or without the preload, and runs the probe on its exports.
 *
 * @param {string} name
 * @param {{ file: string, siblings: string }} copy
 * @param {boolean} preload
 */
function probe(name, { file, siblings }, preload) {
  const script = `const m = require(${JSON.stringify(file)}); process.stdout.write(String(${PROBES[name]}));`;
  return execFileSync(process.execPath, [...(preload ? ["--require", prismPatchesPath] : []), "-e", script], {
    env: { ...process.env, NODE_PATH: siblings },
    encoding: "utf8",
  });
}

describe("Prism's patched dependencies, where this package is installed", () => {
  it("ships a patched file for each patch of the repository", () => {
    expect(manifest.map((entry) => entry.name).sort()).toEqual(Object.keys(PROBES).sort());
  });

  for (const entry of manifest) {
    it(`${entry.name}@${entry.version}: the preload runs the patched ${entry.file} in place of the published one`, () => {
      const copy = publishedCopy(entry, entry.version);
      expect(probe(entry.name, copy, false)).toBe("false");
      expect(probe(entry.name, copy, true)).toBe("true");
    });

    it(`${entry.name}: another version is loaded as installed`, () => {
      const copy = publishedCopy(entry, `${entry.version}-other`);
      expect(probe(entry.name, copy, true)).toBe("false");
    });
  }
});
