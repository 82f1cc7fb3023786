#!/usr/bin/env node
// @ts-check
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { runCli, runCommand, UsageError } from "@sdkit/cli-kit";
import { findRoot } from "../src/root.js";
import { specUpdate } from "../src/spec-update.js";

const usage = "Usage: pnpm spec:update --from <url|file> [--dry-run] [--yes]";

await runCli(
  async () => {
    const { values } = parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== "--"),
      options: {
        from: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        yes: { type: "boolean", short: "y", default: false },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      console.log(usage);
      return;
    }
    if (!values.from) throw new UsageError("--from is required");
    const started = performance.now();
    await specUpdate({
      root: await findRoot(process.cwd()),
      from: values.from,
      dryRun: values["dry-run"],
      yes: values.yes,
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      confirm: async (question) => {
        const readline = createInterface({ input: process.stdin, output: process.stdout });
        try {
          return /^y(es)?$/i.test((await readline.question(question)).trim());
        } finally {
          readline.close();
        }
      },
      run: runCommand,
      log: (text) => console.log(text),
    });
    console.error(`spec:update took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  },
  { name: "spec:update", usage },
);
