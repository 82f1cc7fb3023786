#!/usr/bin/env node
// @ts-check
import { runCli, runCommand } from "@sdkit/cli-kit";
import { findRoot } from "../src/root.js";
import { versionPackages } from "../src/version.js";

await runCli(
  async () =>
    versionPackages({ root: await findRoot(process.cwd()), run: runCommand, log: (text) => console.log(text) }),
  { name: "version-packages" },
);
