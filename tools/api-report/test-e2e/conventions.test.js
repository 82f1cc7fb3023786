// @ts-check
// The code conventions the root README states ("Conventions"), checked over every tracked file so
// they stay true: tools run by node are JavaScript with `// @ts-check`, published code is TypeScript,
// tests are written in the language of the code they test, and every package that runs `tsc` declares
// the `typescript` it runs.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);

/** Workspace package directories (those with a package.json), e.g. "tools/mock", "spec". */
const packageDirs = tracked
  .filter((file) => /^(packages|tools)\/[^/]+\/package\.json$|^spec\/package\.json$/.test(file))
  .map((file) => file.slice(0, -"/package.json".length));
/** @param {string} dir */
const manifestOf = (dir) => JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8"));
/** @param {string} dir */
const filesOf = (dir) => tracked.filter((file) => file.startsWith(`${dir}/`));

// Consumer fixtures play a user's project (plain scripts a user would write), not our tooling.
const NOT_TOOLING = /\/fixtures\//;
// Known departures, each with its reason; the list may only shrink.
/** @type {Record<string, string>} */
const TEST_LANGUAGE_EXCEPTIONS = {};

describe("conventions", () => {
  it("finds the workspace packages", () => {
    expect(packageDirs).toEqual(expect.arrayContaining(["packages/client", "packages/types", "tools/mock"]));
  });

  it("every JavaScript file of our tooling starts with // @ts-check (after a shebang)", () => {
    const unchecked = tracked
      .filter((file) => /\.(c|m)?js$/.test(file) && !NOT_TOOLING.test(file))
      .filter((file) => packageDirs.some((dir) => file.startsWith(`${dir}/`)))
      .filter((file) => {
        const lines = readFileSync(join(root, file), "utf8").split("\n");
        const first = lines[0]?.startsWith("#!") ? lines[1] : lines[0];
        return first?.trim() !== "// @ts-check";
      });
    expect(unchecked).toEqual([]);
  });

  it("published packages are TypeScript", () => {
    const published = packageDirs.filter((dir) => dir.startsWith("packages/") && !manifestOf(dir).private);
    expect(published.length).toBeGreaterThan(0);
    const javascript = published.flatMap((dir) => filesOf(`${dir}/src`).filter((file) => /\.(c|m)?js$/.test(file)));
    expect(javascript).toEqual([]);
  });

  it("tests are written in the language of the code they test", () => {
    /** @type {string[]} */
    const mismatched = [];
    for (const dir of packageDirs) {
      if (dir in TEST_LANGUAGE_EXCEPTIONS) continue;
      // The code under test is the package's src/ (scripts/ and bin/ of a TS package are node-run tools).
      const code = filesOf(`${dir}/src`).filter((file) => /\.(c|m)?[jt]s$/.test(file));
      // Type tests (*.test-d.ts) are TypeScript by nature.
      const tests = filesOf(dir).filter((file) => /\.test\.(c|m)?[jt]s$/.test(file) && !NOT_TOOLING.test(file));
      const codeIsTs = code.some((file) => /\.(c|m)?ts$/.test(file));
      for (const test of tests) {
        const testIsTs = /\.(c|m)?ts$/.test(test);
        if (code.length > 0 && testIsTs !== codeIsTs) mismatched.push(`${test} (${codeIsTs ? "TS" : "JS"} code)`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it("every package that runs tsc declares typescript", () => {
    const missing = packageDirs.filter((dir) => {
      const manifest = manifestOf(dir);
      const runsTsc = Object.values(manifest.scripts ?? {}).some((script) =>
        /(^|[\s&;|])tsc(\s|$)/.test(String(script)),
      );
      const declared = { ...manifest.dependencies, ...manifest.devDependencies }.typescript !== undefined;
      return runsTsc && !declared;
    });
    expect(missing).toEqual([]);
  });
});
