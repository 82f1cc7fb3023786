// @ts-check
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
// By path, not as a devDependency, whose name would be in the published manifest.
import { matchesTranscript, readmeTranscripts, shellWords } from "../../release/src/transcripts.js";
import { startMock } from "../src/index.js";

// The `curl` transcripts in the READMEs (see tools/release's README on transcripts) are replayed
// against a real mock; the documented address stands for wherever this one listens. This package's
// own README shows a mock of its small test document (it is published, and names no particular
// API); the other READMEs of the repository show the mock of the repository's bundled spec.
const DOCUMENTED_URL = "http://127.0.0.1:4010";
const OWN_README = "tools/mock/README.md";
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const fixture = fileURLToPath(new URL("../test/fixtures/pets.yaml", import.meta.url));
const curls = (await readmeTranscripts(repoRoot)).filter(({ command }) => command.startsWith("curl "));

/** @type {import("../src/index.js").MockServer} */
let mock;
/** @type {import("../src/index.js").MockServer} */
let fixtureMock;
beforeAll(async () => {
  mock = await startMock({ log: false });
  fixtureMock = await startMock({ specPath: fixture, log: false });
});
afterAll(async () => {
  await Promise.all([mock?.stop(), fixtureMock?.stop()]);
});

it("finds the documented curl examples", () => {
  expect(curls.map(({ file }) => file)).toEqual(expect.arrayContaining(["README.md", "tools/mock/README.md"]));
});

it.each(curls.map((transcript) => [`${transcript.file}:${transcript.line}`, transcript]))(
  "%s prints what the README shows",
  async (_where, transcript) => {
    const server = transcript.file === OWN_README ? fixtureMock : mock;
    const printed = (await curl(transcript.command.replaceAll(DOCUMENTED_URL, server.url))).split("\n");
    expect(matchesTranscript(transcript.expected, printed), `printed:\n${printed.join("\n")}`).toBe(true);
  },
);

/**
 * Runs the subset of curl the READMEs use (-s, -X, -H, -d, one URL) with fetch, printing the body as
 * `curl -s` would; anything else is refused so a new flag cannot be silently ignored.
 *
 * @param {string} command
 */
async function curl(command) {
  const [, ...words] = shellWords(command);
  /** @type {Record<string, string>} */
  const headers = {};
  let method = "GET";
  /** @type {string | undefined} */
  let body;
  /** @type {string | undefined} */
  let url;
  for (let i = 0; i < words.length; i++) {
    const word = /** @type {string} */ (words[i]);
    if (word === "-s") continue;
    else if (word === "-X") method = String(words[++i]);
    else if (word === "-H") {
      const [name, ...value] = String(words[++i]).split(":");
      headers[String(name).trim()] = value.join(":").trim();
    } else if (word === "-d") {
      body = words[++i];
      if (method === "GET") method = "POST";
    } else if (!word.startsWith("-") && url === undefined) url = word;
    else throw new Error(`curl replay does not know ${word} (in: ${command})`);
  }
  const response = await fetch(String(url), { method, headers, body });
  return response.text();
}
