// @ts-check
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSteps, specUpdate } from "../src/spec-update.js";
import { contactParams, hatchVariant, removeHatchDocuments } from "./support/hatch-document.js";
import { FIXTURES } from "./support/paths.js";
import { biomeCheck, buildRunner } from "./support/runners.js";
import { git, removeTempRepos, tempRepo } from "./support/temp-repo.js";

/** @type {string} */
let repo;
beforeAll(() => {
  repo = tempRepo();
});
afterAll(() => {
  removeTempRepos();
  removeHatchDocuments();
});

/**
 * @param {string} from
 * @param {boolean} dryRun
 */
async function update(from, dryRun) {
  /** @type {string[]} */
  const logged = [];
  const runner = buildRunner();
  const result = await specUpdate({
    root: repo,
    from,
    dryRun,
    yes: true,
    run: runner.run,
    log: (text) => logged.push(text),
  });
  return { result, output: logged.join("\n"), calls: runner.calls };
}

const today = `${FIXTURES}hatch-today.yaml`;
const reworded = () =>
  hatchVariant((document) => {
    contactParams(document).properties.source.description = "The API name of a custom source";
    document.paths["/v1/contacts"].put.summary = "Update contact";
  });

describe("Hatch rewording its document (prose and examples only)", () => {
  it("cannot be told apart before a prose fingerprint is recorded, and recording it needs no release", async () => {
    const dry = await update(today, true);
    expect(dry.output).toContain("no spec/upstream-prose.json yet");
    expect(existsSync(join(repo, "spec/upstream-prose.json"))).toBe(false);

    const { result, output, calls } = await update(today, false);
    expect(result.applied).toBe(false);
    expect(calls).toEqual([]);
    expect(output).toContain("Recorded the prose fingerprint");
    const stored = readFileSync(join(repo, "spec/upstream-prose.json"), "utf8");
    // Hashes keyed by wire location, never Hatch's text.
    expect(stored).toContain('"PUT /v1/contacts | request body: source | description"');
    expect(stored).not.toContain("Custom source API name");
    expect(await biomeCheck(repo, [join(repo, "spec/upstream-prose.json")])).toBe("");
    git(repo, "add", "-A");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "fingerprint");
  });

  it("is a patch: reported per field, and applied as a patch changeset that leaves our spec's words alone", async () => {
    const from = reworded();
    const dry = await update(from, true);
    expect(dry.result.report.wireChanges).toEqual([]);
    expect(dry.result.report.bump).toBe("patch");
    expect(dry.result.report.changes).toContainEqual(
      expect.objectContaining({
        level: "patch",
        kind: "changed",
        operation: "POST /v1/contacts",
        target: "request body: source",
      }),
    );
    expect(dry.output).toMatch(
      /patch\s+PUT \/v1\/contacts\s+The upstream document reworded the summary of the operation of PUT \/v1\/contacts: "Update contact"/,
    );
    expect(dry.output).toContain("Bump: patch");

    const { result, calls } = await update(from, false);
    expect(result.applied).toBe(true);
    expect(calls).toEqual(buildSteps("@hatch-api/spec").map(([command, args]) => [command, ...args].join(" ")));
    expect(git(repo, "diff", "--name-only")).toBe("spec/upstream-prose.json\n");
    const [changeset] = readdirSync(join(repo, ".changeset")).filter((name) => name.startsWith("spec-update-"));
    expect(readFileSync(join(repo, ".changeset", String(changeset)), "utf8")).toMatch(
      /^---\n"@hatch-api\/types": patch\n"@hatch-api\/client": patch\n---/,
    );

    // Adopted: the same document again is no change at all.
    const again = await update(from, true);
    expect(again.result.report.bump).toBe("none");
  });
});
