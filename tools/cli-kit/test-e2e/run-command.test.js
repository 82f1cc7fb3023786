// @ts-check
// runCommand: the exit code and (captured) output of a real child process, and a clear failure
// when the program does not exist.
import { describe, expect, it } from "vitest";
import { runCommand } from "../src/index.js";

const node = process.execPath;

describe("runCommand", () => {
  it("captures stdout and stderr and resolves with the exit code", async () => {
    const result = await runCommand(
      node,
      ["-e", "process.stdout.write('out;'); process.stderr.write('err'); process.exit(3)"],
      { cwd: process.cwd(), capture: true },
    );
    expect(result.code).toBe(3);
    expect(result.output).toContain("out;");
    expect(result.output).toContain("err");
  });

  it("runs in the given folder with the given environment", async () => {
    const result = await runCommand(node, ["-e", "console.log(process.cwd(), process.env.SDKIT_PROBE)"], {
      cwd: "/",
      env: { ...process.env, SDKIT_PROBE: "probe-value" },
      capture: true,
    });
    expect(result).toEqual({ code: 0, output: "/ probe-value\n" });
  });

  it("a signal counts as a failure", async () => {
    const result = await runCommand(node, ["-e", "process.kill(process.pid, 'SIGKILL')"], {
      cwd: process.cwd(),
      capture: true,
    });
    expect(result.code).not.toBe(0);
  });

  it("rejects when the program cannot be started", async () => {
    await expect(runCommand("sdkit-no-such-program", [], { cwd: process.cwd(), capture: true })).rejects.toMatchObject({
      code: "ENOENT",
    });
  });
});
