#!/usr/bin/env node
// @ts-check
import { ReleaseError } from "../src/errors.js";
import { runCommand } from "../src/run-command.js";
import { releaseSnapshot } from "../src/snapshot.js";

// `pnpm release:snapshot -- pr-42` forwards a literal "--"; skip it.
const [tag] = process.argv.slice(2).filter((arg) => arg !== "--");
try {
  await releaseSnapshot({
    run: runCommand,
    cwd: process.cwd(),
    env: process.env,
    log: (line) => console.log(line),
    tag,
  });
} catch (error) {
  if (!(error instanceof ReleaseError)) throw error;
  console.error(`release:snapshot: ${error.message}`);
  process.exitCode = 1;
}
