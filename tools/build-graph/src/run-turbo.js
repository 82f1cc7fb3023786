// @ts-check
import { spawn } from "node:child_process";
import { REPO_ROOT, turboBin } from "./repo.js";

/**
 * Runs `turbo <args>` at the repo root with our stdio, in our process group (so a Ctrl-C in the
 * terminal reaches it as it reaches us).
 *
 * With `quiet`, its output is kept and printed only if it fails: a server command need not show
 * the cache hits that precede it.
 *
 * @param {string[]} args
 * @param {{ root?: string, quiet?: boolean }} [options]
 * @returns {{ child: import("node:child_process").ChildProcess, done: Promise<number> }}
 */
export function runTurbo(args, options = {}) {
  const root = options.root ?? REPO_ROOT;
  const child = spawn(process.execPath, [turboBin(root), ...args], {
    cwd: root,
    stdio: options.quiet ? ["inherit", "pipe", "pipe"] : "inherit",
    env: { TURBO_TELEMETRY_DISABLED: "1", ...process.env },
  });
  /** @type {Buffer[]} */
  const output = [];
  child.stdout?.on("data", (chunk) => output.push(chunk));
  child.stderr?.on("data", (chunk) => output.push(chunk));
  /** @type {Promise<number>} */
  const done = new Promise((resolve) => {
    child.once("error", () => resolve(1));
    child.once("close", (code, signal) => {
      const status = code ?? (signal ? 128 : 1);
      if (status !== 0 && options.quiet) process.stderr.write(Buffer.concat(output));
      resolve(status);
    });
  });
  return { child, done };
}
