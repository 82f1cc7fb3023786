// @ts-check
import { spawnGroup } from "@sdkit/cli-kit";
import { MockStartError, PortInUseError } from "./errors.js";
import { LogBuffer } from "./log-buffer.js";
import { prismNodeArgs } from "./prism-command.js";

const READY_LINE = /Prism is listening on (https?:\/\/\S+)/;
const STOP_GRACE_MS = 3_000;

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
 * @param {import("./prism-command.js").PrismOptions & { timeoutMs: number, timeoutReason?: string, onOutput?: (line: string) => void }} options
 *   timeoutReason: what the error says on a timeout (see start-budget.js), instead of the bare deadline
 * @returns {Promise<RunningPrism>}
 */
export async function launchPrism(options) {
  const { timeoutMs, timeoutReason, onOutput, ...prismOptions } = options;
  const log = new LogBuffer();
  const started = performance.now();
  // Its own process group (see spawnGroup): stopping it reaches anything it forks, and a Ctrl-C in
  // a terminal goes to the CLI (which stops Prism in order) rather than to both at once.
  const { child, exited, spawnFailed, stop } = spawnGroup(process.execPath, prismNodeArgs(prismOptions), {
    env: prismEnv(process.env),
    graceMs: STOP_GRACE_MS,
  });

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
    throw new MockStartError(timeoutReason ?? `it did not report listening within ${timeoutMs} ms`, prismLog);
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

/** Names of variables that hold credentials (`MY_API_KEY`, `GITHUB_TOKEN`, `DB_PASSWORD`, …). */
const CREDENTIAL_NAME = /(^|_)(API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)$/i;

/**
 * Prism's environment: ours without any variable named like a credential (Prism never needs one,
 * so it should not hold one), without colours, and with the usual "no telemetry" switches. Prism 5
 * sends no telemetry today; the switches only keep it that way should a dependency ever start to.
 *
 * @param {NodeJS.ProcessEnv} env
 */
export function prismEnv(env) {
  const kept = Object.fromEntries(Object.entries(env).filter(([name]) => !CREDENTIAL_NAME.test(name)));
  return { ...kept, NO_COLOR: "1", FORCE_COLOR: "0", DO_NOT_TRACK: "1", SCARF_ANALYTICS: "false" };
}
