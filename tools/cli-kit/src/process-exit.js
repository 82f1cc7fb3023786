// @ts-check
import { readFileSync } from "node:fs";

/** How often the starter's process is checked: a stopped server frees its port within this. */
const PARENT_POLL_MS = 500;
const SHELLS = new Set(["sh", "dash", "bash", "zsh"]);
const RUNNERS = new Set(["pnpm", "npm", "node", "yarn", "bun"]);

/**
 * The process whose death means "stop": our parent, or, when the parent is the `sh -c` that a
 * package manager runs scripts in, the package manager. `kill <pnpm pid>` stops pnpm but not the
 * shell between us (it waits for us), so watching the shell alone would miss it. Linux (/proc);
 * elsewhere, the parent.
 */
export function starterPid() {
  const parent = process.ppid;
  const grandparent = procParent(parent);
  if (grandparent && SHELLS.has(procName(parent) ?? "") && RUNNERS.has(procName(grandparent) ?? "")) return grandparent;
  return parent;
}

/**
 * Calls `stop` once, with the reason, on the first of: SIGINT (Ctrl-C), SIGTERM (`kill <pid>`),
 * SIGHUP (terminal closed), or the starter (see `starterPid`) going away without telling us, as
 * when `kill <pnpm pid>` leaves pnpm's children behind. Whatever `stop` does must end with the
 * process exiting; a second signal while stopping exits at once (code 130).
 *
 * @param {(reason: string) => unknown} stop
 * @returns {() => void} removes the handlers
 */
export function onStopRequest(stop) {
  let stopping = false;
  const watched = starterPid();
  const parent = process.ppid;
  /** @param {string} reason */
  const request = (reason) => {
    if (stopping) {
      if (reason.startsWith("SIG")) process.exit(130);
      return;
    }
    stopping = true;
    stop(reason);
  };
  const signals = /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"]);
  const handlers = signals.map((signal) => {
    const handler = () => request(signal);
    process.on(signal, handler);
    return /** @type {const} */ ([signal, handler]);
  });
  const poll = setInterval(() => {
    // Reparented (our parent died) or the starter is gone.
    if (process.ppid !== parent || !isAlive(watched)) request(`the process that started us (${watched}) exited`);
  }, PARENT_POLL_MS);
  poll.unref();
  return () => {
    clearInterval(poll);
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}

/** @param {number} pid */
function isAlive(pid) {
  if (pid <= 1) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/** @param {number} pid */
function procName(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return undefined;
  }
}

/** @param {number} pid */
function procParent(pid) {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}
