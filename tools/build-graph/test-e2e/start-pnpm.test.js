// @ts-check
// `startPnpm` (test/clone.js) starts `pnpm mock`, `pnpm dev`… in process groups of their own. A test
// run that is interrupted never reaches the test's `finally`; these groups must die with it anyway.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { sleep } from "../test/clone.js";

const CLONE_JS = pathToFileURL(join(import.meta.dirname, "../test/clone.js")).href;

/** @type {Array<() => void>} */
const cleanups = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** @param {number} group */
function groupAlive(group) {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A process that uses `startPnpm` to run an idle script, as a test worker would, and prints the
 * started group's id. With `exitAfterMs`, it then exits by itself, as a worker does at the end of a run.
 */
function startWorker({ exitAfterMs = 0 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "start-pnpm-"));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "idle", private: true, scripts: { idle: 'node -e "setInterval(() => {}, 1000)"' } }),
  );
  const driver = join(dir, "worker.mjs");
  writeFileSync(
    driver,
    `import { startPnpm } from ${JSON.stringify(CLONE_JS)};
const pnpm = startPnpm(["run", "idle"], ${JSON.stringify(dir)});
console.log(pnpm.pid);
setInterval(() => {}, 1000);
if (${exitAfterMs} > 0) setTimeout(() => process.exit(0), ${exitAfterMs});
`,
  );
  const worker = spawn(process.execPath, [driver], { stdio: ["ignore", "pipe", "inherit"] });
  /** @type {Promise<number>} */
  const group = new Promise((resolve, reject) => {
    let out = "";
    worker.stdout.on("data", (chunk) => {
      out += chunk;
      const line = out.match(/^(\d+)\n/);
      if (line) resolve(Number(line[1]));
    });
    worker.once("exit", (code) => reject(new Error(`worker exited (${code}) before starting pnpm: ${out}`)));
  });
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  cleanups.push(() => {
    worker.kill("SIGKILL");
    group.then((pid) => groupAlive(pid) && process.kill(-pid, "SIGKILL")).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });
  return { worker, group, exited };
}

/** @param {() => boolean} condition */
async function eventually(condition, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

describe("startPnpm's process groups", () => {
  for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT", "SIGHUP"])) {
    it(`die with the worker that started them when it gets ${signal}`, async () => {
      const { worker, group, exited } = startWorker();
      const pid = await group;
      expect(groupAlive(pid)).toBe(true);
      worker.kill(signal);
      await exited;
      expect(await eventually(() => !groupAlive(pid)), `process group ${pid} outlived its worker`).toBe(true);
    }, 30_000);
  }

  it("die when the worker exits on its own (process.exit)", async () => {
    const { group, exited } = startWorker({ exitAfterMs: 1000 });
    const pid = await group;
    expect(groupAlive(pid)).toBe(true);
    await exited;
    expect(await eventually(() => !groupAlive(pid)), `process group ${pid} outlived its worker`).toBe(true);
  }, 30_000);
});
