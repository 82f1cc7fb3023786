// @ts-check
// The build graph as a user meets it, in a fresh clone of this working tree with its own install
// and turbo cache: exact cache keys (the second build is FULL TURBO, a spec edit re-runs exactly
// what depends on it), `pnpm mock` and `pnpm docs:preview` stopped every way a user stops them,
// and `pnpm dev` rebuilding on save. Written over whatever tasks exist, so new tasks are covered.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { listOverlays } from "@sdkit/bundle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cloneRepo,
  eventually,
  freePort,
  killLeftovers,
  portIsFree,
  processesMentioning,
  run,
  startPnpm,
} from "../test/clone.js";
import { changedTasks, dependentsOf, outputsUsedAsInputs, parseDryRun } from "../test/task-graph.js";

/** @type {ReturnType<typeof cloneRepo>} */
let clone;
beforeAll(() => {
  clone = cloneRepo();
});
afterAll(() => {
  if (!clone) return;
  killLeftovers(clone.dir);
  clone.remove();
});

const dryRun = (/** @type {string[]} */ tasks) => {
  const result = clone.turbo(["run", ...tasks, "--dry=json"]);
  expect(result.code, result.output).toBe(0);
  return parseDryRun(result.stdout);
};

/** Runs `turbo run build` and returns the ids of the tasks it executed (cache misses). */
const build = (logs = "hash-only") => {
  const result = clone.turbo(["run", "build", `--output-logs=${logs}`]);
  expect(result.code, result.output).toBe(0);
  const executed = [...result.stdout.matchAll(/^(\S+):(\S+): cache miss/gm)].map((match) => `${match[1]}#${match[2]}`);
  return { executed: new Set(executed), output: result.stdout };
};

/** @param {Map<string, string[]>} changed */
const describeChanges = (changed) =>
  [...changed].map(([id, files]) => `${id} (inputs that changed: ${files.join(", ") || "none: a dependency's"})`);

