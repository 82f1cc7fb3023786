#!/usr/bin/env node
// @ts-check
import { releaseCli } from "../src/release.js";
import { runCommand } from "../src/run-command.js";

process.exitCode = await releaseCli({
  run: runCommand,
  cwd: process.cwd(),
  env: process.env,
  log: (line) => console.log(line),
  error: (line) => console.error(line),
});
