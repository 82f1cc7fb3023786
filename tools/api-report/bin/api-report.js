#!/usr/bin/env node
// @ts-check
// `pnpm api:report` (with --update): regenerate the committed API reports from the built packages.
// Without --update: check them, exiting 1 with what changed (what the tests do).
import { apiReport, driftMessage, publicPackages, reportFileName, UPDATE_COMMAND } from "../src/api-report.js";

const update = process.argv.includes("--update");
let failed = false;
for (const pkg of await publicPackages()) {
  const result = await apiReport(pkg, { update });
  if (result.problems.length > 0) {
    console.error(`api-report: ${pkg.name}: API Extractor could not read ${pkg.entry}:\n${result.problems.join("\n")}`);
    console.error("Build the packages first: pnpm build");
    failed = true;
  } else if (update) {
    console.log(
      `${pkg.name}: tools/api-report/reports/${reportFileName(pkg.name)}.api.md ${result.changed ? "updated" : "unchanged"}`,
    );
  } else if (result.changed) {
    console.error(driftMessage(result));
    failed = true;
  } else console.log(`${pkg.name}: public API matches its report`);
}
if (failed) {
  if (!update) console.error(`api-report: run \`${UPDATE_COMMAND}\` after an intended change.`);
  process.exitCode = 1;
}
