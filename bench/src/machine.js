// @ts-check
import { execFileSync } from "node:child_process";
import { cpus, freemem, loadavg, release, totalmem, type } from "node:os";

/**
 * What a reader needs to judge the figures: the hardware, how busy it was, and the versions.
 *
 * @param {string} repoRoot
 */
export function machineFacts(repoRoot) {
  const cpuList = cpus();
  const run = (/** @type {string} */ file, /** @type {string[]} */ args) => {
    try {
      return execFileSync(file, args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return "unknown";
    }
  };
  return {
    os: `${type()} ${release()}`,
    cpu: cpuList[0]?.model.trim() ?? "unknown",
    cores: cpuList.length,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGbAtStart: Math.round((freemem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
    node: process.version,
    pnpm: run("pnpm", ["--version"]),
    turbo: run("pnpm", ["exec", "turbo", "--version"]),
    commit: run("git", ["rev-parse", "--short", "HEAD"]),
    // The results of an earlier run are not a change to what is measured.
    dirty: run("git", ["status", "--porcelain", "--", ".", ":(exclude)bench/results"]) !== "",
  };
}
