// @ts-check
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join } from "node:path";
import { EXIT_WITH_PARENT, spawnGroup, ToolError } from "@sdkit/cli-kit";
import { cacheServerEnv } from "./server-env.js";
import { listeningUrl, parseServerLogLine } from "./server-log.js";

const require = createRequire(import.meta.url);
const packageJsonPath = require.resolve("turborepo-remote-cache/package.json");
const STOP_GRACE_MS = 5_000;

/** The pinned server's version and CLI entry, read from its package.json. */
export async function serverPackage() {
  const manifest = JSON.parse(await readFile(packageJsonPath, "utf8"));
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin["turborepo-remote-cache"];
  return { version: String(manifest.version), cli: join(dirname(packageJsonPath), bin) };
}

/**
 * @typedef {object} StartCacheServerOptions
 * @property {string} token bearer token the clients send (TURBO_TOKEN)
 * @property {string} storagePath absolute folder for local storage (created if missing), or a bucket name
 * @property {string} [storageProvider] default "local"; others read their settings from `env`
 * @property {string} [host] default 127.0.0.1
 * @property {number} [port] default 0: a free port
 * @property {NodeJS.ProcessEnv} [env] where object-storage settings come from, default process.env
 * @property {number} [timeoutMs] how long to wait for the server to listen, default 30 000
 * @property {(line: import("./server-log.js").ServerLogLine) => void} [onLog] every log line after start-up
 */

/**
 * @typedef {object} CacheServer
 * @property {string} url e.g. http://127.0.0.1:41234 (what TURBO_API should be)
 * @property {number} port
 * @property {number} pid the server's pid, also its process group
 * @property {string} version turborepo-remote-cache's version
 * @property {() => string} log everything the server printed so far
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited
 * @property {() => Promise<void>} stop SIGTERM, then SIGKILL after a grace period; safe to call twice
 */

/**
 * Starts the pinned turborepo-remote-cache and resolves once it listens. On any failure no server
 * process is left behind, and the error carries the server's output.
 *
 * @param {StartCacheServerOptions} options
 * @returns {Promise<CacheServer>}
 */
export async function startCacheServer(options) {
  const { host = "127.0.0.1", port = 0, storageProvider = "local", timeoutMs = 30_000, onLog } = options;
  if (storageProvider === "local") {
    if (!isAbsolute(options.storagePath)) throw new Error(`storagePath must be absolute, got ${options.storagePath}`);
    await mkdir(options.storagePath, { recursive: true });
  }
  const env = cacheServerEnv(
    { host, port, token: options.token, storagePath: options.storagePath, storageProvider },
    options.env,
  );
  const { version, cli } = await serverPackage();
  // Its own process group (see spawnGroup): a terminal's Ctrl-C reaches the CLI that started it
  // (which stops it in order) rather than both at once.
  const { child, exited, spawnFailed, stop } = spawnGroup(process.execPath, ["--require", EXIT_WITH_PARENT, cli], {
    env,
    graceMs: STOP_GRACE_MS,
  });

  let output = "";
  let partial = "";
  /** @type {(url: string) => void} */
  let onReady = () => {};
  /** @type {Promise<string>} */
  const ready = new Promise((resolve) => {
    onReady = resolve;
  });
  let isReady = false;
  const onChunk = (/** @type {Buffer} */ chunk) => {
    const text = partial + chunk.toString("utf8");
    output += chunk.toString("utf8");
    const lines = text.split(/\r?\n/);
    partial = lines.pop() ?? "";
    for (const raw of lines) {
      if (!raw.trim()) continue;
      const line = parseServerLogLine(raw);
      if (isReady) onLog?.(line);
      const url = listeningUrl(line);
      if (!isReady && url) {
        isReady = true;
        onReady(url);
      }
    }
  };
  child.stdout.on("data", onChunk);
  child.stderr.on("data", onChunk);

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const outcome = await Promise.race([
    ready.then((url) => ({ kind: "ready", url })),
    exited.then((how) => ({ kind: "exited", detail: how.signal ?? `code ${how.code}` })),
    spawnFailed.then((error) => ({ kind: "failed", detail: error.message })),
    new Promise((resolve) => {
      timer = setTimeout(resolve, timeoutMs, { kind: "timeout", detail: `no "listening" line within ${timeoutMs} ms` });
    }),
  ]);
  clearTimeout(timer);
  const result = /** @type {{ kind: string, url?: string, detail?: string }} */ (outcome);
  if (result.kind === "ready" && result.url) {
    return {
      url: result.url,
      port: Number(new URL(result.url).port),
      pid: /** @type {number} */ (child.pid),
      version,
      log: () => output,
      exited,
      stop,
    };
  }
  await stop();
  throw new ToolError(
    `turborepo-remote-cache ${version} did not start (${result.detail}):\n${output.trim() || "(no output)"}`,
  );
}
