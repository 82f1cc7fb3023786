// @ts-check
// A runtime that cannot start, crashes or prints no report fails its run with the reason.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runProcess } from "../src/run-process.js";
import { REPORT_MARKER } from "../src/suite/report-marker.js";

const node = process.execPath;

describe("runProcess", () => {
  it("returns the marked report line among other output", async () => {
    const script = `console.log("noise"); console.log(${JSON.stringify(REPORT_MARKER)} + JSON.stringify({ runId: "x" }));`;
    const report = await runProcess({ label: "ok", command: node, args: ["-e", script], timeoutMs: 30_000 });
    expect(report).toEqual({ runId: "x" });
  });

  it("fails when the runtime cannot start", async () => {
    await expect(
      runProcess({ label: "Ghost", command: "/nonexistent/runtime", args: [], timeoutMs: 30_000 }),
    ).rejects.toThrow(/Ghost could not start \(\/nonexistent\/runtime\)/);
  });

  it("fails with the runtime's output when it exits non-zero", async () => {
    const script = `console.error("boom from the runtime"); process.exit(3);`;
    await expect(
      runProcess({ label: "Crash", command: node, args: ["-e", script], timeoutMs: 30_000 }),
    ).rejects.toThrow(/Crash exited with 3 without a smoke report[\s\S]*boom from the runtime/);
  });

  it("fails when the runtime prints no report", async () => {
    await expect(
      runProcess({ label: "Quiet", command: node, args: ["-e", "console.log('hello')"], timeoutMs: 30_000 }),
    ).rejects.toThrow(/Quiet exited with 0 without a smoke report/);
  });

  it("kills a runtime that overruns its time and its children", async () => {
    // The child spawns a grandchild; both must be gone after the timeout (one process group).
    const dir = mkdtempSync(join(tmpdir(), "hatch-run-process-"));
    const pidFile = join(dir, "grandchild.pid");
    try {
      const script = `const c = require("node:child_process").spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "inherit" });
        require("node:fs").writeFileSync(${JSON.stringify(pidFile)}, String(c.pid)); setInterval(() => {}, 1000);`;
      await expect(
        runProcess({ label: "Stuck", command: node, args: ["-e", script], timeoutMs: 3_000 }),
      ).rejects.toThrow(/Stuck did not finish within 3000 ms/);
      const grandchild = Number(readFileSync(pidFile, "utf8"));
      expect(grandchild).toBeGreaterThan(0);
      await vi.waitFor(() => expect(() => process.kill(grandchild, 0)).toThrow(/ESRCH/), { timeout: 10_000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
