// @ts-check
import { parseArgs } from "node:util";
import { reportCliError, UsageError } from "@sdkit/cli-kit";
import { releaseSnapshot, undoSnapshot } from "./snapshot.js";

export const SNAPSHOT_USAGE = `Usage:
  pnpm release:snapshot [tag] [--publish]   snapshot versions <next>-<tag>-<timestamp>, built (tag: "snapshot")
  pnpm release:snapshot --undo [--force]    put back every file the snapshot changed

  --publish   also publish under the dist-tag <tag> (NPM_TOKEN, npm_config_registry), then undo
  --force     with --undo: discard edits made to those files since the snapshot`;

/** @param {string[]} argv */
function parse(argv) {
  // `pnpm release:snapshot -- pr-42` forwards a literal "--"; skip it. An unknown option is a
  // parseArgs error, which reportCliError treats as a usage error.
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

/**
 * `pnpm release:snapshot`'s command line, apart from the process: returns the exit code.
 *
 * @param {string[]} argv
 * @param {import("./release.js").ReleaseContext & { error: (line: string) => void }} context
 * @returns {Promise<number>}
 */
export async function snapshotCli(argv, { error, ...context }) {
  try {
    const options = parse(argv);
    if (options.help) context.log(SNAPSHOT_USAGE);
    else if (options.undo) await undoSnapshot({ ...context, force: options.force });
    else await releaseSnapshot({ ...context, tag: options.tag, publish: options.publish });
    return 0;
  } catch (caught) {
    return reportCliError(caught, { name: "release:snapshot", usage: SNAPSHOT_USAGE, print: error });
  }
}
