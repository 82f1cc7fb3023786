// @ts-check
import { pathToFileURL } from "node:url";
import { onStopRequest } from "@sdkit/cli-kit";
import { userArgs } from "./repo.js";
import { runTurbo } from "./run-turbo.js";

/**
 * What `pnpm mock` and `pnpm docs:preview` do: build what the server serves through turbo (cache
 * hits when nothing changed), then run the server's CLI in this very process, so the process pnpm
 * started is the server: `kill <pid>`, SIGHUP, Ctrl-C and the death of pnpm all reach it (the
 * CLIs stop on each), and no turbo sits between pnpm and the server to be left running.
 *
 * @param {{ turboArgs: string[], cli: string, cliArgs?: string[] }} options `cli`: path of the server's
 *   CLI script; `cliArgs`: its arguments before the user's (a command, the folder it serves)
 */
export async function serveAfterBuild({ turboArgs, cli, cliArgs = [] }) {
  const args = userArgs();
  const build = runTurbo(["run", ...turboArgs, "--output-logs=errors-only"], { quiet: true });
  const stopWatching = onStopRequest(() => {
    build.child.kill("SIGTERM");
    build.done.then(() => process.exit(130));
  });
  const code = await build.done;
  stopWatching();
  if (code !== 0) {
    process.exitCode = code;
    return;
  }
  process.argv = [process.argv[0] ?? process.execPath, cli, ...cliArgs, ...args];
  await import(pathToFileURL(cli).href);
}
