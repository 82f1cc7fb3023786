// @ts-check
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCommand } from "../src/run-command.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const require = createRequire(import.meta.url);
/** The changesets CLI this package pins, run with our Node (a temp workspace has no node_modules). */
export const changesetBin = join(dirname(require.resolve("@changesets/cli/package.json")), "bin.js");

/** @type {string[]} */
const created = [];

/** Deletes every workspace tempWorkspace made; call it from afterAll. */
export function removeTempWorkspaces() {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "Release Test",
  GIT_AUTHOR_EMAIL: "release-test@example.invalid",
  GIT_COMMITTER_NAME: "Release Test",
  GIT_COMMITTER_EMAIL: "release-test@example.invalid",
};

/** @param {string} cwd @param {string[]} args */
export function git(cwd, args) {
  return execFileSync("git", args, { cwd, env: GIT_ENV, encoding: "utf8" });
}

/** @param {string} path @param {unknown} value */
function writeJson(path, value) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

// Named like the repo's own pending changeset, so README transcripts of real runs replay here verbatim.
export const CHANGESET = "first-release.md";

/**
 * A git repository shaped like this one as far as changesets cares: the repo's real
 * `.changeset/config.json` (fixed group, snapshot settings), the two public packages at 0.1.0 (client
 * depending on types through `workspace:*`), a private package, and one pending minor changeset.
 *
 * @param {{ commitChangeset?: boolean, publicVersion?: string }} [options] `commitChangeset: false`
 *   leaves the changeset untracked, as when a snapshot is tried before committing it
 */
export function tempWorkspace({ commitChangeset = true, publicVersion = "0.1.0" } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "hatch-release-ws-"));
  created.push(dir);
  writeJson(join(dir, "package.json"), { name: "root", private: true, packageManager: "pnpm@12.4.2" });
  writeFileSync(join(dir, "pnpm-workspace.yaml"), "packages:\n  - packages/*\n");
  writeFileSync(join(dir, ".gitignore"), "node_modules\ndist\n");
  mkdirSync(join(dir, ".changeset"));
  // The repository's changesets config, less the fixed groups of packages this workspace lacks (the
  // toolchain's): changesets refuses a group that matches no package.
  const config = JSON.parse(readFileSync(join(repoRoot, ".changeset", "config.json"), "utf8"));
  config.fixed = config.fixed.filter((/** @type {string[]} */ group) =>
    group.some((name) => name.startsWith("@hatch-api/")),
  );
  writeJson(join(dir, ".changeset", "config.json"), config);
  writeFileSync(join(dir, ".changeset", "README.md"), "# Changesets\n");
  writeJson(join(dir, "packages", "types", "package.json"), { name: "@hatch-api/types", version: publicVersion });
  writeJson(join(dir, "packages", "client", "package.json"), {
    name: "@hatch-api/client",
    version: publicVersion,
    dependencies: { "@hatch-api/types": "workspace:*" },
  });
  writeJson(join(dir, "packages", "docs", "package.json"), {
    name: "@hatch-api/docs",
    version: "0.0.0",
    private: true,
  });
  git(dir, ["init", "-q", "-b", "main"]);
  const changeset = () =>
    writeFileSync(
      join(dir, ".changeset", CHANGESET),
      '---\n"@hatch-api/types": minor\n"@hatch-api/client": minor\n---\n\nA feature for users.\n',
    );
  if (commitChangeset) changeset();
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "initial"]);
  if (!commitChangeset) changeset();
  return dir;
}

/**
 * A Runner that runs git and the changesets CLI for real, and records (without running) turbo and
 * `changeset publish`, answering them from `answers` (exit code 0 unless told otherwise).
 *
 * @param {Record<string, number>} [answers] exit codes keyed by command line
 * @returns {{ run: import("../src/run-command.js").Runner, calls: Array<{ line: string, options: import("../src/run-command.js").RunOptions }>, lines: () => string[] }}
 */
export function workspaceRunner(answers = {}) {
  /** @type {Array<{ line: string, options: import("../src/run-command.js").RunOptions }>} */
  const calls = [];
  /** @type {import("../src/run-command.js").Runner} */
  const run = async (command, args, options) => {
    const line = [command, ...args].join(" ");
    calls.push({ line, options });
    if (line in answers) return { code: /** @type {number} */ (answers[line]), output: "" };
    if (command === "git") return runCommand(command, args, { ...options, env: GIT_ENV });
    if (line.startsWith("pnpm exec changeset version")) {
      return runCommand(process.execPath, [changesetBin, ...args.slice(2)], { ...options, capture: true });
    }
    return { code: 0, output: "" };
  };
  return { run, calls, lines: () => calls.map((call) => call.line).filter((line) => !line.startsWith("git ")) };
}
