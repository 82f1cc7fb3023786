// @ts-check
// Shared builds across machines, end to end: two clean clones of this repo's HEAD (fresh installs
// from the local pnpm store, empty turbo caches) build against one real turborepo-remote-cache on
// 127.0.0.1, with signed artifacts. Times are printed for the record, never asserted.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCacheServer } from "../src/start-cache-server.js";
import { runTurboScript } from "../src/turbo-run.js";
import { cleanToolEnv, cloneWorkspace, gitHead, resetClone, untrackedFileDigests } from "../src/workspace-clone.js";

const TEAM = "hatch";
const here = fileURLToPath(new URL(".", import.meta.url));

let scratch = "";
/** @type {import("../src/start-cache-server.js").CacheServer | undefined} */
let server;
const token = randomBytes(24).toString("base64url");
const signatureKey = randomBytes(32).toString("base64");
const storagePath = () => join(scratch, "storage");
/** @type {Record<string, number>} */
const timings = {};

/** turbo's environment in a clone: clean, pointed at the test's server unless told otherwise. */
function remoteEnv(overrides = {}) {
  return {
    ...cleanToolEnv(),
    TURBO_API: server?.url,
    TURBO_TOKEN: token,
    TURBO_TEAM: TEAM,
    TURBO_REMOTE_CACHE_SIGNATURE_KEY: signatureKey,
    ...overrides,
  };
}

/** @param {Awaited<ReturnType<typeof runTurboScript>>} run */
function describeRun(run) {
  return `${run.tasks.map((t) => `${t.taskId}: ${t.status}${t.source ? ` (${t.source})` : ""}`).join("\n")}\n--- turbo output ---\n${run.output}`;
}

/** @type {{ a: string, b: string }} */
const clones = { a: "", b: "" };
/** @type {Awaited<ReturnType<typeof runTurboScript>>} */
let coldRun;
/** @type {Map<string, string>} */
let coldOutputs;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "hatch-remote-cache-e2e-"));
  const started = performance.now();
  server = await startCacheServer({ token, storagePath: storagePath() });
  const { root, commit } = await gitHead(here);
  clones.a = await cloneWorkspace({ source: root, commit, dir: join(scratch, "machine-a") });
  clones.b = await cloneWorkspace({ source: root, commit, dir: join(scratch, "machine-b") });
  timings["two clones + offline installs"] = Math.round(performance.now() - started);

  coldRun = await runTurboScript({ cwd: clones.a, env: remoteEnv() });
  timings["cold build (machine A, uploads)"] = coldRun.ms;
  if (coldRun.code !== 0) throw new Error(`the cold build failed:\n${describeRun(coldRun)}`);
  coldOutputs = await untrackedFileDigests(clones.a);
});

afterAll(async () => {
  await server?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
  if (Object.keys(timings).length > 0) {
    const lines = Object.entries(timings).map(([what, ms]) => `  ${what.padEnd(44)} ${(ms / 1000).toFixed(1)} s`);
    console.log(`remote-cache e2e timings (not asserted):\n${lines.join("\n")}`);
  }
});

