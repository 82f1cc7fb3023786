#!/usr/bin/env node
// @ts-check
import { SpecUpdateError } from "../src/errors.js";
import { findRoot } from "../src/root.js";
import { runCommand } from "../src/run-command.js";
import { versionPackages } from "../src/version.js";

try {
  await versionPackages({ root: await findRoot(process.cwd()), run: runCommand, log: (text) => console.log(text) });
} catch (error) {
  if (!(error instanceof SpecUpdateError)) throw error;
  console.error(`version-packages: ${error.message}`);
  process.exitCode = 1;
}
