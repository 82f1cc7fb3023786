#!/usr/bin/env node
// @ts-check
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { isAlive, launcherPids } from "../src/ancestors.js";
import { startCacheServer } from "../src/start-cache-server.js";
import { resolveServerToken } from "../src/token.js";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const stateDir = resolve(repoRoot, ".remote-cache");
const DEFAULT_PORT = "4545";

const usage = `Usage: pnpm cache:server [options]

Runs a Turborepo remote cache (turborepo-remote-cache) for this repo until Ctrl-C.

Options:
  --host <host>      interface to listen on (default: 127.0.0.1; use 0.0.0.0 only behind TLS)
  --port <port>      port to listen on; 0 picks a free one (default: ${DEFAULT_PORT})
  --storage <dir>    folder for artifacts (default: .remote-cache/storage, git-ignored)
  --verbose          print the server's request log
  -h, --help         show this help

Environment:
  TURBO_TOKEN        the token clients must send (default: kept in .remote-cache/token)
  STORAGE_PROVIDER   s3 | minio | google-cloud-storage | azure-blob-storage instead of the local folder,
                     with STORAGE_PATH (the bucket) and the provider's settings (S3_ENDPOINT, ...)`;

class UsageError extends Error {}

async function main() {
  // Who launched us, read first: a launcher that dies while the server starts must still count.
  const launchers = launcherPids();
  const { values } = parseArgs({
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: DEFAULT_PORT },
      storage: { type: "string" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return console.log(usage);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535)
    throw new UsageError(`--port must be 0..65535, got "${values.port}"`);
  const storageProvider = process.env.STORAGE_PROVIDER || "local";
  const storagePath =
    storageProvider === "local"
      ? resolve(values.storage ?? resolve(stateDir, "storage"))
      : (process.env.STORAGE_PATH ?? "");
  if (!storagePath) throw new UsageError(`STORAGE_PROVIDER=${storageProvider} needs STORAGE_PATH (the bucket name)`);

  const tokenFile = resolve(stateDir, "token");
  const { token, source } = await resolveServerToken({ env: process.env, tokenFile });
  const server = await startCacheServer({
    host: values.host,
    port,
    token,
    storagePath,
    storageProvider,
    onLog: (line) => {
      if (values.verbose || line.level >= 40) console.log(`[cache] ${line.message}`);
    },
  });

  const fromCwd = relative(process.cwd(), tokenFile);
  const shownTokenFile = fromCwd.startsWith("..") ? tokenFile : fromCwd;
  const tokenHint = source === "environment" ? "$TURBO_TOKEN" : `$(cat ${shownTokenFile})`;
  console.log(`Turborepo remote cache (turborepo-remote-cache ${server.version}) listening on ${server.url}`);
  console.log(`storage: ${storageProvider === "local" ? storagePath : `${storageProvider} bucket ${storagePath}`}`);
  console.log("Point turbo at it from another shell in this repo:");
  console.log(`  export TURBO_API=${server.url} TURBO_TEAM=hatch TURBO_TOKEN="${tokenHint}"`);
  console.log("  export TURBO_REMOTE_CACHE_SIGNATURE_KEY=...   # the team's signing key, 32 bytes or more");
  console.log("Press Ctrl-C to stop.");

  let stopping = false;
  const shutdown = async (/** @type {string} */ reason) => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    console.log(`cache server stopped (${reason})`);
  };
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
    process.once(signal, () => shutdown(signal));
  }
  // pnpm may exit on a signal without passing it on (then the shell it ran us in lives on): when
  // what launched us is gone, so are we.
  const parentWatch = setInterval(() => {
    if (launchers.some((pid) => !isAlive(pid))) shutdown("its launcher exited");
  }, 500);
  parentWatch.unref();

  const { code, signal } = await server.exited;
  clearInterval(parentWatch);
  if (!stopping) {
    console.error(`cache-server: the server exited unexpectedly (${signal ?? `code ${code}`})\n${server.log()}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  if (error instanceof UsageError || (error instanceof TypeError && "code" in error)) {
    console.error(`cache-server: ${error.message}\n\n${usage}`);
    process.exitCode = 2;
  } else {
    console.error(`cache-server: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
});
