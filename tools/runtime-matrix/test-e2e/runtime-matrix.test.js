// @ts-check
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { browserModuleFiles } from "../src/client-files.js";
import { RUNTIMES } from "../src/runtimes.js";
import { startSmokeServer } from "../src/smoke-server.js";
import { SMOKE_CHECKS, SMOKE_SOURCES } from "../src/suite/smoke-suite.js";

// Generous: a whole runtime start-up plus the suite, on a loaded two-core machine.
const RUN_TIMEOUT_MS = 150_000;

/** @type {import("../src/smoke-server.js").SmokeServer} */
let server;
/** @type {{ runtime: string, version: string, ms: number }[]} */
const timings = [];

beforeAll(async () => {
  server = await startSmokeServer({ modules: browserModuleFiles() });
});

afterAll(async () => {
  await server?.close();
  if (timings.length > 0) {
    const rows = timings.map(({ runtime, version, ms }) => `  ${runtime.padEnd(34)} ${version.padEnd(16)} ${ms} ms`);
    console.log(`runtime matrix (wall time per runtime, start-up included):\n${rows.join("\n")}`);
  }
});

describe("the built client's smoke suite", () => {
  for (const runtime of RUNTIMES) {
    it(`passes on ${runtime.label}`, { timeout: RUN_TIMEOUT_MS + 10_000 }, async () => {
      const runId = `${runtime.id}-${Math.random().toString(36).slice(2, 10)}`;
      const started = performance.now();
      const report = await runtime.run({ baseUrl: server.url, runId, timeoutMs: RUN_TIMEOUT_MS });
      timings.push({
        runtime: runtime.label,
        version: report.runtime.version,
        ms: Math.round(performance.now() - started),
      });

      // The runtime that ran is the one intended, at the pinned version.
      expect(report.runtime.name).toBe(runtime.reportsAs);
      const pinned = runtime.version();
      if (pinned) expect(report.runtime.version).toBe(pinned);
      else expect(report.runtime.version).toMatch(/^\d+\.\d+/);
      expect(report.runId).toBe(runId);

      expect(report.checks.map((check) => check.name)).toEqual(SMOKE_CHECKS);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);

      // What the server saw from this run: the calls really went over the wire with the run's key,
      // and the aborted and timed-out requests were given up by the client, not answered.
      await vi.waitFor(
        () =>
          expect(server.requestsOf(runId)).toEqual([
            { method: "POST", source: SMOKE_SOURCES.upsert, externalID: undefined, outcome: 200 },
            { method: "PUT", source: SMOKE_SOURCES.upsert, externalID: undefined, outcome: 200 },
            { method: "POST", source: SMOKE_SOURCES.invalid, externalID: undefined, outcome: 422 },
            { method: "POST", source: SMOKE_SOURCES.hang, externalID: "abort", outcome: "closed by client" },
            { method: "POST", source: SMOKE_SOURCES.hang, externalID: "timeout", outcome: "closed by client" },
            // The capabilities fixture's list: three pages of SMOKE_PAGE_SIZE, each one request.
            { method: "GET", source: undefined, externalID: undefined, outcome: 200, cursor: null },
            { method: "GET", source: undefined, externalID: undefined, outcome: 200, cursor: "10" },
            { method: "GET", source: undefined, externalID: undefined, outcome: 200, cursor: "20" },
          ]),
        { timeout: 10_000, interval: 50 },
      );
    });
  }
});
