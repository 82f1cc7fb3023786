// @ts-check
// The unit tier's rule (README, "Tests come in two tiers") holds in this very run and in what it
// spawns: this file is itself a unit test, so the guard is loaded here.
import { spawnSync } from "node:child_process";
import { connect, createServer } from "node:net";
import { describe, expect, it } from "vitest";

const MOVE_HINT = /opens no network sockets\. Move this test to test-e2e\//;

describe("the unit tier's network guard", () => {
  it("refuses a TCP listen in the test process, naming the address", () => {
    const server = createServer();
    expect(() => server.listen(0, "127.0.0.1")).toThrow(/listen on 127\.0\.0\.1:0/);
    expect(() => server.listen(0, "127.0.0.1")).toThrow(MOVE_HINT);
  });

  it("refuses a TCP connection (fetch included) before any packet leaves", async () => {
    expect(() => connect(4010, "127.0.0.1")).toThrow(/connect to 127\.0\.0\.1:4010/);
    const failure = await fetch("http://127.0.0.1:4010/").catch((error) => error);
    expect(String(failure?.cause?.message ?? failure)).toMatch(MOVE_HINT);
  });

  it("is inherited by a process the test spawns", () => {
    const child = spawnSync(process.execPath, ["-e", 'require("node:net").createServer().listen(0)'], {
      encoding: "utf8",
    });
    expect(child.status).not.toBe(0);
    expect(child.stderr).toMatch(MOVE_HINT);
  });
});
