// @ts-check
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultSpecPath, MockStartError, PortInUseError, SpecNotFoundError, startMock } from "../src/index.js";
import { launchPrism } from "../src/prism-process.js";
import { holdPort, isAlive, postContact } from "../test/helpers.js";

const scratch = mkdtempSync(join(tmpdir(), "sdkit-mock-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Pids of processes whose command line mentions `needle` (a unique scratch path). */
function processesMentioning(/** @type {string} */ needle) {
  const table = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return table.split("\n").filter((line) => line.includes(needle) && !line.includes("ps -eo"));
}

describe("startMock", () => {
  it("serves the bundled spec on a free loopback port, reports its start-up time, and stops", async () => {
    /** @type {string[]} */
    const messages = [];
    const mock = await startMock({ log: (message) => messages.push(message) });
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(mock.port).toBeGreaterThan(0);
      expect(mock.mode).toBe("mock");
      expect(messages).toEqual([expect.stringMatching(new RegExp(`ready at ${mock.url} \\(start-up \\d+ ms\\)`))]);

      const ok = await postContact(mock.url);
      expect(ok.status).toBe(200);
      expect(typeof ok.body.data.id).toBe("string");
      // Prism enforces the bearer scheme, so a request without Authorization is refused.
      const anonymous = await postContact(mock.url, { authorization: "" });
      expect(anonymous.status).toBe(401);
      expect(mock.log()).toContain("Prism is listening on");
    } finally {
      await mock.stop();
    }
    expect(isAlive(mock.pid)).toBe(false);
    await expect(fetch(`${mock.url}/v1/contacts`)).rejects.toThrow();
    await mock.stop(); // a second stop is harmless
  });

  it("a Prism that dies while serving: every request gets a 502 saying so in one line, until stop", async () => {
    /** @type {string[]} */
    const messages = [];
    const mock = await startMock({ log: (message) => messages.push(message) });
    try {
      expect(mock.died).toBeUndefined();
      // Killed from outside, as the OOM killer or a crash in Prism would end it.
      process.kill(mock.pid, "SIGKILL");
      expect(await mock.exited).toEqual({ code: null, signal: "SIGKILL" });
      const reason = "the mock's Prism exited on its own (signal SIGKILL) while serving";
      expect(mock.died).toContain(reason);
      expect(messages.at(-1)).toBe(mock.died);
      for (const answer of [await postContact(mock.url), await postContact(mock.url, { authorization: "" })]) {
        expect(answer.status).toBe(502);
        expect(answer.body.error).toBe(mock.died);
      }
      expect(mock.died?.split("\n")).toHaveLength(1);
    } finally {
      await mock.stop();
    }
    await expect(fetch(`${mock.url}/v1/contacts`)).rejects.toThrow();
  });

  it("takes a form body's array field as the SDKs send it, repeated or once, which Prism alone refuses", async () => {
    const dir = join(scratch, "form-arrays");
    mkdirSync(dir, { recursive: true });
    const specPath = join(dir, "openapi.json");
    const form = {
      type: "object",
      required: ["To", "MediaUrl"],
      properties: { To: { type: "string" }, MediaUrl: { type: "array", items: { type: "string" } } },
    };
    writeFileSync(
      specPath,
      JSON.stringify({
        openapi: "3.0.3",
        info: { title: "Forms", version: "1" },
        paths: {
          "/messages": {
            post: {
              requestBody: { required: true, content: { "application/x-www-form-urlencoded": { schema: form } } },
              responses: { 201: { description: "sent", content: { "application/json": { example: { sid: "m1" } } } } },
            },
          },
        },
      }),
    );
    const mock = await startMock({ specPath, log: () => {} });
    try {
      const send = (/** @type {string} */ body) =>
        fetch(`${mock.url}/messages`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body,
        });
      expect((await send("To=a&MediaUrl=https%3A%2F%2Fx.test%2F1")).status).toBe(201);
      expect((await send("To=a&MediaUrl=u1&MediaUrl=u2")).status).toBe(201);
      // Still a validating mock: a missing required field is refused.
      expect((await send("MediaUrl=u1")).status).toBe(422);
    } finally {
      await mock.stop();
    }
  });

  it("names the missing file and the bundle command when the spec is absent", async () => {
    const missing = join(scratch, "nope", "openapi.json");
    await expect(startMock({ specPath: missing, log: false })).rejects.toThrow(SpecNotFoundError);
    await expect(startMock({ specPath: missing, log: false })).rejects.toThrow(missing);
    expect(new SpecNotFoundError(defaultSpecPath(), { isDefault: true }).message).toContain(
      "bundle the spec first (openapi-bundle), or pass --spec",
    );
    expect(defaultSpecPath()).toMatch(/spec[\\/]dist[\\/]openapi\.json$/);
  });

  it("finds spec/dist/openapi.json in the working directory or the nearest folder above it", () => {
    const repo = join(scratch, "repo");
    mkdirSync(join(repo, "spec", "dist"), { recursive: true });
    mkdirSync(join(repo, "packages", "client"), { recursive: true });
    writeFileSync(join(repo, "spec", "dist", "openapi.json"), "{}");
    const bundle = join(repo, "spec", "dist", "openapi.json");
    expect(defaultSpecPath(repo)).toBe(bundle);
    expect(defaultSpecPath(join(repo, "packages", "client"))).toBe(bundle);
    // Nowhere above: the path under the working directory, which the error names.
    const lonely = join(scratch, "lonely");
    mkdirSync(lonely, { recursive: true });
    expect(defaultSpecPath(lonely)).toBe(join(lonely, "spec", "dist", "openapi.json"));
  });

  it("refuses a port that is taken before spawning Prism", async () => {
    const held = await holdPort();
    try {
      const attempt = startMock({ port: held.port, log: false });
      await expect(attempt).rejects.toThrow(PortInUseError);
      await expect(attempt).rejects.toThrow(`port ${held.port} on 127.0.0.1 is already in use`);
    } finally {
      await held.close();
    }
  });

  it("detects Prism itself failing to bind and keeps its log as the cause", async () => {
    const held = await holdPort();
    try {
      const specPath = defaultSpecPath();
      const error = await launchPrism({ specPath, host: "127.0.0.1", port: held.port, timeoutMs: 30_000 }).catch(
        (caught) => caught,
      );
      expect(error).toBeInstanceOf(PortInUseError);
      expect(error.port).toBe(held.port);
      expect(error.cause).toBeInstanceOf(MockStartError);
      expect(error.cause.prismLog).toContain("EADDRINUSE");
    } finally {
      await held.close();
    }
  });

  it("fails with Prism's log when the document is not a usable spec, leaving no process", async () => {
    const specPath = join(scratch, "not-openapi.json");
    writeFileSync(specPath, JSON.stringify({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {} }));
    const error = await startMock({ specPath, log: false }).catch((caught) => caught);
    expect(error).toBeInstanceOf(MockStartError);
    expect(error.message).toContain("exited with code");
    expect(error.message).toContain("--- Prism log ---");
    expect(error.prismLog).toContain("No operations found");
    expect(processesMentioning(specPath)).toEqual([]);
  });

  it("gives up after the timeout with the log so far and kills Prism", async () => {
    const specPath = join(scratch, "slow-start.json");
    copyFileSync(defaultSpecPath(), specPath);
    const error = await startMock({ specPath, timeoutMs: 100, log: false }).catch((caught) => caught);
    expect(error).toBeInstanceOf(MockStartError);
    expect(error.message).toContain("did not report listening within 0.1 s (the timeoutMs given)");
    expect(error.message).toContain(`while loading ${specPath}`);
    expect(error.message).toContain("--start-timeout <seconds>");
    expect(processesMentioning(specPath)).toEqual([]);
  });

  it("rejects nonsense options before spawning anything", async () => {
    await expect(startMock({ port: 70_000, log: false })).rejects.toThrow(RangeError);
    await expect(startMock({ upstream: "not a url", log: false })).rejects.toThrow("upstream is not a URL: not a url");
  });
});
