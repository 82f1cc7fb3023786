// @ts-check
import { spawn } from "node:child_process";
import { MockStartError, PortInUseError } from "./errors.js";
import { LogBuffer } from "./log-buffer.js";
import { prismNodeArgs } from "./prism-command.js";

const READY_LINE = /Prism is listening on (https?:\/\/\S+)/;
const STOP_GRACE_MS = 3_000;

/** Process groups of Prisms still running, killed synchronously if this process exits first. */
const running = new Set();
let exitHookInstalled = false;

/**
 * @typedef {object} RunningPrism
 * @property {string} url where Prism listens, with the port Prism actually bound
 * @property {number} pid Prism's pid, also its process group id
 * @property {number} startupMs from spawn to Prism reporting that it listens
 * @property {() => string} log Prism's output so far (the last 500 lines)
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited settles when Prism exits
 * @property {() => Promise<void>} stop stops Prism and its process group; safe to call twice
 */

/**
 * Spawns Prism and waits until it says it listens. No pre-flight checks: see `startMock`.
 *
 * @param {import("./prism-command.js").PrismOptions & { timeoutMs: number, onOutput?: (line: string) => void }} options
 * @returns {Promise<RunningPrism>}
 */
export async function launchPrism(options) {
  const { timeoutMs, onOutput, ...prismOptions } = options;
  const log = new LogBuffer();
  const started = performance.now();
  // detached: Prism leads its own process group, so stopping it reaches anything it forks, and a
  // Ctrl-C in a terminal goes to the CLI (which stops Prism in order) rather than to both at once.
  const child = spawn(process.execPath, prismNodeArgs(prismOptions), {
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
    env: prismEnv(process.env),
  });
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      running.delete(child.pid);
      resolve({ code, signal });
    });
  });
  // A failed spawn emits "error" (and no "exit"); surface it as a start failure below.
  /** @type {Promise<Error>} */
  const spawnFailed = new Promise((resolve) => child.on("error", resolve));
  if (child.pid !== undefined) {
    running.add(child.pid);
    installExitHook();
  }

  /** @type {(url: string) => void} */
  let onReady = () => {};
  /** @type {Promise<string>} */
  const ready = new Promise((resolve) => {
    onReady = resolve;
  });
  let isReady = false;
  const onChunk = (/** @type {Buffer} */ chunk) => {
    for (const line of log.push(chunk.toString("utf8"))) {
      if (isReady) {
        onOutput?.(line);
        continue;
      }
      const url = READY_LINE.exec(line)?.[1];
      if (url) {
        isReady = true;
        onReady(url.replace(/\/$/, ""));
      }
    }
  };
  child.stdout.on("data", onChunk);
  child.stderr.on("data", onChunk);

  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = () => {
    stopping ??= stopGroup(child.pid, exited, () => child.stdin.destroy());
    return stopping;
  };

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {Promise<StartOutcome>} */
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ kind: "timeout" }), timeoutMs);
  });
  /** @type {StartOutcome} */
  const outcome = await Promise.race([
    ready.then((url) => /** @type {const} */ ({ kind: "ready", url })),
    exited.then((how) => /** @type {const} */ ({ kind: "exited", ...how })),
    spawnFailed.then((error) => /** @type {const} */ ({ kind: "spawn-failed", error })),
    timedOut,
  ]);
  clearTimeout(timer);

  if (outcome.kind === "ready") {
    return {
      url: outcome.url,
      pid: /** @type {number} */ (child.pid),
      startupMs: Math.round(performance.now() - started),
      log: () => log.text(),
      exited,
      stop,
    };
  }

  await stop();
  const prismLog = log.text();
  if (outcome.kind === "spawn-failed")
    throw new MockStartError(`could not spawn it (${outcome.error.message})`, prismLog);
  if (outcome.kind === "timeout")
    throw new MockStartError(`it did not report listening within ${timeoutMs} ms`, prismLog);
  const bindFailure = /EADDRINUSE.*:(\d+)\s*$/m.exec(prismLog);
  if (bindFailure) {
    const cause = new MockStartError("Prism could not bind its port", prismLog);
    throw new PortInUseError(prismOptions.host, Number(bindFailure[1]), { cause });
  }
  const how = outcome.signal ? `signal ${outcome.signal}` : `code ${outcome.code}`;
  throw new MockStartError(`it exited with ${how} before listening`, prismLog);
}

/**
 * @typedef {{ kind: "ready", url: string }
 *   | { kind: "exited", code: number | null, signal: NodeJS.Signals | null }
 *   | { kind: "spawn-failed", error: Error }
 *   | { kind: "timeout" }} StartOutcome
 */

/**
 * Prism's environment: ours without the API key (Prism never needs it, so it should not hold it),
 * without colours, and with the usual "no telemetry" switches. Prism 5 sends no telemetry today;
 * the switches only keep it that way should a dependency ever start to.
 *
 * @param {NodeJS.ProcessEnv} env
 */
export function prismEnv(env) {
  const { HATCH_API_KEY: _key, ...rest } = env;
  return { ...rest, NO_COLOR: "1", FORCE_COLOR: "0", DO_NOT_TRACK: "1", SCARF_ANALYTICS: "false" };
}

/**
 * @param {number | undefined} pid
 * @param {Promise<unknown>} exited
 * @param {() => void} closeStdin
 */
async function stopGroup(pid, exited, closeStdin) {
  if (pid === undefined) return;
  closeStdin();
  if (!running.has(pid)) return;
  killGroup(pid, "SIGTERM");
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const graceOver = new Promise((resolve) => {
    timer = setTimeout(resolve, STOP_GRACE_MS, "grace-over");
  });
  const first = await Promise.race([exited, graceOver]);
  clearTimeout(timer);
  if (first === "grace-over") {
    killGroup(pid, "SIGKILL");
    await exited;
  }
}

/** @param {number} pid @param {NodeJS.Signals} signal */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone, which is what we wanted.
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "ESRCH") throw error;
  }
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // "exit" handlers must be synchronous; a SIGKILL to the group is, and it is the last chance.
  process.on("exit", () => {
    for (const pid of running) killGroup(pid, "SIGKILL");
  });
}
