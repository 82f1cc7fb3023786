// @ts-check
// Prism parses the whole document before it listens: a fixed 30 s timed out on multi-MB documents.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { START_TIMEOUT_ENV, startBudget, startBudgetFor, startTimeoutMessage } from "../src/start-budget.js";

const specPath = "/repo/spec/dist/openapi.json";

describe("startBudget", () => {
  it("is 30 s for a tiny document, plus 30 s per MB", () => {
    expect(startBudget({ specPath, bytes: 2_000, env: {} }).ms).toBe(30_060);
    expect(startBudget({ specPath, bytes: 1_000_000, env: {} }).ms).toBe(60_000);
    expect(startBudget({ specPath, bytes: 10_500_000, env: {} })).toEqual({
      ms: 345_000,
      source: "size",
      specPath,
      bytes: 10_500_000,
    });
  });

  it("lets the caller's timeoutMs win, over the environment and the size", () => {
    const env = { [START_TIMEOUT_ENV]: "600" };
    expect(startBudget({ specPath, bytes: 10_000_000, timeoutMs: 5_000, env })).toMatchObject({
      ms: 5_000,
      source: "option",
    });
  });

  it("takes SDKIT_MOCK_START_TIMEOUT seconds when the caller gives none", () => {
    const env = { [START_TIMEOUT_ENV]: "90.5" };
    expect(startBudget({ specPath, bytes: 10_000_000, env })).toMatchObject({ ms: 90_500, source: "env" });
    expect(startBudget({ specPath, bytes: 0, env: { [START_TIMEOUT_ENV]: "" } }).source).toBe("size");
  });

  it("refuses a budget that is not a positive number, naming where it came from", () => {
    expect(() => startBudget({ specPath, bytes: 0, env: { [START_TIMEOUT_ENV]: "soon" } })).toThrow(
      /SDKIT_MOCK_START_TIMEOUT must be a positive number of seconds, got "soon"/,
    );
    expect(() => startBudget({ specPath, bytes: 0, timeoutMs: 0, env: {} })).toThrow(/timeoutMs must be a positive/);
  });

  it("sizes the budget on the file Prism reads and names the user's document", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mock-budget-"));
    try {
      const served = join(dir, "served.json");
      await writeFile(served, "x".repeat(2_000_000));
      const budget = startBudgetFor(specPath, served, undefined);
      expect(budget).toMatchObject({ specPath, bytes: 2_000_000 });
      expect(budget.ms).toBeGreaterThanOrEqual(30_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("startTimeoutMessage", () => {
  it("names the document, its size, the budget and how it was reached, and what to do", () => {
    const message = startTimeoutMessage(startBudget({ specPath, bytes: 10_500_000, env: {} }));
    expect(message).toContain("within 345 s (30 s + 30 s per MB of the 10.5 MB document)");
    expect(message).toContain(`while loading ${specPath} (10.5 MB)`);
    expect(message).toContain("--start-timeout <seconds>");
    expect(message).toContain("SDKIT_MOCK_START_TIMEOUT=<seconds>");
    expect(message).toContain("timeoutMs");
  });

  it("says when the budget was the caller's or the environment's", () => {
    expect(startTimeoutMessage(startBudget({ specPath, bytes: 0, timeoutMs: 1_500, env: {} }))).toContain(
      "within 1.5 s (the timeoutMs given)",
    );
    const env = { [START_TIMEOUT_ENV]: "45" };
    expect(startTimeoutMessage(startBudget({ specPath, bytes: 0, env }))).toContain(
      "within 45 s (SDKIT_MOCK_START_TIMEOUT)",
    );
  });
});
