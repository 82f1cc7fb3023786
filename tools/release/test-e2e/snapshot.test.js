// @ts-check
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { release } from "../src/release.js";
import { runCommand } from "../src/run-command.js";
import { releaseSnapshot, undoSnapshot, validateSnapshotTag } from "../src/snapshot.js";
import { fakeRunner } from "../test/fake-runner.js";
import { removeTempRepos, tempRepo } from "../test/temp-repo.js";
import {
  CHANGESET,
  changesetBin,
  git,
  removeTempWorkspaces,
  tempWorkspace,
  workspaceRunner,
} from "../test/temp-workspace.js";

afterAll(removeTempRepos);
afterAll(removeTempWorkspaces);

const SNAPSHOT_VERSION = /^0\.2\.0-pr-42-\d{14}$/;
const BUILD_SNAPSHOT = "pnpm exec turbo run build --filter=@hatch-api/client... --filter=@hatch-api/types...";

/** @param {string} dir @param {string} pkg */
const versionOf = (dir, pkg) => JSON.parse(readFileSync(join(dir, "packages", pkg, "package.json"), "utf8")).version;
/** @param {string} dir */
const status = (dir) => git(dir, ["status", "--porcelain", "--untracked-files=all"]);

/** @param {import("../src/run-command.js").Runner} run @param {string} cwd */
function contextFor(run, cwd, env = {}) {
  /** @type {string[]} */
  const logged = [];
  return { run, cwd, env, log: (/** @type {string} */ line) => logged.push(line), logged };
}

describe("validateSnapshotTag", () => {
  it("defaults to 'snapshot' and accepts branch-like tags", () => {
    expect(validateSnapshotTag(undefined)).toBe("snapshot");
    expect(validateSnapshotTag("pr-42")).toBe("pr-42");
  });

  it.each(["latest", "feature/x", "-x", "", "a b"])("rejects %j", (tag) => {
    expect(() => validateSnapshotTag(tag)).toThrow(/Invalid snapshot tag/);
  });
});

