// @ts-check
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isAlive, launcherPids, parentOf } from "../src/ancestors.js";

describe("ancestors", () => {
  it("finds this process's parent and grandparent", () => {
    expect(parentOf(process.pid)).toBe(process.ppid);
    expect(launcherPids()[0]).toBe(process.ppid);
  });

  it("tells a running process from one that has exited", async () => {
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    const pid = /** @type {number} */ (child.pid);
    expect(isAlive(pid)).toBe(true);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    expect(isAlive(pid)).toBe(false);
  });
});
