// @ts-check
// A fresh clone of the working tree (tracked and new files, as committed they would be) in a
// temporary folder, with its own offline install and its own turbo cache: a user's fresh clone.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { onStopRequest } from "@sdkit/cli-kit";
import { REPO_ROOT } from "../src/repo.js";

/** Our environment minus what the pnpm and turbo running this test set for themselves. */
export function cleanEnv() {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(TURBO_|npm_|INIT_CWD$|PNPM_|VITEST|NODE_ENV$)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0", NO_COLOR: "1" };
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 */
export function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout ?? "", output: `${result.stdout}\n${result.stderr}` };
}

/** Copies the working tree into a temporary git repo and installs it offline from pnpm's store. */
export function cloneRepo() {
  const dir = mkdtempSync(join(tmpdir(), "hatch-clone-"));
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split("\0").filter(Boolean)) {
    const from = join(REPO_ROOT, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(from, join(dir, file));
  }
  const steps = [
    ["git", ["init", "-q"]],
    ["git", ["add", "-A"]],
    ["git", ["-c", "user.email=test@example.com", "-c", "user.name=test", "commit", "-qm", "snapshot"]],
    // --prefer-offline: the store has every package, but pnpm may still want registry metadata it
    // has not cached (its lockfile policy check), which --offline would refuse.
    ["pnpm", ["install", "--prefer-offline", "--frozen-lockfile"]],
  ];
  for (const [command, args] of /** @type {Array<[string, string[]]>} */ (steps)) {
    const result = run(command, args, dir);
    if (result.code !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${dir}:\n${result.output}`);
  }
  return {
    dir,
    /** @param {string[]} args */
    turbo: (args) => run(process.execPath, [join(dir, "node_modules/turbo/bin/turbo"), ...args], dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Starts `pnpm <args>` in `cwd` as a terminal would: in its own process group (so the test can
 * send a Ctrl-C to the whole group), collecting its output.
 *
 * @param {string[]} args
 * @param {string} cwd
 */
export function startPnpm(args, cwd) {
  const child = spawn("pnpm", args, { cwd, env: cleanEnv(), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const group = /** @type {number} */ (child.pid);
  startedGroups.add(group);
  child.once("exit", () => startedGroups.delete(group));
  killStartedGroupsOnStop();
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return {
    child,
    pid: /** @type {number} */ (child.pid),
    output: () => output,
    exited,
    /**
     * @param {RegExp} pattern
     * @param {number} [timeoutMs]
     */
    async waitFor(pattern, timeoutMs = 300_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (child.exitCode !== null) throw new Error(`pnpm ${args.join(" ")} exited before ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`);
        await sleep(200);
      }
    },
  };
}

/**
 * Process groups `startPnpm` started that have not exited yet. A test's `finally` stops its own, but
 * an interrupted run (Ctrl-C, the runner SIGTERMing its worker) never reaches it, and a detached
 * group outlives us: pnpm does not watch its parent, so `pnpm mock` would keep its port forever.
 */
const startedGroups = new Set();
let stopHookInstalled = false;

function killStartedGroups() {
  for (const group of startedGroups) {
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      // already gone
    }
  }
  startedGroups.clear();
}

function killStartedGroupsOnStop() {
  if (stopHookInstalled) return;
  stopHookInstalled = true;
  // "exit" covers a normal end and process.exit; the stop request covers signals and the runner
  // that started this worker going away. SIGKILL to this process itself cannot be caught.
  process.on("exit", killStartedGroups);
  onStopRequest(() => {
    killStartedGroups();
    process.exit(130);
  });
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on right now. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** @param {number} port */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Processes (other than ps itself) whose command line mentions `text`. */
export function processesMentioning(/** @type {string} */ text) {
  const { stdout } = spawnSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return stdout
    .split("\n")
    .filter((line) => line.includes(text) && !/\bps -eo\b/.test(line))
    .map((line) => line.trim());
}

/**
 * Waits until `check` holds, up to `timeoutMs`; returns whether it did.
 *
 * @param {() => Promise<boolean> | boolean} check
 */
export async function eventually(check, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(250);
  }
  return check();
}

/**
 * Kills whatever a failed test left in the clone: every process group started there.
 *
 * @param {string} dir
 * @param {number} [group] the process group of the command the test started
 */
export function killLeftovers(dir, group) {
  // The started command's own process group first: a runner whose command line names no path in
  // the clone (`node tools/build-graph/bin/dev.js`, run from inside it) is found only that way.
  if (group !== undefined) {
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      // already gone
    }
  }
  for (const line of processesMentioning(dir)) {
    const pid = Number(line.split(/\s+/)[0]);
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}
