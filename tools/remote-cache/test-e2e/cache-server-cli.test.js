// @ts-check
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("../bin/cache-server.js", import.meta.url));

/** @type {import("node:child_process").ChildProcess[]} */
const started = [];
let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cache-server-cli-"));
});
afterEach(async () => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  // Whatever a launcher left behind when a test failed (a shell, the CLI, the server) names this
  // test's storage folder on its command line: stop it too, so no server outlives the test.
  spawnSync("pkill", ["-KILL", "-f", dir]);
  await rm(dir, { recursive: true, force: true });
});

/** Starts the CLI on a free port and resolves with its URL once it listens. */
async function startCli() {
  const child = spawn(process.execPath, [CLI, "--port", "0", "--storage", join(dir, "storage")], {
    env: { ...process.env, TURBO_TOKEN: "cli-test-token" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const url = await new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`cache:server exited (${code}) before listening:\n${output}`)));
  });
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, url: String(url), exited, output: () => output };
}

/** @param {string} url */
async function status(url) {
  const response = await fetch(`${url}/v8/artifacts/status`, { headers: { authorization: "Bearer cli-test-token" } });
  return response.status;
}

/** @param {string} url */
async function refusesConnections(url) {
  try {
    await fetch(`${url}/v8/artifacts/status`);
    return false;
  } catch {
    return true;
  }
}

describe("pnpm cache:server", () => {
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
    it(`serves on 127.0.0.1 with the token and stops the server on ${signal}`, async () => {
      const cli = await startCli();
      expect(await status(cli.url)).toBe(200);
      cli.child.kill(signal);
      expect(await cli.exited).toBe(0);
      expect(cli.output()).toContain(`cache server stopped (${signal})`);
      expect(await refusesConnections(cli.url)).toBe(true);
    });
  }

  it("takes the server down with it when killed outright", async () => {
    const cli = await startCli();
    cli.child.kill("SIGKILL");
    await cli.exited;
    // The server notices its parent is gone (closed stdin) within moments.
    let down = false;
    for (let i = 0; i < 100 && !down; i++) {
      down = await refusesConnections(cli.url);
      if (!down) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(down).toBe(true);
  });

  it("stops when its launcher is killed without passing the signal on (pnpm → sh → node)", async () => {
    // A stand-in for pnpm: runs the CLI through a shell and dies by SIGKILL, forwarding nothing.
    const launcher = spawn(
      process.execPath,
      [
        "-e",
        `require("node:child_process").spawn("sh", ["-c", process.argv[1]], { stdio: "inherit" }); setInterval(() => {}, 1000);`,
        `"${process.execPath}" "${CLI}" --port 0 --storage "${join(dir, "storage")}"`,
      ],
      { env: { ...process.env, TURBO_TOKEN: "cli-test-token" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    started.push(launcher);
    let output = "";
    const url = await new Promise((resolve, reject) => {
      launcher.stdout.on("data", (chunk) => {
        output += chunk;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) resolve(match[1]);
      });
      launcher.once("exit", (code) => reject(new Error(`launcher exited (${code}):\n${output}`)));
    });
    launcher.kill("SIGKILL");
    let down = false;
    // Up to 60 s: the watch notices within half a second, but stopping the server is slow on a loaded machine.
    for (let i = 0; i < 600 && !down; i++) {
      down = await refusesConnections(String(url));
      if (!down) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(down).toBe(true);
    // The CLI says why it stopped (its stdout is the pipe the launcher shared with it).
    for (let i = 0; i < 50 && !output.includes("cache server stopped"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output).toMatch(/cache server stopped \(the process that started us \(\d+\) exited\)/);
  });

  it("rejects a bad port with a usage error", async () => {
    const child = spawn(process.execPath, [CLI, "--port", "http"], { stdio: ["ignore", "pipe", "pipe"] });
    started.push(child);
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be 0..65535, got "http"');
  });
});
