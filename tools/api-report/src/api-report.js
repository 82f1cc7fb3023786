// @ts-check
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Extractor, ExtractorConfig, ExtractorLogLevel } from "@microsoft/api-extractor";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Where the committed reports live, one `<unscoped package name>.api.md` per published package. */
export const REPORTS_DIR = fileURLToPath(new URL("../reports/", import.meta.url));

/** The command that regenerates the reports; every drift message names it. */
export const UPDATE_COMMAND = "pnpm api:report";

/**
 * @typedef {object} PublicPackage
 * @property {string} name e.g. "@hatch-api/client"
 * @property {string} dir the package directory
 * @property {string} entry the built declaration file its `types` export points at (ESM)
 */

/**
 * The workspace's published packages (those under `packages/` not marked private), each with the
 * declaration file of its main ESM entry.
 *
 * @param {string} [root]
 * @returns {Promise<PublicPackage[]>}
 */
export async function publicPackages(root = REPO_ROOT) {
  const packagesDir = join(root, "packages");
  /** @type {PublicPackage[]} */
  const found = [];
  for (const entry of (await readdir(packagesDir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!entry.isDirectory()) continue;
    const dir = join(packagesDir, entry.name);
    let manifest;
    try {
      manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    } catch {
      continue;
    }
    if (manifest.private) continue;
    // A command-only package (a CLI: `bin`, no "." export) has no importable surface to report;
    // its contract is its commands, which its own tests pin.
    if (manifest.exports && !manifest.exports["."] && manifest.bin) continue;
    const types = manifest.exports?.["."]?.import?.types ?? manifest.types;
    if (typeof types !== "string") throw new Error(`${manifest.name}: no "types" for its "." import export`);
    found.push({ name: manifest.name, dir, entry: join(dir, types) });
  }
  return found;
}

/** @param {string} name */
export function reportFileName(name) {
  return name.replace(/^@[^/]+\//, "");
}

/**
 * @typedef {object} ReportResult
 * @property {string} name
 * @property {boolean} changed the report API Extractor made differs from the committed one
 * @property {string} report the report as generated now
 * @property {string | undefined} committed the committed report (undefined: none yet)
 * @property {string[]} problems errors API Extractor reported (the surface could not be read)
 */

/**
 * Generates a package's API report from its built `.d.ts` with API Extractor and compares it with the
 * committed one; `update` writes the new report into `reportsDir` instead of only comparing.
 *
 * @param {PublicPackage} pkg
 * @param {{ update?: boolean, reportsDir?: string }} [options]
 * @returns {Promise<ReportResult>}
 */
export async function apiReport(pkg, { update = false, reportsDir = REPORTS_DIR } = {}) {
  const fileName = reportFileName(pkg.name);
  const tempDir = await mkdtemp(join(tmpdir(), "hatch-api-report-"));
  try {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: pkg.dir,
        mainEntryPointFilePath: pkg.entry,
        compiler: {
          // Only the built declarations are read; their imports resolve from the package's node_modules.
          overrideTsconfig: {
            compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true },
            files: [pkg.entry],
          },
        },
        apiReport: { enabled: true, reportFolder: reportsDir, reportTempFolder: tempDir, reportFileName: fileName },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
          extractorMessageReporting: {
            default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
            // A type used by the public surface but not exported is worth a reviewer's eye: noted in the report.
            "ae-forgotten-export": { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
          },
          tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false } },
        },
      },
      configObjectFullPath: undefined,
      packageJsonFullPath: join(pkg.dir, "package.json"),
    });
    /** @type {string[]} */
    const problems = [];
    const result = Extractor.invoke(config, {
      localBuild: update,
      messageCallback: (message) => {
        // Our own drift message replaces API Extractor's console output.
        message.handled = true;
        if (message.logLevel === ExtractorLogLevel.Error && message.messageId !== "console-api-report-changed") {
          problems.push(message.formatMessageWithLocation(REPO_ROOT));
        }
      },
    });
    const report = await readFile(join(tempDir, `${fileName}.api.md`), "utf8");
    const committed = await readFile(join(reportsDir, `${fileName}.api.md`), "utf8").catch(() => undefined);
    return { name: pkg.name, changed: result.apiReportChanged, report, committed, problems };
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

/**
 * What a reviewer needs when a report drifted: which declarations appeared and disappeared, and the
 * command that accepts the change.
 *
 * @param {ReportResult} result
 */
export function driftMessage({ name, report, committed }) {
  const file = `tools/api-report/reports/${reportFileName(name)}.api.md`;
  if (committed === undefined) return `${name}: no committed API report (${file}). Run \`${UPDATE_COMMAND}\`.`;
  const before = new Set(committed.split("\n"));
  const after = new Set(report.split("\n"));
  const removed = [...before].filter((line) => line.trim() && !after.has(line)).map((line) => `- ${line}`);
  const added = [...after].filter((line) => line.trim() && !before.has(line)).map((line) => `+ ${line}`);
  return [
    `The public API of ${name} changed (${file} is out of date):`,
    ...removed,
    ...added,
    `If the change is intended, run \`${UPDATE_COMMAND}\` and commit the report with it.`,
  ].join("\n");
}
