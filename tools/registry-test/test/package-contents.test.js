// @ts-check
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  findBrokenSourceMaps,
  findImportedPackages,
  findTestFiles,
  findUnexpectedFiles,
} from "../src/package-contents.js";

/** @type {string[]} */
const created = [];
afterAll(() => Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true }))));

/** @param {Record<string, string>} files */
async function packageDir(files) {
  const root = await mkdtemp(join(tmpdir(), "hatch-pkg-contents-"));
  created.push(root);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text);
  }
  return { root, files: Object.keys(files).sort() };
}

describe("package contents", () => {
  it("allows only dist, package.json, README, LICENSE and CHANGELOG", () => {
    expect(
      findUnexpectedFiles([
        "package.json",
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
        "dist/index.js",
        "src/index.ts",
        ".npmrc",
      ]),
    ).toEqual(["src/index.ts", ".npmrc"]);
  });

  it("recognises test files", () => {
    expect(
      findTestFiles([
        "dist/index.js",
        "dist/retry.test.js",
        "test/a.ts",
        "dist/__tests__/x.js",
        "dist/types.test-d.ts",
      ]),
    ).toEqual(["dist/retry.test.js", "test/a.ts", "dist/__tests__/x.js", "dist/types.test-d.ts"]);
  });

  it("accepts maps whose sources are shipped or embedded", async () => {
    const { root, files } = await packageDir({
      "dist/index.js": "x\n//# sourceMappingURL=index.js.map\n",
      "dist/index.js.map": JSON.stringify({ sources: ["../src/index.ts"], sourcesContent: ["export {}"] }),
      "dist/other.js.map": JSON.stringify({ sources: ["other.js"] }),
      "dist/other.js": "y\n",
    });
    expect(await findBrokenSourceMaps(root, files)).toEqual([]);
  });

  it("reports maps pointing at missing files and missing maps", async () => {
    const { root, files } = await packageDir({
      "dist/index.js": "x\n//# sourceMappingURL=index.js.map\n",
      "dist/client.js": "y\n//# sourceMappingURL=client.js.map\n",
      "dist/client.js.map": JSON.stringify({ sources: ["../src/client.ts"] }),
    });
    expect(await findBrokenSourceMaps(root, files)).toEqual([
      "dist/index.js references index.js.map, which is not in the package",
      "dist/client.js.map maps to ../src/client.ts, which is not in the package",
    ]);
  });

  it("extracts imported package names from ESM, CJS and declarations", () => {
    const text = [
      'import createClient from "openapi-fetch";',
      'export type { paths } from "@hatch-api/types";',
      'const helpers = require("openapi-typescript-helpers/sub");',
      'import("./chunk.js"); import "node:events";',
    ].join("\n");
    expect(findImportedPackages(text)).toEqual(["@hatch-api/types", "openapi-fetch", "openapi-typescript-helpers"]);
  });
});
