// @ts-check
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleForDiff } from "../src/bundle.js";
import { specCheck } from "../src/spec-check.js";
import { FIXTURES } from "./support/paths.js";
import { writeRepoConfig } from "./support/repo-config.js";

/** @type {Record<string, any>} */
let released;
/** @type {string} */
let work;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "spec-check-"));
  const bundle = await bundleForDiff(readFileSync(join(FIXTURES, "our-spec.yaml"), "utf8"), {
    work,
    name: "released",
    overlays: join(work, "no-overlays"),
  });
  released = JSON.parse(readFileSync(bundle, "utf8"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A repo-shaped folder: the released bundle, the current bundle (released + `edit`) and changesets.
 *
 * @param {(document: Record<string, any>) => void} edit
 * @param {Record<string, string>} changesets name → bump for both public packages
 * @param {{ withReleased?: boolean }} [options]
 */
function repoWith(edit, changesets, { withReleased = true } = {}) {
  const root = mkdtempSync(join(work, "repo-"));
  writeRepoConfig(root);
  const current = structuredClone(released);
  edit(current);
  mkdirSync(join(root, "spec/dist"), { recursive: true });
  mkdirSync(join(root, ".changeset"));
  writeFileSync(join(root, "spec/dist/openapi.json"), JSON.stringify(current));
  if (withReleased) {
    mkdirSync(join(root, "spec/released"));
    writeFileSync(join(root, "spec/released/openapi.json"), JSON.stringify(released));
  }
  writeFileSync(join(root, ".changeset/README.md"), "# Changesets\n");
  for (const [name, bump] of Object.entries(changesets)) {
    const header =
      bump === "none" ? '"@hatch-api/docs": patch' : `"@hatch-api/types": ${bump}\n"@hatch-api/client": ${bump}`;
    writeFileSync(join(root, ".changeset", `${name}.md`), `---\n${header}\n---\n\nA change.\n`);
  }
  return root;
}

/** @param {string} root */
async function check(root) {
  /** @type {string[]} */
  const logged = [];
  const result = await specCheck({ root, log: (text) => logged.push(text) });
  return { ...result, output: logged.join("\n") };
}

/** @param {Record<string, any>} document */
const params = (document) => document.components.schemas.UpsertContactParams;

describe("spec:check", () => {
  const addOptional = (/** @type {Record<string, any>} */ document) => {
    params(document).properties.companyName = { type: "string", nullable: true, description: "Company." };
  };
  const removeField = (/** @type {Record<string, any>} */ document) => {
    delete params(document).properties.status;
  };

  it("refuses an added field with only a patch changeset, naming the change, and accepts a minor one", async () => {
    const error = await check(repoWith(addOptional, { "tidy-docs": "patch" })).catch((caught) => caught);
    expect(error.message).toMatch(
      /need a minor release, but the pending changesets give a patch \(tidy-docs \(patch\)\)/,
    );
    expect(error.message).toContain(
      "minor: POST /v1/contacts, request body: companyName: Added the new optional request property `companyName`.",
    );
    expect(error.message).toContain("minor: PUT /v1/contacts, request body: companyName");
    expect(await check(repoWith(addOptional, { "tidy-docs": "patch", "add-company": "minor" }))).toMatchObject({
      required: "minor",
      pending: "minor",
    });
  });

  it("refuses a breaking change shipped as a minor, and accepts a major", async () => {
    const error = await check(repoWith(removeField, { "drop-status": "minor" })).catch((caught) => caught);
    expect(error.message).toMatch(/need a major release, but the pending changesets give a minor/);
    expect(error.message).toContain(
      "major: POST /v1/contacts, request body: status: Removed the request property `status`.",
    );
    await expect(check(repoWith(removeField, { "drop-status": "major" }))).resolves.toMatchObject({
      required: "major",
    });
  });

  it("needs a patch for a description change, and counts only changesets for the public packages", async () => {
    const reword = (/** @type {Record<string, any>} */ document) => {
      params(document).properties.firstName.description = "Given name.";
    };
    const error = await check(repoWith(reword, { "docs-site": "none" })).catch((caught) => caught);
    expect(error.message).toMatch(/need a patch release, but the pending changesets give no release/);
    expect(error.message).toContain(
      "patch: POST /v1/contacts, request body: firstName: The description of request body: firstName in POST /v1/contacts changed.",
    );
    await expect(check(repoWith(reword, { reword: "patch" }))).resolves.toMatchObject({ required: "patch" });
  });

  it("passes an unchanged API without changesets, and uses the current bundle as the baseline before the first release", async () => {
    expect(await check(repoWith(() => {}, {}))).toMatchObject({ required: "none" });
    const first = await check(repoWith(removeField, {}, { withReleased: false }));
    expect(first.output).toContain("the current bundle is the baseline");
  });
});
