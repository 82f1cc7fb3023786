// @ts-check
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/**
 * The parent pid of `pid`, from /proc on Linux or `ps` elsewhere; undefined when it cannot be read.
 *
 * @param {number} pid
 * @returns {number | undefined}
 */
export function parentOf(pid) {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
  } catch {
    try {
      const ppid = Number(execFileSync("ps", ["-o", "ppid=", "-p", String(pid)], { encoding: "utf8" }).trim());
      return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * This process's parent and grandparent (not init). `pnpm cache:server` runs us as
 * pnpm → sh → node: when pnpm is killed without passing the signal on, the shell lives on as our
 * parent, so watching the parent alone would keep the server running with nobody to stop it.
 *
 * @returns {number[]}
 */
export function launcherPids() {
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  return [parent, grandparent].filter((pid) => pid !== undefined && pid > 1).map(Number);
}

/**
 * Whether `pid` still runs. A zombie (exited, not yet reaped: common when its parent is gone and
 * init is slow to reap) counts as gone, though signalling it still succeeds.
 *
 * @param {number} pid
 */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no /proc (macOS): the signal test is all there is
  }
}
