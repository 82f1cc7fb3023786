// @ts-check
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { specCheck } from "../src/spec-check.js";
import { specUpdate } from "../src/spec-update.js";
import { versionPackages } from "../src/version.js";
import { contactParams, hatchVariant, removeHatchDocuments } from "../test/support/hatch-document.js";
import { REPO } from "../test/support/paths.js";
import { biomeCheck, buildRunner, buildSpecAndTypes } from "../test/support/runners.js";
import { removeTempRepos, tempRepo } from "../test/support/temp-repo.js";

/** @type {string} */
let repo;
beforeAll(async () => {
  repo = tempRepo();
  // The real changesets CLI resolves its changelog generator from the repo's node_modules.
  symlinkSync(join(REPO, "node_modules"), join(repo, "node_modules"), "dir");
  await buildSpecAndTypes(repo);
});
afterAll(() => {
  removeTempRepos();
  removeHatchDocuments();
});

/**
 * The version step's commands: the real `changeset version`, and the spec bundle.
 *
 * @type {import("@sdkit/cli-kit").Runner}
 */
const versionRunner = async (command, args, { cwd }) => {
  const line = [command, ...args].join(" ");
  if (line === "pnpm exec changeset version") {
    const { runCommand } = await import("@sdkit/cli-kit");
    return runCommand(process.execPath, [join(REPO, "node_modules/@changesets/cli/bin.js"), "version"], {
      cwd,
      capture: true,
    });
  }
  if (line === "pnpm exec turbo run bundle --filter=@hatch-api/spec") {
    await buildSpecAndTypes(cwd);
    return { code: 0, output: "" };
  }
  throw new Error(`unexpected command: ${line}`);
};

const quiet = () => {};
// The type gate (compiling samples against the built SDK) is tested in type-gate.test.js: this
// temp repo builds the spec and types only.

describe("spec:update → version-packages → spec:check", () => {
  it("records the API changes of the release, refreshes the released spec, then gates the next change", async () => {
    const added = hatchVariant((document) => {
      contactParams(document).properties.companyName = { type: "string", nullable: true };
    });
    await specUpdate({ root: repo, from: added, yes: true, run: buildRunner().run, log: quiet });
    // Before the first release the current bundle is the baseline.
    await expect(specCheck({ root: repo, log: quiet, types: false })).resolves.toMatchObject({ required: "none" });

    const { version, changesFile } = await versionPackages({
      root: repo,
      run: versionRunner,
      log: quiet,
      now: new Date("2026-11-26T12:00:00Z"),
    });
    expect(version).toBe("0.2.0");
    expect(JSON.parse(readFileSync(join(repo, "packages/client/package.json"), "utf8")).version).toBe("0.2.0");
    const record = JSON.parse(readFileSync(join(repo, String(changesFile)), "utf8"));
    expect(record).toMatchObject({ version: "0.2.0", date: "2026-11-26", bump: "minor" });
    expect(record.changes).toContainEqual({
      level: "minor",
      kind: "added",
      operation: "POST /v1/contacts",
      target: "request body: companyName",
      text: "Added the new optional request property `companyName`.",
    });
    expect(readdirSync(join(repo, "spec/api-changes/pending"))).toEqual([]);
    const released = join(repo, "spec/released/openapi.json");
    expect(JSON.parse(readFileSync(released, "utf8"))).toEqual(
      JSON.parse(readFileSync(join(repo, "spec/dist/openapi.json"), "utf8")),
    );
    // The spec package's lint runs Biome over these files.
    expect(await biomeCheck(repo, [released, join(repo, String(changesFile))])).toBe("");
    expect(readFileSync(join(repo, "packages/types/CHANGELOG.md"), "utf8")).toContain("request body: companyName");
    await expect(specCheck({ root: repo, log: quiet, types: false })).resolves.toMatchObject({ required: "none" });

    // Next: Hatch makes a field required. spec:update writes a major changeset and the gate agrees…
    const required = hatchVariant((document) => {
      contactParams(document).properties.companyName = { type: "string", nullable: true };
      contactParams(document).required = ["phoneNumber"];
    });
    await specUpdate({ root: repo, from: required, yes: true, run: buildRunner().run, log: quiet });
    await expect(specCheck({ root: repo, log: quiet, types: false })).resolves.toMatchObject({
      required: "major",
      pending: "major",
    });
    // …and refuses it once someone turns the changeset into a minor.
    const [name] = readdirSync(join(repo, ".changeset")).filter((file) => file.startsWith("spec-update-"));
    const changeset = join(repo, ".changeset", String(name));
    writeFileSync(changeset, readFileSync(changeset, "utf8").replaceAll(": major", ": minor"));
    await expect(specCheck({ root: repo, log: quiet, types: false })).rejects.toThrow(
      /major: POST \/v1\/contacts, request body: phoneNumber: The request property `phoneNumber` became required/,
    );
  });
});
