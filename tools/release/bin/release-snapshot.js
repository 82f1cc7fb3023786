#!/usr/bin/env node
// @ts-check
import { parseArgs } from "node:util";
import { ReleaseError } from "../src/errors.js";
import { runCommand } from "../src/run-command.js";
import { releaseSnapshot, undoSnapshot } from "../src/snapshot.js";

const usage = `Usage:
  pnpm release:snapshot [tag] [--publish]   snapshot versions <next>-<tag>-<timestamp>, built (tag: "snapshot")
  pnpm release:snapshot --undo [--force]    put back every file the snapshot changed

  --publish   also publish under the dist-tag <tag> (NPM_TOKEN, npm_config_registry), then undo
  --force     with --undo: discard edits made to those files since the snapshot`;

class UsageError extends Error {}

/** @param {string[]} argv */
function parse(argv) {
  try {
    return parseOrThrow(argv);
  } catch (error) {
    // parseArgs reports unknown options as TypeErrors with an ERR_PARSE_ARGS_* code.
    if (error instanceof TypeError && "code" in error) throw new UsageError(error.message);
    throw error;
  }
}

/** @param {string[]} argv */
function parseOrThrow(argv) {
  // `pnpm release:snapshot -- pr-42` forwards a literal "--"; skip it.
  const { values, positionals } = parseArgs({
    args: argv.filter((arg) => arg !== "--"),
    allowPositionals: true,
    options: {
      undo: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      publish: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (positionals.length > 1) throw new UsageError(`expected at most one tag, got ${positionals.join(" ")}`);
  if (values.undo && (positionals.length > 0 || values.publish))
    throw new UsageError("--undo takes no tag and no --publish");
  if (values.force && !values.undo) throw new UsageError("--force only applies to --undo");
  return { ...values, tag: positionals[0] };
}

try {
  const options = parse(process.argv.slice(2));
  const context = {
    run: runCommand,
    cwd: process.cwd(),
    env: process.env,
    log: (/** @type {string} */ line) => console.log(line),
  };
  if (options.help) console.log(usage);
  else if (options.undo) await undoSnapshot({ ...context, force: options.force });
  else await releaseSnapshot({ ...context, tag: options.tag, publish: options.publish });
} catch (error) {
  if (error instanceof ReleaseError) {
    console.error(`release:snapshot: ${error.message}`);
    process.exitCode = 1;
  } else if (error instanceof UsageError) {
    console.error(`release:snapshot: ${error.message}\n\n${usage}`);
    process.exitCode = 2;
  } else throw error;
}
