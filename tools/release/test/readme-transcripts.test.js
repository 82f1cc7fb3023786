// @ts-check
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { releaseCli } from "../src/release.js";
import { snapshotCli } from "../src/snapshot-cli.js";
import { matchesTranscript, parseTranscripts, readmeFiles, readmeTranscripts, shellWords } from "../src/transcripts.js";
import { git, removeTempWorkspaces, tempWorkspace, workspaceRunner } from "./temp-workspace.js";

afterAll(removeTempWorkspaces);

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const transcripts = await readmeTranscripts(repoRoot);

/** Who replays which documented commands; a transcript no test replays is an error. */
const REPLAYED_HERE = ["pnpm release:snapshot", "pnpm release", "git status --short"];
const REPLAYED_BY_MOCK_TESTS = ["curl "];

describe("README transcripts", () => {
  it("are all replayed by some test", () => {
    const unchecked = transcripts.filter(
      ({ command }) => ![...REPLAYED_HERE, ...REPLAYED_BY_MOCK_TESTS].some((prefix) => command.startsWith(prefix)),
    );
    expect(unchecked.map(({ file, line, command }) => `${file}:${line}: ${command}`)).toEqual([]);
  });

  const files = [...new Set(transcripts.filter(isReleaseCommand).map(({ file }) => file))];
  it("include release transcripts", () => {
    expect(files).toContain("README.md");
  });

  // Each README's release transcripts run in order, in one temp workspace shaped like this repo
  // (real git, real changesets; turbo and publish recorded), as a reader would type them.
  it.each(files)("in %s print what the commands print", async (file) => {
    const dir = tempWorkspace();
    for (const transcript of transcripts.filter((t) => t.file === file && isReleaseCommand(t))) {
      const printed = await replay(transcript.command, dir);
      const where = `${transcript.file}:${transcript.line}: $ ${transcript.command}`;
      expect(matchesTranscript(transcript.expected, printed), `${where}\nprinted:\n${printed.join("\n")}`).toBe(true);
    }
  });
});

/** @param {{ command: string }} transcript */
function isReleaseCommand({ command }) {
  return REPLAYED_HERE.some((prefix) => command.startsWith(prefix));
}

/**
 * @param {string} command
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
async function replay(command, dir) {
  /** @type {string[]} */
  const printed = [];
  const context = {
    run: workspaceRunner().run,
    cwd: dir,
    env: {},
    log: (/** @type {string} */ text) => printed.push(...text.split("\n")),
    error: (/** @type {string} */ text) => printed.push(...text.split("\n")),
  };
  const [, script, ...args] = shellWords(command);
  if (command.startsWith("git status --short")) return git(dir, ["status", "--short"]).split("\n").filter(Boolean);
  if (script === "release:snapshot") await snapshotCli(args, context);
  else if (script === "release") await releaseCli(context);
  else throw new Error(`no replay for: ${command}`);
  return printed;
}

describe("transcript matching", () => {
  it("parses console blocks, indented or not, with continued commands", () => {
    const markdown = [
      "```sh",
      "$ not a transcript",
      "```",
      "- item:",
      "  ```console",
      "  $ echo one \\",
      "    two",
      "    indented output",
      "  $ next",
      "  ```",
    ].join("\n");
    expect(parseTranscripts(markdown, "x.md")).toEqual([
      { file: "x.md", line: 6, command: "echo one two", expected: ["  indented output"] },
      { file: "x.md", line: 9, command: "next", expected: [] },
    ]);
  });

  it("matches … within and across lines, and any snapshot timestamp", () => {
    expect(matchesTranscript(["…", "done at 20261126123752"], ["log", "log", "done at 20990101000000"])).toBe(true);
    expect(matchesTranscript(["a …", "b"], ["a anything", "b"])).toBe(true);
    expect(matchesTranscript(["a", "b"], ["a", "b", "extra"])).toBe(false);
    expect(matchesTranscript(["0.2.1-pr-42-20261126123752"], ["0.2.0-pr-42-20261126123752"])).toBe(false);
  });

  it("splits commands with shell quoting", () => {
    expect(shellWords(`curl -H "A: b" -d '{"x":1}' url\\ x`)).toEqual(["curl", "-H", "A: b", "-d", '{"x":1}', "url x"]);
  });
});

it("reads the README of every package and tool", async () => {
  const files = await readmeFiles(repoRoot);
  expect(files).toEqual(expect.arrayContaining(["README.md", "tools/release/README.md", "tools/mock/README.md"]));
  expect(files).toEqual(expect.arrayContaining(["packages/client/README.md"]));
});
