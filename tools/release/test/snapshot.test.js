// @ts-check
import { afterAll, describe, expect, it } from "vitest";
import { releaseSnapshot, validateSnapshotTag } from "../src/snapshot.js";
import { fakeRunner } from "./fake-runner.js";
import { removeTempRepos, tempRepo } from "./temp-repo.js";

afterAll(removeTempRepos);

describe("validateSnapshotTag", () => {
  it("defaults to 'snapshot' and accepts branch-like tags", () => {
    expect(validateSnapshotTag(undefined)).toBe("snapshot");
    expect(validateSnapshotTag("pr-42")).toBe("pr-42");
  });

  it.each(["latest", "feature/x", "-x", "", "a b"])("rejects %j", (tag) => {
    expect(() => validateSnapshotTag(tag)).toThrow(/Invalid snapshot tag/);
  });
});

describe("releaseSnapshot", () => {
  it("versions with --snapshot <tag>, builds, and explains how to publish under that tag", async () => {
    const cwd = await tempRepo(["brave-lions-sing.md"]);
    const fake = fakeRunner();
    /** @type {string[]} */
    const logged = [];
    await releaseSnapshot({ run: fake.run, cwd, env: {}, log: (line) => logged.push(line), tag: "pr-42" });
    expect(fake.lines()).toEqual(["pnpm exec changeset version --snapshot pr-42", "pnpm exec turbo run build"]);
    expect(logged.join("\n")).toContain("pnpm exec changeset publish --tag pr-42 --no-git-tag");
  });

  it("uses the 'snapshot' tag by default", async () => {
    const cwd = await tempRepo(["brave-lions-sing.md"]);
    const fake = fakeRunner();
    await releaseSnapshot({ run: fake.run, cwd, env: {}, log: () => {} });
    expect(fake.lines()[0]).toBe("pnpm exec changeset version --snapshot snapshot");
  });

  it("refuses when there is no changeset to snapshot", async () => {
    const cwd = await tempRepo();
    const fake = fakeRunner();
    await expect(releaseSnapshot({ run: fake.run, cwd, env: {}, log: () => {} })).rejects.toThrow(
      "No changesets to snapshot: add one with `pnpm changeset` first.",
    );
    expect(fake.calls).toHaveLength(0);
  });

  it("stops when changeset version fails", async () => {
    const cwd = await tempRepo(["brave-lions-sing.md"]);
    const fake = fakeRunner({ "pnpm exec changeset version --snapshot snapshot": { code: 1 } });
    await expect(releaseSnapshot({ run: fake.run, cwd, env: {}, log: () => {} })).rejects.toMatchObject({
      step: "changeset version --snapshot",
    });
    expect(fake.lines()).not.toContain("pnpm exec turbo run build");
  });
});
