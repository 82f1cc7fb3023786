#!/usr/bin/env node
// @ts-check
import { runCli } from "@sdkit/cli-kit";
import { findRoot } from "../src/root.js";
import { specCheck } from "../src/spec-check.js";

await runCli(async () => specCheck({ root: await findRoot(process.cwd()), log: (text) => console.log(text) }), {
  name: "spec:check",
});
