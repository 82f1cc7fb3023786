// @ts-check
import { spawn } from "node:child_process";

/**
 * A long-running child (a server) with our stdio and in our process group, so a Ctrl-C reaches
 * it directly; `stop()` sends SIGTERM, waits for it to exit, and SIGKILLs it after `graceMs`.
 * The child also stops by itself if we die (the servers' CLIs watch their parent).
 *
 * @param {string} script
 * @param {string[]} args
 * @param {{ cwd: string, graceMs?: number }} options
 */
export function startChild(script, args, options) {
  const child = spawn(process.execPath, [script, ...args], { cwd: options.cwd, stdio: "inherit" });
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", () => resolve(null));
  });
  /** @type {Promise<void> | undefined} */
  let stopping;
  return {
    child,
    exited,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), options.graceMs ?? 5_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
