// @ts-check
// The toolchain's patch release as the upgrade test makes it: versions and inter-dependencies move
// together, and an edit that matches nothing is an error rather than a release that proves nothing.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bumpPatch, nextPatch, replaceInPackage } from "../src/toolchain.js";

/** @type {string[]} */
const made = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** @param {Record<string, Record<string, any>>} manifests name → package.json */
async function packages(manifests) {
  const root = await mkdtemp(join(tmpdir(), "toolchain-test-"));
  made.push(root);
  /** @type {Map<string, string>} */
  const folders = new Map();
  for (const [name, manifest] of Object.entries(manifests)) {
    const dir = join(root, name.replace("/", "+"));
    await mkdir(join(dir, "src"), { recursive: true });
    await writeFile(join(dir, "package.json"), JSON.stringify({ name, ...manifest }));
    folders.set(name, dir);
  }
  return folders;
}

describe("a toolchain patch release", () => {
  it("bumps the patch of plain versions only", () => {
    expect(nextPatch("0.0.0")).toBe("0.0.1");
    expect(nextPatch("1.9.9")).toBe("1.9.10");
    expect(() => nextPatch("1.0.0-beta.1")).toThrow(/plain x\.y\.z/);
  });

  it("moves every package and its exact dependencies on the others, and leaves third-party ranges alone", async () => {
    const folders = await packages({
      "@sdkit/openapi": { version: "0.2.0" },
      "@sdkit/codegen": {
        version: "0.2.0",
        dependencies: { "@sdkit/openapi": "0.2.0", ajv: "8.20.0" },
        devDependencies: { "@sdkit/openapi": "0.2.0" },
      },
    });
    const next = await bumpPatch(folders);
    expect(Object.fromEntries(next)).toEqual({ "@sdkit/openapi": "0.2.1", "@sdkit/codegen": "0.2.1" });
    const codegen = JSON.parse(await readFile(join(String(folders.get("@sdkit/codegen")), "package.json"), "utf8"));
    expect(codegen.version).toBe("0.2.1");
    expect(codegen.dependencies).toEqual({ "@sdkit/openapi": "0.2.1", ajv: "8.20.0" });
    // Published manifests' devDependencies are not installed by users: left as they were.
    expect(codegen.devDependencies).toEqual({ "@sdkit/openapi": "0.2.0" });
  });

  it("edits the JavaScript files that hold the text, and refuses an edit that matches nothing", async () => {
    const folders = await packages({ "@sdkit/codegen": { version: "1.0.0" } });
    const dir = String(folders.get("@sdkit/codegen"));
    await writeFile(join(dir, "src", "header.js"), 'export const header = "generated, do not edit";\n');
    await writeFile(join(dir, "README.md"), "do not edit\n");
    expect(await replaceInPackage(dir, "do not edit", "do not edit (patched)")).toEqual(["src/header.js"]);
    expect(await readFile(join(dir, "src", "header.js"), "utf8")).toContain("do not edit (patched)");
    expect(await readFile(join(dir, "README.md"), "utf8")).toBe("do not edit\n");
    await expect(replaceInPackage(dir, "no such text", "x")).rejects.toThrow(/no JavaScript file contains/);
  });
});
