#!/usr/bin/env node
// @ts-check
import { ReleaseError } from "../src/errors.js";
import { release } from "../src/release.js";
import { runCommand } from "../src/run-command.js";

try {
  await release({ run: runCommand, cwd: process.cwd(), env: process.env, log: (line) => console.log(line) });
} catch (error) {
  if (!(error instanceof ReleaseError)) throw error;
  console.error(`release: ${error.message}`);
  process.exitCode = 1;
}
