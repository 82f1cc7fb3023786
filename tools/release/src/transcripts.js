// @ts-check
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * README transcripts: a fenced code block tagged `console` shows a real run. Lines starting with `$ `
 * are commands; the lines after one, up to the next command, are what it printed. In the expected
 * output, `…` inside a line matches any text and a line that is only `…` matches any number of lines
 * (build logs, say), and 14-digit timestamps (changesets snapshot versions) match any timestamp.
 * Tests replay the commands and compare, so a README cannot drift from what the code prints.
 *
 * @typedef {{ file: string, line: number, command: string, expected: string[] }} Transcript
 */

/**
 * The READMEs whose transcripts are checked, relative to the repository root: the root one and those
 * of every package under `packages/` and `tools/`.
 *
 * @param {string} root
 */
export async function readmeFiles(root) {
  const files = ["README.md"];
  for (const group of ["packages", "tools"]) {
    const entries = await readdir(join(root, group), { withFileTypes: true });
    for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = `${group}/${entry.name}/README.md`;
      if (existsSync(join(root, file))) files.push(file);
    }
  }
  return files;
}

/**
 * Every transcript in one Markdown text.
 *
 * @param {string} markdown
 * @param {string} file reported in each transcript, for error messages
 * @returns {Transcript[]}
 */
export function parseTranscripts(markdown, file) {
  /** @type {Transcript[]} */
  const transcripts = [];
  const lines = markdown.split("\n");
  let inBlock = false;
  let indent = 0;
  /** @type {Transcript | undefined} */
  let current;
  for (const [index, line] of lines.entries()) {
    const fence = /^( *)```(\S*)/.exec(line);
    if (fence) {
      if (!inBlock && fence[2] === "console") {
        inBlock = true;
        // A block inside a list item is indented; its lines lose exactly the fence's indentation.
        indent = fence[1]?.length ?? 0;
      } else if (inBlock) {
        inBlock = false;
        current = undefined;
      }
      continue;
    }
    if (!inBlock) continue;
    const text = line.slice(Math.min(indent, line.length - line.trimStart().length));
    // A command continued with a trailing backslash goes on on the next line.
    if (current && current.expected.length === 0 && current.command.endsWith("\\")) {
      current.command = `${current.command.slice(0, -1)}${text.trimStart()}`;
      continue;
    }
    if (text.startsWith("$ ")) {
      current = { file, line: index + 1, command: text.slice(2), expected: [] };
      transcripts.push(current);
    } else if (current) current.expected.push(text);
  }
  for (const transcript of transcripts) {
    while (transcript.expected.at(-1) === "") transcript.expected.pop();
  }
  return transcripts;
}

/**
 * The transcripts of every README in README_FILES.
 *
 * @param {string} root the repository root
 */
export async function readmeTranscripts(root) {
  /** @type {Transcript[]} */
  const all = [];
  for (const file of await readmeFiles(root)) {
    all.push(...parseTranscripts(await readFile(join(root, file), "utf8"), file));
  }
  return all;
}

const TIMESTAMP = /\b\d{14}\b/g;

/** @param {string} line */
function linePattern(line) {
  const parts = line.replace(TIMESTAMP, "\u0000").split("…");
  const escaped = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replaceAll("\u0000", "\\d{14}"));
  return new RegExp(`^${escaped.join(".*")}$`);
}

/**
 * Whether `actual` output matches a transcript's expected lines.
 *
 * @param {string[]} expected
 * @param {string[]} actual
 */
export function matchesTranscript(expected, actual) {
  const patterns = expected.map((line) => (line === "…" ? undefined : linePattern(line)));
  /** @type {(e: number, a: number) => boolean} */
  const match = (e, a) => {
    if (e === patterns.length) return a === actual.length;
    const pattern = patterns[e];
    if (pattern === undefined) {
      for (let skip = a; skip <= actual.length; skip++) if (match(e + 1, skip)) return true;
      return false;
    }
    return a < actual.length && pattern.test(/** @type {string} */ (actual[a])) && match(e + 1, a + 1);
  };
  return match(0, 0);
}

/**
 * Splits a command line as a POSIX shell would for the quoting READMEs use: single and double quotes,
 * backslash escapes. No expansion, no operators.
 *
 * @param {string} command
 * @returns {string[]}
 */
export function shellWords(command) {
  /** @type {string[]} */
  const words = [];
  let word = "";
  let started = false;
  for (let i = 0; i < command.length; i++) {
    const char = /** @type {string} */ (command[i]);
    if (char === "'") {
      const end = command.indexOf("'", i + 1);
      if (end === -1) throw new SyntaxError(`unterminated ' in: ${command}`);
      word += command.slice(i + 1, end);
      started = true;
      i = end;
    } else if (char === '"') {
      i++;
      while (i < command.length && command[i] !== '"') {
        if (command[i] === "\\" && i + 1 < command.length) i++;
        word += command[i];
        i++;
      }
      if (i >= command.length) throw new SyntaxError(`unterminated " in: ${command}`);
      started = true;
    } else if (char === "\\" && i + 1 < command.length) {
      word += command[++i];
      started = true;
    } else if (/\s/.test(char)) {
      if (started) words.push(word);
      word = "";
      started = false;
    } else {
      word += char;
      started = true;
    }
  }
  if (started) words.push(word);
  return words;
}