describe("turbo remote cache against turborepo-remote-cache", () => {
  it("uploads a signed artifact for every task of the cold build", async () => {
    expect(coldRun.tasks.length).toBeGreaterThan(0);
    expect(coldRun.tasks.filter((t) => t.status === "HIT")).toEqual([]);
    const stored = new Set(await readdir(join(storagePath(), TEAM)));
    for (const task of coldRun.tasks) {
      expect(stored, `${task.taskId} artifact`).toContain(task.hash);
      expect(stored, `${task.taskId} signature tag`).toContain(`${task.hash}.tag`);
    }
    expect([...coldOutputs.keys()]).toEqual(expect.arrayContaining(["packages/client/dist/index.js"]));
  });

  it("gives a second clean clone every task as a remote hit, with byte-identical outputs", async () => {
    const run = await runTurboScript({ cwd: clones.b, env: remoteEnv() });
    timings["remote-hit build (machine B)"] = run.ms;
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.tasks.map((t) => t.taskId)).toEqual(coldRun.tasks.map((t) => t.taskId));
    for (const task of run.tasks)
      expect(`${task.taskId}: ${task.status} ${task.source}`).toBe(`${task.taskId}: HIT REMOTE`);
    expect(await untrackedFileDigests(clones.b)).toEqual(coldOutputs);

    // The same machine building again: what it has is served from its local cache, not downloaded.
    const again = await runTurboScript({ cwd: clones.b, env: remoteEnv() });
    timings["local-hit build (machine B again)"] = again.ms;
    expect(again.code, describeRun(again)).toBe(0);
    for (const task of again.tasks.filter((t) => t.status === "HIT")) {
      expect(`${task.taskId}: ${task.source}`).toBe(`${task.taskId}: LOCAL`);
    }
  });

  it("refuses a tampered artifact and rebuilds that task", async () => {
    // Swap one task's artifact for another task's: a well-formed archive, the wrong content, the
    // stored signature tag left in place. Without signatures turbo would restore it.
    const victim = coldRun.tasks.find((t) => t.taskId === "@hatch-api/client#build") ?? coldRun.tasks[0];
    const donor = coldRun.tasks.find((t) => t !== victim);
    if (!victim || !donor) throw new Error("the cold build needs at least two tasks");
    const victimPath = join(storagePath(), TEAM, victim.hash);
    const forged = await readFile(join(storagePath(), TEAM, donor.hash));
    await writeFile(victimPath, forged);

    await resetClone(clones.b);
    const run = await runTurboScript({ cwd: clones.b, env: remoteEnv() });
    timings["build with one tampered artifact"] = run.ms;
    expect(run.code, describeRun(run)).toBe(0);
    for (const task of run.tasks) {
      const expected = task.taskId === victim.taskId ? "MISS undefined" : "HIT REMOTE";
      expect(`${task.taskId}: ${task.status} ${task.source}`).toBe(`${task.taskId}: ${expected}`);
    }
    expect(await untrackedFileDigests(clones.b)).toEqual(coldOutputs);
    // The rebuild uploaded a genuine artifact over the forged one.
    expect((await readFile(victimPath)).equals(forged)).toBe(false);
  });

  it("warns and builds locally when the token is wrong", async () => {
    await resetClone(clones.b);
    const run = await runTurboScript({
      cwd: clones.b,
      args: ["--filter=@hatch-api/spec"],
      env: remoteEnv({ TURBO_TOKEN: "not-the-token" }),
    });
    timings["spec build with a wrong token"] = run.ms;
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.output).toMatch(/WARNING.*(401|403|Unauthorized|Forbidden)/);
    expect(run.tasks.length).toBeGreaterThan(0);
    for (const task of run.tasks) expect(`${task.taskId}: ${task.status}`).toBe(`${task.taskId}: MISS`);
    expect((await untrackedFileDigests(clones.b)).get("spec/dist/openapi.json")).toBe(
      coldOutputs.get("spec/dist/openapi.json"),
    );
  });

  it("warns and builds locally when the server is down", async () => {
    await server?.stop();
    await resetClone(clones.b);
    const run = await runTurboScript({ cwd: clones.b, args: ["--filter=@hatch-api/spec"], env: remoteEnv() });
    timings["spec build with the server stopped"] = run.ms;
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.output).toMatch(/WARNING.*(unavailable|could not connect|failed to contact)/i);
    for (const task of run.tasks) expect(`${task.taskId}: ${task.status}`).toBe(`${task.taskId}: MISS`);
    expect((await untrackedFileDigests(clones.b)).get("spec/dist/openapi.json")).toBe(
      coldOutputs.get("spec/dist/openapi.json"),
    );
  });
});
