// @ts-check
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Preload for a server started with `spawnGroup` (`node --require EXIT_WITH_PARENT server.js`): it
 * exits when whoever started it goes away, even by SIGKILL (see exit-with-parent.cjs).
 */
export const EXIT_WITH_PARENT = fileURLToPath(new URL("./exit-with-parent.cjs", import.meta.url));

/** Process groups still running, killed synchronously if this process exits first. */
const running = new Set();
let exitHookInstalled = false;

/**
 * @typedef {object} SpawnedGroup
 * @property {import("node:child_process").ChildProcessWithoutNullStreams} child
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} exited settles when it exits
 * @property {Promise<Error>} spawnFailed settles if it could not be started (then `exited` never does)
 * @property {() => Promise<void>} stop closes its stdin, SIGTERMs the group, SIGKILLs it after the
 *   grace period; safe to call twice
 */

/**
 * Spawns a long-running server as the leader of its own process group, with piped stdio. Stopping it
 * reaches anything it forks, and a Ctrl-C in a terminal goes to the CLI that started it (which stops
 * it in order) rather than to both at once. It is killed if this process exits without stopping it.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, graceMs: number }} options
 * @returns {SpawnedGroup}
 */
export function spawnGroup(command, args, { env = process.env, graceMs }) {
  const child = spawn(command, args, { detached: true, env, stdio: ["pipe", "pipe", "pipe"] });
  /** @type {SpawnedGroup["exited"]} */
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      running.delete(child.pid);
      resolve({ code, signal });
    });
  });
  /** @type {Promise<Error>} */
  const spawnFailed = new Promise((resolve) => child.once("error", resolve));
  if (child.pid !== undefined) {
    running.add(child.pid);
    installExitHook();
  }
  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = () => {
    stopping ??= stopGroup(child, exited, graceMs);
    return stopping;
  };
  return { child, exited, spawnFailed, stop };
}

/**
 * @param {import("node:child_process").ChildProcessWithoutNullStreams} child
 * @param {Promise<unknown>} exited
 * @param {number} graceMs
 */
async function stopGroup(child, exited, graceMs) {
  const { pid } = child;
  if (pid === undefined) return;
  child.stdin.destroy();
  if (!running.has(pid)) return;
  killGroup(pid, "SIGTERM");
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const graceOver = new Promise((resolve) => {
    timer = setTimeout(resolve, graceMs, "grace-over");
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
