// @ts-check
import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { TOKEN_REFERENCE } from "../src/npmrc.js";
import { release } from "../src/release.js";
import { fakeRunner } from "./fake-runner.js";
import { removeTempRepos, tempRepo } from "./temp-repo.js";

afterAll(removeTempRepos);

const SNAPSHOT_CHECK = "git rev-parse --git-path hatch-release-snapshot.json";
const CHECKS = ["pnpm exec turbo run build", "pnpm exec turbo run lint", "pnpm exec turbo run test"];
const TOKEN = "npm_abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * @param {{ run: import("../src/run-command.js").Runner }} fake
 * @param {string} cwd
 * @param {NodeJS.ProcessEnv} [env]
 */
function contextFor(fake, cwd, env = { NPM_TOKEN: TOKEN }) {
  /** @type {string[]} */
  const logged = [];
  return { context: { run: fake.run, cwd, env, log: (/** @type {string} */ line) => logged.push(line) }, logged };
}

describe("release", () => {
  it("checks the tree, runs build, lint and test, then publishes with a temp userconfig", async () => {
    const cwd = await tempRepo();
    /** @type {string | undefined} */
    let npmrcAtPublish;
    const fake = fakeRunner();
    const run = /** @type {typeof fake.run} */ async (command, args, options) => {
      if (args.includes("publish")) npmrcAtPublish = await readFile(String(options.env?.npm_config_userconfig), "utf8");
      return fake.run(command, args, options);
    };
    const { context, logged } = contextFor({ ...fake, run }, cwd);
    await release({ ...context, run });

    expect(fake.lines()).toEqual([
      SNAPSHOT_CHECK,
      "git status --porcelain",
      ...CHECKS,
      "git status --porcelain",
      "pnpm exec changeset publish",
    ]);
    const publishEnv = fake.calls.at(-1)?.options.env;
    expect(publishEnv?.npm_config_registry).toBe("https://registry.npmjs.org/");
    expect(npmrcAtPublish).toBe(
      `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${TOKEN_REFERENCE}\n`,
    );
    // The userconfig is temporary: gone once the publish is over.
    await expect(readFile(String(publishEnv?.npm_config_userconfig))).rejects.toThrow(/ENOENT/);
    expect(logged.join("\n")).toContain("git push --follow-tags");
    expect(logged.join("\n")).not.toContain(TOKEN);
  });

  it("refuses a dirty tree before running anything else", async () => {
    const cwd = await tempRepo();
    const fake = fakeRunner({ "git status --porcelain": { output: " M README.md\n" } });
    await expect(release(contextFor(fake, cwd).context)).rejects.toThrow(/Refusing to release from a dirty work tree/);
    expect(fake.lines()).toEqual([SNAPSHOT_CHECK, "git status --porcelain"]);
  });

  it("refuses while changesets are waiting for `changeset version`", async () => {
    const cwd = await tempRepo(["brave-lions-sing.md"]);
    const fake = fakeRunner();
    await expect(release(contextFor(fake, cwd).context)).rejects.toThrow(
      /1 changeset\(s\) not yet applied \(brave-lions-sing.md\)/,
    );
    expect(fake.lines()).not.toContain("pnpm exec changeset publish");
  });

  it("refuses without NPM_TOKEN before the slow checks", async () => {
    const cwd = await tempRepo();
    const fake = fakeRunner();
    await expect(release(contextFor(fake, cwd, {}).context)).rejects.toThrow(
      "NPM_TOKEN is not set: export a publish token for https://registry.npmjs.org/ and run again.",
    );
    expect(fake.lines()).toEqual([SNAPSHOT_CHECK, "git status --porcelain"]);
  });

  it("does not publish when a check fails, and names the check", async () => {
    const cwd = await tempRepo();
    const fake = fakeRunner({ "pnpm exec turbo run lint": { code: 2 } });
    const error = await release(contextFor(fake, cwd).context).catch((e) => e);
    expect(error.message).toBe("Release stopped: `turbo run lint` failed (exit 2). Nothing was published.");
    expect(fake.lines()).not.toContain("pnpm exec turbo run test");
    expect(fake.lines()).not.toContain("pnpm exec changeset publish");
  });

  it("does not publish when the checks changed tracked files", async () => {
    const cwd = await tempRepo();
    const fake = fakeRunner({ "git status --porcelain": [{ output: "" }, { output: " M packages/types/src/x.ts\n" }] });
    await expect(release(contextFor(fake, cwd).context)).rejects.toThrow(/dirty work tree/);
    expect(fake.lines()).not.toContain("pnpm exec changeset publish");
  });

  it("reports a failed publish as a failure", async () => {
    const cwd = await tempRepo();
    const fake = fakeRunner({ "pnpm exec changeset publish": { code: 1 } });
    await expect(release(contextFor(fake, cwd).context)).rejects.toMatchObject({ step: "changeset publish" });
  });

  it("publishes to the registry from npm_config_registry", async () => {
    const cwd = await tempRepo();
    const fake = fakeRunner();
    await release(contextFor(fake, cwd, { NPM_TOKEN: TOKEN, npm_config_registry: "http://127.0.0.1:4873" }).context);
    expect(fake.calls.at(-1)?.options.env?.npm_config_registry).toBe("http://127.0.0.1:4873/");
  });
});
