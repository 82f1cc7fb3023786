// @ts-check
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveServerToken } from "../src/token.js";

let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cache-token-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("resolveServerToken", () => {
  it("prefers TURBO_TOKEN from the environment and writes nothing", async () => {
    const tokenFile = join(dir, "state", "token");
    await expect(resolveServerToken({ env: { TURBO_TOKEN: "from-env" }, tokenFile })).resolves.toEqual({
      token: "from-env",
      source: "environment",
    });
    await expect(stat(tokenFile)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("creates a private random token once and reuses it on the next start", async () => {
    const tokenFile = join(dir, "state", "token");
    const first = await resolveServerToken({ env: {}, tokenFile });
    expect(first.source).toBe("new file");
    expect(first.token.length).toBeGreaterThanOrEqual(32);
    expect((await stat(tokenFile)).mode & 0o077).toBe(0);
    expect((await readFile(tokenFile, "utf8")).trim()).toBe(first.token);
    await expect(resolveServerToken({ env: {}, tokenFile })).resolves.toEqual({ token: first.token, source: "file" });
  });
});
