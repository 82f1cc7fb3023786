// @ts-check
// The toolchain is a product for any API team: nothing it publishes may carry this repo's API. Over
// every non-private @sdkit/* workspace package (found through pnpm, so packages added later are
// covered), the files `pnpm pack` would ship, tests and fixtures aside, must not name the product
// ("Hatch", "hatch", its host `usehatchapp`) or its resource ("contact").
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** Case-insensitive: `hatch` also catches `@hatch-api/…`, `createHatchClient` and `usehatchapp.com`. */
const FORBIDDEN = /hatch|contact/gi;
/** Files that only tests read. */
const TEST_ONLY = /(^|\/)(test|test-e2e|tests|__tests__|fixtures)\/|\.test(-d)?\.[cm]?[jt]s$/;

/**
 * Known uses of a forbidden word that are not this repo's API, each with its reason. `contact` is
 * also a field of OpenAPI's Info Object (`info.contact`), which a tool that reads any document names.
 * @type {Array<{ file: RegExp, text: RegExp, why: string }>}
 */
const NOT_THE_API = [
  {
    file: /\/src\/classify\.js$/,
    text: /^\s*"contact",$/,
    why: "OpenAPI's info.contact field, among the prose fields",
  },
];

/** @returns {Array<{ name: string, path: string, private?: boolean }>} */
function workspacePackages() {
  const out = execFileSync("pnpm", ["ls", "-r", "--depth", "-1", "--json"], { cwd: root, encoding: "utf8" });
  return JSON.parse(out);
}

/** What `pnpm pack` would put in the tarball, relative to the package folder. @param {string} dir */
function packedFiles(dir) {
  const out = execFileSync("pnpm", ["pack", "--dry-run", "--json"], { cwd: dir, encoding: "utf8" });
  return /** @type {{ files: Array<{ path: string }> }} */ (JSON.parse(out)).files.map((file) => file.path);
}

/**
 * A manifest's devDependencies are published but never installed by a user; they name this
 * repository's private test helpers (`@hatch-api/test-support`), which are not part of the toolchain.
 *
 * @param {string} file
 * @param {string} text
 */
function textAsPublished(file, text) {
  if (file !== "package.json") return text;
  const { devDependencies: _dev, ...manifest } = JSON.parse(text);
  return JSON.stringify(manifest, null, 2);
}

/** Files under version control: built files (`dist/*.d.ts`) are made from these, and may be stale. */
const tracked = new Set(
  execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean),
);

/**
 * Every line of `files` (in `dir`) with a forbidden word, as "file:line: text". Built files are
 * skipped: their text comes from the sources, which are checked (tsc copies the JSDoc into the
 * declarations), and a test run need not have built them afresh.
 * @param {string} dir
 * @param {string[]} files
 */
function findWords(dir, files) {
  /** @type {string[]} */
  const hits = [];
  for (const file of files) {
    if (TEST_ONLY.test(file)) continue;
    const path = join(dir, file);
    if (!existsSync(path) || !tracked.has(relative(root, path))) continue;
    const lines = textAsPublished(file, readFileSync(path, "utf8")).split("\n");
    lines.forEach((line, index) => {
      if (!line.match(FORBIDDEN)) return;
      const shown = relative(root, path);
      if (NOT_THE_API.some((allowed) => allowed.file.test(shown) && allowed.text.test(line))) return;
      hits.push(`${shown}:${index + 1}: ${line.trim().slice(0, 160)}`);
    });
  }
  return hits;
}

const toolchain = workspacePackages().filter((pkg) => pkg.name?.startsWith("@sdkit/") && !pkg.private);

describe("the toolchain's published files", () => {
  it("finds the toolchain packages through pnpm", () => {
    const names = toolchain.map((pkg) => pkg.name);
    expect(names).toEqual(
      expect.arrayContaining(["@sdkit/openapi", "@sdkit/cli-kit", "@sdkit/bundle", "@sdkit/codegen"]),
    );
  });

  it.each(toolchain.map((pkg) => [pkg.name, pkg.path]))("%s names no API of this repo", (_name, dir) => {
    const files = packedFiles(dir);
    expect(files).toContain("package.json");
    expect(findWords(dir, files)).toEqual([]);
  });

  it("the check finds words in a file that has them, and skips tests and fixtures", () => {
    // The repository's own README is about this repo's API: the scan must see it.
    expect(findWords(root, ["README.md"]).length).toBeGreaterThan(0);
    expect(findWords(root, ["tools/api-report/test-e2e/published-words.test.js"])).toEqual([]);
    expect(TEST_ONLY.test("tools/codegen/test/fixtures/x.yaml")).toBe(true);
    expect("usehatchapp.com".match(FORBIDDEN)).not.toBeNull();
    expect("upsertContact".match(FORBIDDEN)).not.toBeNull();
  });
});