describe("releaseSnapshot and undoSnapshot, with real git and changesets", () => {
  it("writes snapshot versions but no changelog, builds only those packages, and --undo leaves no trace", async () => {
    const dir = tempWorkspace();
    const runner = workspaceRunner();
    const context = contextFor(runner.run, dir);
    await releaseSnapshot({ ...context, tag: "pr-42" });

    expect(versionOf(dir, "client")).toMatch(SNAPSHOT_VERSION);
    expect(versionOf(dir, "types")).toBe(versionOf(dir, "client"));
    expect(versionOf(dir, "docs")).toBe("0.0.0");
    // No unpublished version can reach a changelog, hence the docs changelog page.
    expect(existsSync(join(dir, "packages", "client", "CHANGELOG.md"))).toBe(false);
    expect(existsSync(join(dir, "packages", "types", "CHANGELOG.md"))).toBe(false);
    expect(existsSync(join(dir, ".changeset", CHANGESET))).toBe(false);
    expect(runner.lines()).toEqual(["pnpm exec changeset version --snapshot pr-42", BUILD_SNAPSHOT]);
    const printed = context.logged.join("\n");
    expect(printed).toContain(`@hatch-api/client@${versionOf(dir, "client")}`);
    expect(printed).toContain("pnpm exec changeset publish --tag pr-42 --no-git-tag");
    expect(printed).toContain("pnpm release:snapshot --undo");

    // While applied, neither a release nor a second snapshot starts, and both name the undo command.
    const releaseContext = contextFor(workspaceRunner().run, dir, { NPM_TOKEN: "npm_test" });
    await expect(release(releaseContext)).rejects.toThrow(
      /Cannot release: the snapshot "pr-42" is still applied \(@hatch-api\/client@0\.2\.0-pr-42-\d+, @hatch-api\/types@.*\)\. Run `pnpm release:snapshot --undo` first\./,
    );
    await expect(releaseSnapshot({ ...context, tag: "pr-43" })).rejects.toThrow(/Cannot take a snapshot/);

    await undoSnapshot(context);
    expect(status(dir)).toBe("");
    expect(versionOf(dir, "client")).toBe("0.1.0");
    expect(context.logged.at(-1)).toContain('Snapshot "pr-42" undone');
    // A second undo has nothing to do and says so.
    await undoSnapshot(context);
    expect(context.logged.at(-1)).toBe("No snapshot is applied: nothing to undo.");
  });

  it("leaves nothing that blocks the real release afterwards", async () => {
    const dir = tempWorkspace();
    const context = contextFor(workspaceRunner().run, dir);
    await releaseSnapshot({ ...context, tag: "pr-42" });
    await undoSnapshot(context);

    // The documented release path: changeset version, commit, pnpm release.
    const versioned = await runCommand(process.execPath, [changesetBin, "version"], { cwd: dir, capture: true });
    expect(versioned.code).toBe(0);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "version"]);
    const changelog = readFileSync(join(dir, "packages", "client", "CHANGELOG.md"), "utf8");
    expect(changelog).toContain("## 0.2.0\n");
    expect(changelog).not.toContain("pr-42");

    const runner = workspaceRunner();
    await release(contextFor(runner.run, dir, { NPM_TOKEN: "npm_test" }));
    expect(runner.lines().at(-1)).toBe("pnpm exec changeset publish");
  });

  it("restores an uncommitted changeset it consumed", async () => {
    const dir = tempWorkspace({ commitChangeset: false });
    const before = status(dir);
    const changesetText = readFileSync(join(dir, ".changeset", CHANGESET), "utf8");
    expect(before).toBe(`?? .changeset/${CHANGESET}\n`);
    const context = contextFor(workspaceRunner().run, dir);
    await releaseSnapshot({ ...context, tag: "pr-42" });
    expect(existsSync(join(dir, ".changeset", CHANGESET))).toBe(false);

    await undoSnapshot(context);
    expect(status(dir)).toBe(before);
    expect(readFileSync(join(dir, ".changeset", CHANGESET), "utf8")).toBe(changesetText);
  });

  it("keeps an existing changelog as it was", async () => {
    const dir = tempWorkspace();
    const changelog = "# @hatch-api/client\n\n## 0.1.0\n\n- First release.\n";
    writeFileSync(join(dir, "packages", "client", "CHANGELOG.md"), changelog);
    git(dir, ["add", "-A"]);
    git(dir, ["commit", "-q", "-m", "changelog"]);
    const context = contextFor(workspaceRunner().run, dir);
    await releaseSnapshot({ ...context, tag: "pr-42" });
    expect(readFileSync(join(dir, "packages", "client", "CHANGELOG.md"), "utf8")).toBe(changelog);
    await undoSnapshot(context);
    expect(status(dir)).toBe("");
  });

  it("--publish publishes the snapshot versions under the tag, then undoes by itself", async () => {
    const dir = tempWorkspace();
    /** @type {{ version?: string, userconfig?: string, npmrc?: string }} */
    const atPublish = {};
    const runner = workspaceRunner();
    /** @type {import("../src/run-command.js").Runner} */
    const run = async (command, args, options) => {
      if (args.includes("publish")) {
        atPublish.version = versionOf(dir, "client");
        atPublish.userconfig = options.env?.npm_config_userconfig;
        atPublish.npmrc = readFileSync(String(atPublish.userconfig), "utf8");
      }
      return runner.run(command, args, options);
    };
    const context = contextFor(run, dir, { NPM_TOKEN: "npm_test", npm_config_registry: "http://127.0.0.1:4873" });
    await releaseSnapshot({ ...context, tag: "pr-42", publish: true });

    expect(runner.lines()).toEqual([
      "pnpm exec changeset version --snapshot pr-42",
      BUILD_SNAPSHOT,
      "pnpm exec changeset publish --tag pr-42 --no-git-tag",
    ]);
    expect(atPublish.version).toMatch(SNAPSHOT_VERSION);
    expect(atPublish.npmrc).toContain("//127.0.0.1:4873/:_authToken=");
    expect(existsSync(String(atPublish.userconfig))).toBe(false);
    expect(status(dir)).toBe("");
    expect(context.logged.join("\n")).toContain('Published under the dist-tag "pr-42"');
  });

  it("--publish undoes even when the publish fails", async () => {
    const dir = tempWorkspace();
    const runner = workspaceRunner({ "pnpm exec changeset publish --tag pr-42 --no-git-tag": 1 });
    const context = contextFor(runner.run, dir, { NPM_TOKEN: "npm_test" });
    await expect(releaseSnapshot({ ...context, tag: "pr-42", publish: true })).rejects.toMatchObject({
      step: "changeset publish",
    });
    expect(status(dir)).toBe("");
  });

  it("--publish refuses without NPM_TOKEN before changing anything", async () => {
    const dir = tempWorkspace();
    const runner = workspaceRunner();
    await expect(releaseSnapshot({ ...contextFor(runner.run, dir), tag: "pr-42", publish: true })).rejects.toThrow(
      /NPM_TOKEN is not set/,
    );
    expect(runner.lines()).toEqual([]);
    expect(status(dir)).toBe("");
  });

  it("undoes the versions when the build fails", async () => {
    const dir = tempWorkspace();
    const runner = workspaceRunner({ [BUILD_SNAPSHOT]: 2 });
    const error = await releaseSnapshot({ ...contextFor(runner.run, dir), tag: "pr-42" }).catch((e) => e);
    expect(error.message).toBe(
      "`turbo run build` failed (exit 2) on the snapshot versions; they were undone, the tree is as before.",
    );
    expect(status(dir)).toBe("");
    // Nothing is left applied either: a new snapshot may start.
    await releaseSnapshot({ ...contextFor(workspaceRunner().run, dir), tag: "pr-42" });
  });

  it("will not throw away edits made after the snapshot, unless forced", async () => {
    const dir = tempWorkspace();
    const context = contextFor(workspaceRunner().run, dir);
    await releaseSnapshot({ ...context, tag: "pr-42" });
    const manifestPath = join(dir, "packages", "client", "package.json");
    writeFileSync(
      manifestPath,
      readFileSync(manifestPath, "utf8").replace('"dependencies"', '"description": "x",\n  "dependencies"'),
    );

    await expect(undoSnapshot(context)).rejects.toThrow(
      'Not undoing the snapshot "pr-42": packages/client/package.json changed since the snapshot wrote it. ' +
        "Save those edits elsewhere, then run `pnpm release:snapshot --undo --force`.",
    );
    expect(versionOf(dir, "client")).toMatch(SNAPSHOT_VERSION);
    await undoSnapshot({ ...context, force: true });
    expect(status(dir)).toBe("");
  });
});

