// @ts-check
import { spawn } from "node:child_process";
import { REPORT_MARKER } from "./suite/report-marker.js";

/**
 * Runs one runtime process and returns the smoke report it printed. The process gets its own process
 * group, which is killed when it overruns `timeoutMs` (and on every exit path), so a runtime that
 * hangs fails its run instead of the test run. Fails with the process's output when it exits
 * non-zero or prints no report: a runtime that cannot start is a failure, never a skip.
 *
 * @param {{ label: string, command: string, args: string[], env?: NodeJS.ProcessEnv, cwd?: string, timeoutMs: number }} options
 * @returns {Promise<import("./suite/smoke-suite.js").SmokeReport>}
 */
export function runProcess({ label, command, args, env, cwd, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr = (stderr + chunk).slice(-8_000);
    });
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      killGroup();
      reject(new Error(`${label} did not finish within ${timeoutMs} ms\n${output()}`));
    }, timeoutMs);
    const output = () => `stdout:\n${stdout.slice(-4_000)}\nstderr:\n${stderr}`;
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`${label} could not start (${command}): ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      killGroup();
      const line = stdout.split("\n").find((candidate) => candidate.startsWith(REPORT_MARKER));
      if (code !== 0 || !line) {
        reject(
          new Error(`${label} exited with ${signal ?? code} ${line ? "" : "without a smoke report"}\n${output()}`),
        );
        return;
      }
      try {
        resolve(JSON.parse(line.slice(REPORT_MARKER.length)));
      } catch (error) {
        reject(new Error(`${label} printed an unreadable report: ${error}\n${output()}`));
      }
    });
  });
}
