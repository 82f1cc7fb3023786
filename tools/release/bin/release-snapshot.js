#!/usr/bin/env node
// @ts-check
import { runCommand } from "../src/run-command.js";
import { snapshotCli } from "../src/snapshot-cli.js";

process.exitCode = await snapshotCli(process.argv.slice(2), {
  run: runCommand,
  cwd: process.cwd(),
  env: process.env,
  log: (line) => console.log(line),
  error: (line) => console.error(line),
});
