#!/usr/bin/env node
// @ts-check
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { onStopRequest, runCli, UsageError } from "@sdkit/cli-kit";
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

async function main() {
  // Registered first: Ctrl-C, `kill`, or a launcher that dies while the server starts must stop it.
  /** @type {string | undefined} */
  let stopRequested;
  let requestStop = (/** @type {string} */ reason) => {
    stopRequested = reason;
  };
  const removeStopHandlers = onStopRequest((reason) => requestStop(reason));
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
  requestStop = async (reason) => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    console.log(`cache server stopped (${reason})`);
  };
  if (stopRequested !== undefined) requestStop(stopRequested);

  const { code, signal } = await server.exited;
  removeStopHandlers();
  if (!stopping) {
    console.error(`cache-server: the server exited unexpectedly (${signal ?? `code ${code}`})\n${server.log()}`);
    process.exitCode = 1;
  }
}

await runCli(main, { name: "cache-server", usage });
