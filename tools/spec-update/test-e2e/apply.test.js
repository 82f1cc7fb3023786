// @ts-check
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLACEHOLDER_MARK } from "../src/apply-changes.js";
import { specUpdate } from "../src/spec-update.js";
import { contactParams, hatchVariant, rawDocument, removeHatchDocuments } from "../test/support/hatch-document.js";
import { startServer } from "../test/support/http-server.js";
import { biomeCheck, buildRunner, buildSpecAndTypes } from "../test/support/runners.js";
import { fingerprint, git, removeTempRepos, tempRepo } from "../test/support/temp-repo.js";

/** @type {string} */
let repo;
beforeAll(async () => {
  repo = tempRepo();
  // Comments a structural edit must keep: one at the top, one inside the schema that gains a field.
  const spec = join(repo, "spec/openapi.yaml");
  const text = readFileSync(spec, "utf8")
    .replace("openapi: 3.0.3\n", "# Our rewrite of Hatch's document.\nopenapi: 3.0.3\n")
    .replace("        details:\n", "        # Free-form, validated by Hatch only as an object.\n        details:\n");
  writeFileSync(spec, text);
  git(repo, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qam", "comments");
  // Build outputs exist before the update, as on a maintainer's machine.
  await buildSpecAndTypes(repo);
});
afterAll(() => {
  removeTempRepos();
  removeHatchDocuments();
});

/**
 * @param {string} from
 * @param {Partial<import("../src/spec-update.js").SpecUpdateOptions>} [options]
 */
async function update(from, options = {}) {
  /** @type {string[]} */
  const logged = [];
  const runner = buildRunner();
  const result = await specUpdate({
    root: repo,
    from,
    yes: true,
    run: runner.run,
    log: (text) => logged.push(text),
    ...options,
  });
  return { result, output: logged.join("\n"), calls: runner.calls };
}

describe("spec:update leaves everything as it was when it fails", () => {
  /**
   * @param {string} from
   * @param {Partial<import("../src/spec-update.js").SpecUpdateOptions>} options
   * @param {RegExp} message
   */
  async function expectUnchanged(from, options, message) {
    const before = fingerprint(repo);
    const error = await update(from, options).then(
      () => undefined,
      (/** @type {Error & { candidate?: string }} */ caught) => caught,
    );
    expect(error?.message).toMatch(message);
    if (error?.candidate) rmSync(dirname(dirname(error.candidate)), { recursive: true, force: true });
    expect(git(repo, "status", "--porcelain", "--untracked-files=all")).toBe("");
    expect(fingerprint(repo)).toEqual(before);
  }

  it("on an unreachable URL", async () => {
    const server = await startServer({});
    const url = `${server.url}/openapi.yaml`;
    await server.close();
    await expectUnchanged(url, {}, /unreachable/);
  });

  it("on a 404, a document that is not OpenAPI, invalid YAML and invalid JSON", async () => {
    const server = await startServer({});
    try {
      await expectUnchanged(`${server.url}/nope.yaml`, {}, /HTTP 404/);
    } finally {
      await server.close();
    }
    await expectUnchanged(rawDocument("title: not an API\n"), {}, /not an OpenAPI document/);
    await expectUnchanged(rawDocument("openapi: 3.0.0\npaths: {\n"), {}, /is not valid YAML/);
    await expectUnchanged(rawDocument('{"openapi": "3.0.0",}', "openapi.json"), {}, /is not valid JSON/);
  });

  it("when the updated spec fails lint", async () => {
    // Our examples send phoneNumber as a string: an integer phoneNumber makes them fail lint.
    const from = hatchVariant((document) => {
      contactParams(document).properties.phoneNumber = { type: "integer", nullable: true };
    });
    await expectUnchanged(from, {}, /fails lint, so nothing was written/);
  });

  it("when the build or the tests fail after the spec was written (outputs restored too)", async () => {
    const from = hatchVariant((document) => {
      contactParams(document).properties.companyName = { type: "string", nullable: true };
    });
    await expectUnchanged(from, { run: buildRunner({ fail: ["build"] }).run }, /turbo run build` failed \(exit 1\)/);
    await expectUnchanged(
      from,
      { run: buildRunner({ fail: ["test"] }).run },
      /turbo run test --filter=\.\.\.@hatch-api\/spec --concurrency=2` failed \(exit 1\)/,
    );
  });

  it("without a terminal and without --yes", async () => {
    const from = hatchVariant((document) => {
      contactParams(document).properties.companyName = { type: "string", nullable: true };
    });
    await expectUnchanged(from, { yes: false, interactive: false }, /pass --yes to apply/);
  });
});

describe("spec:update asking before it applies", () => {
  it("writes nothing when the maintainer answers no at the prompt", async () => {
    const from = hatchVariant((document) => {
      contactParams(document).properties.companyName = { type: "string", nullable: true };
    });
    const before = fingerprint(repo);
    /** @type {string[]} */
    const questions = [];
    const { result, output, calls } = await update(from, {
      yes: false,
      interactive: true,
      confirm: async (question) => {
        questions.push(question);
        return false;
      },
    });
    expect(questions).toEqual(["Apply to spec/openapi.yaml, write a minor changeset, then build and test? [y/N] "]);
    expect(result.applied).toBe(false);
    expect(calls).toEqual([]);
    expect(output).toContain("Not applied.");
    expect(fingerprint(repo)).toEqual(before);
  });
});

describe("spec:update applying a minor change", () => {
  it("edits spec/openapi.yaml structurally, writes a minor changeset, and the regenerated types carry the new field", async () => {
    const from = hatchVariant((document) => {
      contactParams(document).properties.companyName = {
        type: "string",
        nullable: true,
        description: "Hatch's words, not ours",
      };
    });
    const { result, output, calls } = await update(from);
    expect(result.applied).toBe(true);
    expect(calls).toEqual([
      "pnpm exec turbo run build",
      "pnpm exec turbo run api:report",
      "pnpm exec turbo run test --filter=...@hatch-api/spec --concurrency=2",
    ]);
    // The published packages' new public API is regenerated inside the change and shown.
    expect(output).toMatch(
      /Public API of the SDK packages \(tools\/api-report\/reports\):\n {2}fake-types\.api\.md\n(.*\n)* {4}\+ companyName\?: string \| null;/,
    );
    expect(output).toContain("tools/api-report/reports regenerated; build and tests passed.");

    // Only added lines, comments and everything else untouched.
    const diff = git(repo, "diff", "--unified=0", "spec/openapi.yaml");
    const changed = diff.split("\n").filter((line) => /^[+-](?![+-])/.test(line));
    expect(
      changed.every((line) => line.startsWith("+")),
      diff,
    ).toBe(true);
    const spec = readFileSync(join(repo, "spec/openapi.yaml"), "utf8");
    expect(spec).toContain("# Our rewrite of Hatch's document.\nopenapi: 3.0.3\n");
    expect(spec).toContain("# Free-form, validated by Hatch only as an object.\n        details:\n");
    expect(spec).toMatch(
      / {8}companyName:\n {10}type: string\n {10}nullable: true\n {10}description: "?TODO\(spec:update\): describe `companyName`/,
    );
    expect(spec).not.toContain("Hatch's words");
    expect(output).toContain(
      `Placeholders to rewrite in spec/openapi.yaml (1, each starts with "${PLACEHOLDER_MARK}")`,
    );

    const changesets = readdirSync(join(repo, ".changeset")).filter((name) => name.startsWith("spec-update-"));
    expect(changesets).toHaveLength(1);
    const name = String(changesets[0]);
    const changeset = readFileSync(join(repo, ".changeset", name), "utf8");
    expect(changeset).toMatch(/^---\n"@hatch-api\/types": minor\n"@hatch-api\/client": minor\n---\n/);
    expect(changeset).toContain(
      "- minor: POST /v1/contacts, request body: companyName: Added the new optional request property `companyName`.",
    );
    const pending = JSON.parse(
      readFileSync(join(repo, "spec/api-changes/pending", name.replace(/\.md$/, ".json")), "utf8"),
    );
    expect(await biomeCheck(repo, [join(repo, "spec/api-changes/pending", name.replace(/\.md$/, ".json"))])).toBe("");
    expect(pending).toMatchObject({
      bump: "minor",
      placeholders: ["/components/schemas/UpsertContactParams/properties/companyName/description"],
    });

    const types = readFileSync(join(repo, "packages/types/src/generated/openapi.ts"), "utf8");
    expect(types).toMatch(/companyName\?: string \| null;/);
    expect(existsSync(join(repo, "spec/dist/openapi.json"))).toBe(true);
  });
});
