// @ts-check
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * The committed public API reports (`*.api.md`), by file name; none when the folder is missing.
 *
 * @param {string} dir
 * @returns {Promise<Map<string, string>>}
 */
export async function readApiReports(dir) {
  /** @type {Map<string, string>} */
  const reports = new Map();
  const names = await readdir(dir).catch(() => /** @type {string[]} */ ([]));
  for (const name of names.filter((file) => file.endsWith(".api.md")).sort()) {
    reports.set(name, await readFile(join(dir, name), "utf8"));
  }
  return reports;
}

/**
 * The lines each report gained or lost, for the maintainer to see what the SDK's callers get:
 * "  client.api.md", "    + deleteWidget(...)". Line order within a report is not compared:
 * API Extractor sorts declarations, so a moved line is no change of surface.
 *
 * @param {Map<string, string>} before
 * @param {Map<string, string>} after
 * @returns {string[]}
 */
export function apiReportChanges(before, after) {
  /** @type {string[]} */
  const lines = [];
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const old = significant(before.get(name) ?? "");
    const now = significant(after.get(name) ?? "");
    const removed = [...old].filter((line) => !now.has(line));
    const added = [...now].filter((line) => !old.has(line));
    if (removed.length + added.length === 0) continue;
    lines.push(`  ${name}`, ...removed.map((line) => `    - ${line}`), ...added.map((line) => `    + ${line}`));
  }
  return lines;
}

/** @param {string} text */
function significant(text) {
  return new Set(
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("//") && !line.startsWith("```")),
  );
}