const editSpec = (/** @type {string} */ from, /** @type {string} */ to) => {
  const file = join(clone.dir, "spec/openapi.yaml");
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

describe("cache keys", () => {
  it("no task reads a file another task writes (and a cold build prints no tool noise)", async () => {
    const cold = build("full");
    expect(cold.executed.size).toBeGreaterThan(0);
    expect(cold.output).not.toMatch(/is deprecated|PLUGIN_TIMINGS|Woohoo|generate-ignore-file/);
    // Once for the spec, and once more for the result of its overlays when it has any (README).
    const overlays = await listOverlays(join(clone.dir, "spec/overlays"));
    expect(cold.output.match(/^\S+spec:bundle: validating /gm)?.length, "Redocly lint runs in one build").toBe(
      overlays.length > 0 ? 2 : 1,
    );
    const tasks = dryRun(["build", "lint", "test", "typecheck"]);
    expect(tasks.size).toBeGreaterThan(0);
    expect(outputsUsedAsInputs(tasks)).toEqual([]);
  });

  it("the unit tier builds nothing first: `turbo run test:unit` schedules only test:unit tasks", () => {
    const tasks = dryRun(["test:unit"]);
    const others = [...tasks.keys()].filter((id) => !id.endsWith("#test:unit"));
    expect(tasks.size).toBeGreaterThan(0);
    expect(others, "tasks the unit tier would wait for").toEqual([]);
  });

  it("the second build of a fresh clone is FULL TURBO, and so is the one after a spec edit", () => {
    // The first test built once: every key turbo computes now must be the key it stored then.
    const before = dryRun(["build"]);
    const second = build();
    expect([...second.executed], second.output).toEqual([]);
    expect(second.output).toMatch(/FULL TURBO/);
    expect(describeChanges(changedTasks(before, dryRun(["build"])))).toEqual([]);

    editSpec("title: Hatch", "title: Hatch (edited)");
    const edited = dryRun(["build"]);
    const changed = changedTasks(before, edited);
    // Exactly the tasks that read the edited file, and what depends on them, change; the build
    // re-runs exactly those.
    const readers = [...edited.values()].filter((task) => "spec/openapi.yaml" in task.inputs).map((task) => task.id);
    expect(readers.some((id) => id.endsWith("/spec#bundle"))).toBe(true);
    expect([...changed.keys()].sort()).toEqual([...dependentsOf(edited, readers)].sort());
    const afterEdit = build();
    expect([...afterEdit.executed].sort()).toEqual([...changed.keys()].sort());

    expect(describeChanges(changedTasks(edited, dryRun(["build"])))).toEqual([]);
    const next = build();
    expect([...next.executed], next.output).toEqual([]);
  });
});

describe("a lint error through pnpm build at the root", () => {
  it("names the file as the root sees it, says how to lint again, and keeps the bundle", () => {
    const bundle = join(clone.dir, "spec/dist/openapi.json");
    const before = readFileSync(bundle, "utf8");
    const spec = join(clone.dir, "spec/openapi.yaml");
    const source = readFileSync(spec, "utf8");
    try {
      editSpec("operationId: putContact", "operationId: upsertContact");
      const result = run("pnpm", ["build"], clone.dir);
      expect(result.code, result.output).not.toBe(0);
      expect(result.output).toMatch(/\[1\] spec\/openapi\.yaml:\d+:\d+ at #\/paths\/~1v1~1contacts\/post/);
      expect(result.output).toMatch(/Lint it alone with: pnpm turbo run lint --filter=@hatch-api\/spec/);
      expect(result.output).not.toMatch(/generate-ignore-file/);
      expect(readFileSync(bundle, "utf8")).toBe(before);
    } finally {
      writeFileSync(spec, source);
    }
  });
});

describe("stopping pnpm mock and pnpm docs:preview", () => {
  const servers = [
    { script: "mock", ready: /listening on http:\/\/127\.0\.0\.1:\d+/, portFlag: "--port" },
    { script: "docs:preview", ready: /docs: http:\/\/127\.0\.0\.1:\d+/, portFlag: "--port" },
  ];
  /** How a user stops a command: the signal, and whether it goes to pnpm alone or the terminal's group. */
  const stops = [
    { how: "kill <pnpm pid> (SIGTERM)", signal: /** @type {const} */ ("SIGTERM"), group: false },
    { how: "SIGHUP (terminal closed)", signal: /** @type {const} */ ("SIGHUP"), group: true },
    { how: "Ctrl-C (SIGINT to the terminal's process group)", signal: /** @type {const} */ ("SIGINT"), group: true },
  ];
  const cases = servers.flatMap((server) => stops.map((stop) => ({ ...server, ...stop })));

  it.each(cases)("$how stops pnpm $script and frees its port", async ({ script, ready, portFlag, signal, group }) => {
    const port = await freePort();
    const pnpm = startPnpm([script, "--", portFlag, String(port)], clone.dir);
    try {
      await pnpm.waitFor(ready);
      expect(await portIsFree(port)).toBe(false);
      process.kill(group ? -pnpm.pid : pnpm.pid, signal);
      await pnpm.exited;
      expect(await eventually(() => portIsFree(port)), `port ${port} still in use:\n${pnpm.output()}`).toBe(true);
      expect(await eventually(() => processesMentioning(clone.dir).length === 0)).toBe(true);
      expect(processesMentioning(clone.dir)).toEqual([]);
      // One line from pnpm at most when stopped, never one per nested runner.
      expect(pnpm.output().match(/ELIFECYCLE/g)?.length ?? 0, pnpm.output()).toBeLessThanOrEqual(1);
    } finally {
      killLeftovers(clone.dir, pnpm.pid);
    }
  });
});

describe("pnpm dev", () => {
  it("rebuilds types, SDK and docs on a spec save, serves them, and stops whole on one Ctrl-C", async () => {
    const [mockPort, docsPort] = [await freePort(), await freePort()];
    const dev = startPnpm(["dev", "--", "--mock-port", String(mockPort), "--docs-port", String(docsPort)], clone.dir);
    try {
      await dev.waitFor(/dev: watching spec\//);
      await dev.waitFor(/docs: http:\/\/127/);
      await dev.waitFor(/dev: mock at http:\/\/127/);
      const builtBefore = dev.output().match(/dev: built in/g)?.length ?? 0;

      const marker = `Edited while pnpm dev ran ${Date.now()}`;
      editSpec("summary: Create or update a contact", `summary: ${marker}`);
      await dev.waitFor(/dev: spec\/openapi\.yaml changed|dev: openapi\.yaml changed/);
      expect(
        await eventually(() => (dev.output().match(/dev: built in/g)?.length ?? 0) > builtBefore, 300_000),
        dev.output(),
      ).toBe(true);

      // Fresh outputs on disk and served: the docs server serves the swapped-in site.
      expect(readFileSync(join(clone.dir, "packages/types/src/generated/openapi.ts"), "utf8")).toContain(marker);
      const page = await fetch(`http://127.0.0.1:${docsPort}/reference.html`);
      expect(await page.text()).toContain(marker);
      // The mock was reloaded on the fresh bundle (in place: its port never stopped answering).
      await dev.waitFor(/dev: mock reloaded/);
      expect(
        await eventually(async () => {
          const response = await fetch(`http://127.0.0.1:${mockPort}/v1/contacts`, {
            method: "POST",
            headers: { authorization: "Bearer test", "content-type": "application/json" },
            body: JSON.stringify({ source: "custom:test" }),
          }).catch(() => undefined);
          return response?.status === 200;
        }, 60_000),
      ).toBe(true);

      process.kill(-dev.pid, "SIGINT");
      await dev.exited;
      expect(await eventually(() => portIsFree(mockPort))).toBe(true);
      expect(await eventually(() => portIsFree(docsPort))).toBe(true);
      expect(await eventually(() => processesMentioning(clone.dir).length === 0)).toBe(true);
      expect(dev.output().match(/ELIFECYCLE/g)?.length ?? 0).toBeLessThanOrEqual(1);
    } finally {
      killLeftovers(clone.dir, dev.pid);
    }
  });
});
