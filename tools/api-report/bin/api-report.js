#!/usr/bin/env node
// @ts-check
// `pnpm api:report` (with --update): regenerate the committed API reports from the built packages.
// Without --update: check them, exiting 1 with what changed (what the tests do).
import { runCli, ToolError } from "@sdkit/cli-kit";
import { apiReport, driftMessage, publicPackages, reportFileName, UPDATE_COMMAND } from "../src/api-report.js";

async function main() {
  const update = process.argv.includes("--update");
  /** @type {string[]} */
  const problems = [];
  for (const pkg of await publicPackages()) {
    const result = await apiReport(pkg, { update });
    if (result.problems.length > 0) {
      problems.push(
        `${pkg.name}: API Extractor could not read ${pkg.entry}:\n${result.problems.join("\n")}\nBuild the packages first: pnpm build`,
      );
    } else if (update) {
      console.log(
        `${pkg.name}: tools/api-report/reports/${reportFileName(pkg.name)}.api.md ${result.changed ? "updated" : "unchanged"}`,
      );
    } else if (result.changed) {
      problems.push(driftMessage(result));
    } else console.log(`${pkg.name}: public API matches its report`);
  }
  if (problems.length > 0) {
    if (!update) problems.push(`Run \`${UPDATE_COMMAND}\` after an intended change.`);
    throw new ToolError(problems.join("\n"));
  }
}

await runCli(main, { name: "api-report" });
