#!/usr/bin/env node
// @ts-check
// `pnpm dev`: builds everything (turbo), serves the mock and the docs, and on every save in spec/
// (the document, overlays, lint rules) rebuilds through turbo (types, SDK, docs: exactly what the
// edit affects) and reloads the mock on the fresh bundle without a gap (the previous document is
// served until the new one answers); the docs server serves the fresh site as soon as it is swapped
// in. A save that fails lint or build keeps both serving what they served. One Ctrl-C (or `kill`, or
// closing the terminal) stops everything.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { onStopRequest, runCli, UsageError } from "@sdkit/cli-kit";
import { startMock } from "@sdkit/mock";
import { startChild } from "../src/child.js";
import { REPO_ROOT, userArgs } from "../src/repo.js";
import { runTurbo } from "../src/run-turbo.js";
import { serialBuilds, watchSpec } from "../src/spec-watcher.js";

const usage = `Usage: pnpm dev [-- --mock-port 4010 --docs-port 8080]

Builds everything, serves the mock and the docs, rebuilds on every save in spec/.`;

async function main() {
  const { values } = parseArgs({
    args: userArgs(),
    options: {
      "mock-port": { type: "string", default: "4010" },
      "docs-port": { type: "string", default: "8080" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return console.log(usage);
  for (const flag of /** @type {const} */ (["mock-port", "docs-port"])) {
    if (!/^\d+$/.test(values[flag]) || Number(values[flag]) > 65_535)
      throw new UsageError(`--${flag} must be a port number, got "${values[flag]}"`);
  }

  /** @type {ReturnType<typeof runTurbo> | undefined} */
  let build;
  /** @type {import("@sdkit/mock").MockServer | undefined} */
  let mock;
  /** @type {ReturnType<typeof startChild> | undefined} */
  let docs;
  let stopping = false;
  /** @type {() => void} */
  let stopWatching = () => {};

  const specPath = join(REPO_ROOT, "spec/dist/openapi.json");
  // Prism reads its document once: the first build starts it, every later one reloads it (a new
  // Prism beside the old, switched to once it answers), so an app pointed at the mock sees no gap.
  const serveMock = async () => {
    if (!mock) {
      const started = await startMock({ port: Number(values["mock-port"]), specPath, log: false });
      mock = started;
      console.log(`dev: mock at ${started.url}`);
      started.exited.then(({ code, signal }) => {
        if (stopping) return;
        mock = undefined;
        console.log(`dev: the mock's Prism exited (${signal ?? `code ${code}`}); the next save starts it again`);
      });
      return;
    }
    try {
      const { startupMs } = await mock.reload();
      console.log(
        `dev: mock reloaded (the new Prism took ${startupMs} ms to start; the previous one answered until then)`,
      );
    } catch (error) {
      console.log(`dev: mock keeps serving the previous document: ${/** @type {Error} */ (error).message}`);
    }
  };
  const startDocs = () =>
    startChild(
      join(REPO_ROOT, "tools/docs-builder/src/cli.js"),
      ["preview", "--dir", join(REPO_ROOT, "packages/docs/dist"), "--port", values["docs-port"]],
      { cwd: REPO_ROOT },
    );

  onStopRequest(async (reason) => {
    stopping = true;
    stopWatching();
    build?.child.kill("SIGTERM");
    await Promise.all([build?.done, mock?.stop(), docs?.stop()]);
    console.log(`dev: stopped (${reason})`);
    process.exit(0);
  });

  const runBuild = async () => {
    const started = performance.now();
    build = runTurbo(["run", "build", "--output-logs=new-only"]);
    const code = await build.done;
    build = undefined;
    if (stopping) return false;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      code === 0 ? `dev: built in ${seconds} s` : `dev: build failed (exit ${code}); fix the spec and save again`,
    );
    return code === 0;
  };

  const builds = serialBuilds(runBuild, async (ok) => {
    if (!ok || stopping) return;
    await serveMock();
    // The docs server reads each file per request, so it already serves the swapped-in site.
    if (!stopping) docs ??= startDocs();
  });

  await builds.request();
  if (stopping) return;
  stopWatching = watchSpec(join(REPO_ROOT, "spec"), (paths) => {
    if (stopping) return;
    console.log(`dev: ${paths.join(", ")} changed, rebuilding`);
    builds.request();
  });
  console.log("dev: watching spec/ for changes. Ctrl-C stops everything.");
}

await runCli(main, { name: "dev", usage });
