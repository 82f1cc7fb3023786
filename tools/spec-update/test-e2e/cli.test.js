// @ts-check
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "../test/support/paths.js";
import { removeTempRepos, tempRepo } from "../test/support/temp-repo.js";

const bin = fileURLToPath(new URL("../bin/spec-update.js", import.meta.url));

/** @type {string} */
let repo;
beforeAll(() => {
  repo = tempRepo();
});
afterAll(removeTempRepos);

/**
 * Runs the command as `pnpm spec:update` does, from the repo root, stdin not a terminal.
 *
 * @param {string[]} args
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
function cli(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repo, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("pnpm spec:update", () => {
  it("prints the report of a dry run and exits 0", async () => {
    const { code, stdout } = await cli(["--from", `${FIXTURES}hatch-new-field-and-operation.yaml`, "--dry-run"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Bump: minor");
    expect(stdout).toContain("Dry run: nothing written.");
  });

  it("exits 1 with the report and then the reason when the candidate fails lint", async () => {
    const { code, stdout, stderr } = await cli(["--from", `${FIXTURES}hatch-breaking.yaml`, "--dry-run"]);
    expect(code).toBe(1);
    expect(stdout).toContain("Bump: major");
    expect(stderr).toMatch(/spec:update: the updated spec fails lint, so nothing was written/);
    const kept = /The candidate is kept at (\S+?);/.exec(stderr)?.[1];
    expect(kept && existsSync(kept)).toBe(true);
    rmSync(dirname(dirname(String(kept))), { recursive: true, force: true });
  });

  it("exits 1 naming a missing file, and 2 on a bad command line", async () => {
    const missing = await cli(["--from", "nowhere.yaml", "--dry-run"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("spec:update: nowhere.yaml: no such file");
    const noFrom = await cli(["--dry-run"]);
    expect(noFrom.code).toBe(2);
    expect(noFrom.stderr).toContain("--from is required");
  });

  it("refuses to apply without a terminal unless --yes is given", async () => {
    const { code, stderr } = await cli(["--from", `${FIXTURES}hatch-new-field-and-operation.yaml`]);
    expect(code).toBe(1);
    expect(stderr).toContain("no terminal to ask for confirmation: pass --yes to apply, or --dry-run to only report");
  });
});
