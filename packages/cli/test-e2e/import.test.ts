import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import { CLI_CONFIG } from "../src/generated/config.js";
import { EXIT } from "../src/generated/runtime/exit-codes.js";
import { startImportServer } from "./import-server.js";

// The built bin's bulk import (the configured import command), against a 127.0.0.1 server that
// enforces a rate limit by arrival and answers 429 beyond it. The window is scaled down from the
// API's 100 per 10 s to 50 per 1 s through --rate-limit, with the server enforcing the same, so a
// run of six windows takes about six seconds; what is tested (no 429, each row once) does not
// depend on the window's length.

const bin = fileURLToPath(new URL("../dist/bin.mjs", import.meta.url));
const LIMIT = 50;
const INTERVAL_MS = 1_000;
const [importCommand] = CLI_CONFIG.imports;

let dir: string;
let server: Awaited<ReturnType<typeof startImportServer>> | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  children.length = 0;
  await server?.close();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A CSV of `rows` contacts, row i with externalID i; `bad` rows get an email without an @. */
function writeCsv(rows: number, bad: Set<number> = new Set()) {
  dir = mkdtempSync(join(tmpdir(), "cli-import-"));
  const file = join(dir, "contacts.csv");
  const lines = ["First Name,email,externalID,source,Favourite Colour"];
  for (let i = 0; i < rows; i++) {
    lines.push(`"Dana, ${i}",${bad.has(i) ? `dana${i}.example` : `dana${i}@example.com`},${i},custom:import,blue`);
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

function hatch(args: string[], baseUrl: string) {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, [CLI_CONFIG.apiKeyEnv ?? "KEY"]: "sk_test_import", [CLI_CONFIG.baseUrlEnv]: baseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

const importArgs = (file: string) => [
  importCommand?.resource ?? "",
  importCommand?.command ?? "",
  file,
  "--map",
  "First Name=firstName",
  "--rate-limit",
  `${LIMIT}/${INTERVAL_MS}`,
  "--progress-every",
  "1",
];

describe.runIf(importCommand)("bulk import", () => {
  test("paces a run at the limit with zero 429s; every row arrives once; rejects go to a file to feed back", async () => {
    server = await startImportServer(LIMIT, INTERVAL_MS);
    const rows = 6 * LIMIT;
    const bad = new Set([7, 123]);
    const file = writeCsv(rows, bad);
    const { done } = hatch(importArgs(file), server.url);
    const result = await done;
    expect(server.tooMany).toBe(0);
    expect(result.code, result.stderr).toBe(EXIT.invalid); // two rows rejected
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ rows, accepted: rows - 2, rejected: 2, failed: 0, retries: 0 });
    expect(server.perRow.size).toBe(rows);
    expect([...server.perRow.values()].every((n) => n === 1)).toBe(true);
    // Unknown columns went into the configured field; the mapped one to its field.
    // Plain progress lines (stderr is not a terminal).
    expect(result.stderr).toMatch(/rows .*\/s/);
    // The sustained rate, as a share of the limit (reported, not asserted: speed belongs to the
    // bench): row i + LIMIT can start only once row i's slot frees, so the mean gap between their
    // arrivals is the cycle each slot costs, and the rate is LIMIT per cycle.
    let gaps = 0;
    for (let i = 0; i + LIMIT < server.arrivals.length; i++)
      gaps += (server.arrivals[i + LIMIT] as number) - (server.arrivals[i] as number);
    const cycleMs = gaps / (server.arrivals.length - LIMIT);
    console.log(
      `import: ${rows} rows at ${LIMIT} per ${INTERVAL_MS} ms: a slot every ${cycleMs.toFixed(0)} ms, ${((INTERVAL_MS / cycleMs) * 100).toFixed(1)} % of the limit sustained, ${server.tooMany} 429s`,
    );
    // The rejects file: the input's header plus _errors, the two bad rows, fixable and importable.
    const rejects = readFileSync(summary.rejectsFile, "utf8").trim().split("\n");
    expect(rejects[0]).toBe("First Name,email,externalID,source,Favourite Colour,_errors");
    expect(rejects).toHaveLength(3);
    expect(rejects[1]).toContain('""email"":[""must be an email address""]');
    writeFileSync(
      summary.rejectsFile,
      `${rejects.map((line) => line.replace(/dana(\d+)\.example/, "dana$1@example.com")).join("\n")}\n`,
    );
    const again = await hatch([...importArgs(summary.rejectsFile)], server.url).done;
    expect(again.code, again.stderr).toBe(EXIT.ok);
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: 2, accepted: 2 });
    for (const row of bad) expect(server.perRow.get(String(row))).toBe(2);
  });

  test("kill -9 in the middle, then a rerun: every row arrives exactly once", async () => {
    server = await startImportServer(LIMIT, INTERVAL_MS);
    const rows = 4 * LIMIT;
    const file = writeCsv(rows);
    const first = hatch(importArgs(file), server.url);
    // Kill once part of the file is in, at a moment no request is open (so nothing is in doubt:
    // the journal alone decides what the rerun sends).
    const live = server;
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (live.perRow.size >= LIMIT + 10 && live.quietFor(50)) {
          clearInterval(poll);
          resolve();
        }
        if (first.child.exitCode !== null) {
          clearInterval(poll);
          reject(new Error("the import ended before it could be killed"));
        }
      }, 5);
    });
    first.child.kill("SIGKILL");
    const killed = await first.done;
    expect(killed.signal).toBe("SIGKILL");
    const before = live.perRow.size;
    expect(before).toBeLessThan(rows);
    // A new process knows nothing of the requests the killed one made in the server's current
    // window (it would draw 429s and retry them): a user rerunning at once pays that, the test waits.
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    const rerun = await hatch(importArgs(file), live.url).done;
    const summary = JSON.parse(rerun.stdout);
    // Rows whose answer the killed run never saw are in doubt: not sent again, listed for the user.
    expect(rerun.code, rerun.stderr).toBe(summary.inDoubt > 0 ? EXIT.invalid : EXIT.ok);
    expect(summary.skipped + summary.accepted + summary.inDoubt).toBe(rows);
    expect(summary.accepted).toBeGreaterThan(0);
    expect(summary.skipped).toBeLessThanOrEqual(before);
    // Every row not in doubt arrived; one in doubt may or may not have (the killed run sent it and
    // never saw the answer), and none arrived twice. Under load the kill can find requests open.
    expect(live.perRow.size).toBeGreaterThanOrEqual(rows - summary.inDoubt);
    expect(live.perRow.size).toBeLessThanOrEqual(rows);
    expect([...live.perRow.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    if (summary.inDoubt > 0) {
      const listed = readFileSync(summary.rejectsFile, "utf8").trim().split("\n").slice(1);
      expect(listed).toHaveLength(summary.inDoubt);
      for (const line of listed) expect(line).toContain("in doubt");
    }
    expect(live.tooMany).toBe(0);
  });

  test("Ctrl-C (SIGINT) in the middle stops cleanly with the journal written; a rerun sends the rest, each row once", async () => {
    // Answers held back 300 ms, so that the interrupt finds requests open: they must finish (an
    // aborted one may still have been applied, and would be sent again by the rerun).
    server = await startImportServer(LIMIT, INTERVAL_MS, 300);
    const rows = 4 * LIMIT;
    const file = writeCsv(rows);
    const first = hatch(importArgs(file), server.url);
    const live = server;
    // Interrupt while rows are in flight (received, not yet answered) and more wait for a permit.
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (live.perRow.size >= 5) {
          clearInterval(poll);
          resolve();
        }
        if (first.child.exitCode !== null) {
          clearInterval(poll);
          reject(new Error("the import ended before it could be interrupted"));
        }
      }, 2);
    });
    first.child.kill("SIGINT");
    const stopped = await first.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    const partial = JSON.parse(stopped.stdout);
    expect(partial).toMatchObject({ interrupted: true, failed: 0, inDoubt: 0 });
    expect(partial.accepted).toBeLessThan(rows);
    // Rows in flight finished rather than being aborted: every row that reached the server was answered and journaled.
    expect(partial.accepted).toBe(live.perRow.size);
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    const rerun = await hatch(importArgs(file), live.url).done;
    expect(rerun.code, rerun.stderr).toBe(EXIT.ok);
    const summary = JSON.parse(rerun.stdout);
    expect(summary).toMatchObject({ skipped: partial.accepted, accepted: rows - partial.accepted, inDoubt: 0 });
    expect(live.perRow.size).toBe(rows);
    expect([...live.perRow.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(live.tooMany).toBe(0);
  });
});
