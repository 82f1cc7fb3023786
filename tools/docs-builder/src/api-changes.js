// @ts-check
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { DocsBuildError } from "./errors.js";

/**
 * @typedef {object} ApiChange
 * @property {"major" | "minor" | "patch"} level
 * @property {"added" | "changed" | "removed"} kind
 * @property {string | null} operation e.g. `POST /v1/pets`
 * @property {string | null} target e.g. `request body: phoneNumber`
 * @property {string} text one sentence for readers
 */

/**
 * @typedef {object} ApiChangeReport
 * @property {string} version
 * @property {string} date
 * @property {"major" | "minor" | "patch"} bump
 * @property {ApiChange[]} changes
 */

const LEVELS = ["major", "minor", "patch"];
const KINDS = ["added", "changed", "removed"];
const REPORT_NAME = /^(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.json$/;

/**
 * Reads the API change reports the spec update writes, one per released version:
 * `spec/api-changes/<version>.json`. A missing folder is normal (no report yet). A report that
 * does not have the agreed shape fails the build, naming the file and the field, rather than
 * showing readers a wrong changelog.
 *
 * @param {string} dir
 * @returns {Promise<Map<string, ApiChangeReport>>} version → report
 */
export async function readApiChangeReports(dir) {
  /** @type {Map<string, ApiChangeReport>} */
  const reports = new Map();
  if (!existsSync(dir)) return reports;
  const problems = [];
  for (const name of (await readdir(dir)).sort()) {
    if (!name.endsWith(".json")) continue;
    const file = join(dir, name);
    const version = REPORT_NAME.exec(name)?.[1];
    if (!version) {
      problems.push(`${file}: the name must be <version>.json, e.g. 1.2.0.json`);
      continue;
    }
    let report;
    try {
      report = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const found = checkReport(report, version).map((problem) => `${file}: ${problem}`);
    if (found.length > 0) problems.push(...found);
    else reports.set(version, report);
  }
  if (problems.length > 0) throw new DocsBuildError(`Invalid API change reports:\n- ${problems.join("\n- ")}`);
  return reports;
}

/**
 * @param {any} report
 * @param {string} version from the file name
 * @returns {string[]} problems, each naming the field
 */
export function checkReport(report, version) {
  if (!report || typeof report !== "object" || Array.isArray(report)) return ["the report must be a JSON object"];
  const problems = [];
  if (report.version !== version) {
    problems.push(`version is ${JSON.stringify(report.version)}, but the file name says ${version}`);
  }
  // YYYY-MM-DD as agreed; a full ISO timestamp is accepted too (the page shows its date part).
  if (typeof report.date !== "string" || !/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(report.date)) {
    problems.push(`date must be a YYYY-MM-DD string, got ${JSON.stringify(report.date)}`);
  }
  if (!LEVELS.includes(report.bump))
    problems.push(`bump must be one of ${LEVELS.join(", ")}, got ${JSON.stringify(report.bump)}`);
  if (!Array.isArray(report.changes)) {
    problems.push("changes must be an array");
    return problems;
  }
  report.changes.forEach((/** @type {any} */ change, /** @type {number} */ index) => {
    const at = `changes[${index}]`;
    if (!change || typeof change !== "object") {
      problems.push(`${at} must be an object`);
      return;
    }
    if (!LEVELS.includes(change.level)) problems.push(`${at}.level must be one of ${LEVELS.join(", ")}`);
    if (!KINDS.includes(change.kind)) problems.push(`${at}.kind must be one of ${KINDS.join(", ")}`);
    for (const key of ["operation", "target"]) {
      if (change[key] !== null && typeof change[key] !== "string")
        problems.push(`${at}.${key} must be a string or null`);
    }
    if (typeof change.text !== "string" || change.text.trim() === "") problems.push(`${at}.text must be a sentence`);
  });
  return problems;
}

/**
 * Orders versions newest first (numeric major.minor.patch; a prerelease before its release).
 *
 * @param {string} a
 * @param {string} b
 */
export function compareVersionsDescending(a, b) {
  const parse = (/** @type {string} */ version) => {
    const [core = "", pre = ""] = version.split(/-(.*)/s);
    return { parts: core.split(".").map(Number), pre };
  };
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < 3; i++) {
    const diff = (right.parts[i] ?? 0) - (left.parts[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (left.pre === right.pre) return 0;
  if (left.pre === "") return -1;
  if (right.pre === "") return 1;
  return right.pre.localeCompare(left.pre);
}