describe("undoSnapshot after the old cleanup (`git restore .`)", () => {
  it("removes the untracked changelogs holding only snapshot versions, and keeps any other", async () => {
    const dir = tempWorkspace();
    const versioned = await runCommand(process.execPath, [changesetBin, "version", "--snapshot", "pr-42"], {
      cwd: dir,
      capture: true,
    });
    expect(versioned.code).toBe(0);
    git(dir, ["restore", "."]);
    expect(status(dir)).toBe("?? packages/client/CHANGELOG.md\n?? packages/types/CHANGELOG.md\n");
    writeFileSync(join(dir, "packages", "docs", "CHANGELOG.md"), "# docs\n\n## 1.0.0\n\n- Hand-written.\n");

    const context = contextFor(workspaceRunner().run, dir);
    await undoSnapshot(context);
    expect(status(dir)).toBe("?? packages/docs/CHANGELOG.md\n");
    expect(context.logged.join("\n")).toBe(
      "No snapshot is applied; removed changelogs left by an earlier snapshot (snapshot versions only):\n" +
        "  packages/client/CHANGELOG.md\n  packages/types/CHANGELOG.md",
    );
  });
});

describe("releaseSnapshot refusals", () => {
  it("refuses when there is no changeset to snapshot", async () => {
    const cwd = await tempRepo();
    const fake = fakeRunner();
    await expect(releaseSnapshot({ run: fake.run, cwd, env: {}, log: () => {} })).rejects.toThrow(
      "No changesets to snapshot: add one with `pnpm changeset` first.",
    );
    expect(fake.lines().filter((line) => !line.startsWith("git rev-parse"))).toEqual([]);
  });

  it("stops when changeset version fails and puts back what it changed", async () => {
    const dir = tempWorkspace();
    const runner = workspaceRunner({ "pnpm exec changeset version --snapshot snapshot": 1 });
    await expect(releaseSnapshot({ ...contextFor(runner.run, dir) })).rejects.toMatchObject({
      step: "changeset version --snapshot",
    });
    expect(runner.lines()).toEqual(["pnpm exec changeset version --snapshot snapshot"]);
    expect(status(dir)).toBe("");
  });
});
