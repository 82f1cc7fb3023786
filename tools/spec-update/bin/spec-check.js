#!/usr/bin/env node
// @ts-check
import { SpecUpdateError } from "../src/errors.js";
import { findRoot } from "../src/root.js";
import { specCheck } from "../src/spec-check.js";

try {
  await specCheck({ root: await findRoot(process.cwd()), log: (text) => console.log(text) });
} catch (error) {
  if (!(error instanceof SpecUpdateError)) throw error;
  console.error(`spec:check: ${error.message}`);
  process.exitCode = 1;
}
