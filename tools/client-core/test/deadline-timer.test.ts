import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { DeadlineTimer } from "../src/deadline-timer.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("DeadlineTimer", () => {
  test("fires each deadline once it has passed, never before", async () => {
    const deadlines = new DeadlineTimer(() => Date.now());
    const start = Date.now();
    const fired: string[] = [];
    deadlines.add(start + 300, () => fired.push("300"));
    deadlines.add(start + 100, () => fired.push("100"));
    deadlines.add(start + 200, () => fired.push("200"));
    await vi.advanceTimersByTimeAsync(99);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toEqual(["100"]);
    await vi.advanceTimersByTimeAsync(199);
    expect(fired).toEqual(["100", "200"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toEqual(["100", "200", "300"]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fired).toHaveLength(3);
  });

  test("a cleared deadline never fires; a past one fires at once", async () => {
    const deadlines = new DeadlineTimer(() => Date.now());
    const fired: string[] = [];
    const cleared = deadlines.add(Date.now() + 50, () => fired.push("cleared"));
    deadlines.clear(cleared);
    deadlines.clear(cleared);
    deadlines.clear(undefined);
    deadlines.add(Date.now() - 5, () => fired.push("past"));
    await vi.advanceTimersByTimeAsync(0);
    expect(fired).toEqual(["past"]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fired).toEqual(["past"]);
  });

  test("later deadlines set no timer of their own: one timer serves calls that end before it", async () => {
    const deadlines = new DeadlineTimer(() => Date.now());
    const setTimeoutSpy = vi.spyOn(globalThis, "setTimeout");
    // A thousand sequential calls with a 30 s timeout, each ending 1 ms after it started.
    for (let call = 0; call < 1_000; call++) {
      const deadline = deadlines.add(Date.now() + 30_000, () => {
        throw new Error("an attempt that ended timed out");
      });
      await vi.advanceTimersByTimeAsync(1);
      deadlines.clear(deadline);
    }
    expect(setTimeoutSpy).toHaveBeenCalledTimes(1);
    // The armed timer fires for nothing due and, with nothing left to watch, is not armed again.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(setTimeoutSpy).toHaveBeenCalledTimes(1);
  });

  test("a timer that fires early re-arms for what is not yet due", async () => {
    // A clock running 0.4 ms ahead of the timers: the first wake-up finds the deadline not yet due.
    let skew = -0.4;
    const deadlines = new DeadlineTimer(() => Date.now() + skew);
    const fired: number[] = [];
    const at = Date.now() + 100;
    deadlines.add(at, () => fired.push(Date.now()));
    await vi.advanceTimersByTimeAsync(100);
    expect(fired).toEqual([]);
    skew = 0;
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toEqual([at + 1]);
  });

  test("a deadline added by a firing one is watched", async () => {
    const deadlines = new DeadlineTimer(() => Date.now());
    const fired: string[] = [];
    deadlines.add(Date.now() + 10, () => {
      fired.push("first");
      deadlines.add(Date.now() + 10, () => fired.push("second"));
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(fired).toEqual(["first"]);
    await vi.advanceTimersByTimeAsync(10);
    expect(fired).toEqual(["first", "second"]);
  });

  test("with nothing to watch, the timer does not keep Node alive; with a deadline, it does", () => {
    vi.useRealTimers();
    const setTimeoutSpy = vi.spyOn(globalThis, "setTimeout");
    const deadlines = new DeadlineTimer(() => performance.now());
    const first = deadlines.add(performance.now() + 60_000, () => {});
    const timer = setTimeoutSpy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(true);
    deadlines.clear(first);
    expect(timer.hasRef()).toBe(false);
    const second = deadlines.add(performance.now() + 60_000, () => {});
    expect(setTimeoutSpy).toHaveBeenCalledTimes(1);
    expect(timer.hasRef()).toBe(true);
    deadlines.clear(second);
    expect(timer.hasRef()).toBe(false);
  });
});

test("a process whose last deadline was cleared exits, though the timer was armed for a minute", () => {
  // A call's deadline is still armed when the call ends: it must not hold the process for a minute.
  const dir = mkdtempSync(join(tmpdir(), "deadline-timer-"));
  try {
    const source = readFileSync(new URL("../src/deadline-timer.ts", import.meta.url), "utf8");
    const module = join(dir, "deadline-timer.mjs");
    writeFileSync(
      module,
      ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText,
    );
    const script = `
      const { DeadlineTimer } = await import(${JSON.stringify(pathToFileURL(module).href)});
      const deadlines = new DeadlineTimer(() => performance.now());
      const deadline = deadlines.add(performance.now() + 60_000, () => process.exit(3));
      await new Promise((resolve) => setTimeout(resolve, 10));
      deadlines.clear(deadline);
    `;
    // Killed (status null) if the armed timer kept it alive.
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
