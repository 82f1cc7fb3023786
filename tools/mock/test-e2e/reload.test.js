// @ts-check
// A reload swaps the document a running mock serves without a gap: requests sent throughout it all
// succeed, none waits more than a second longer than before the reload, and a document Prism
// cannot serve leaves the previous one serving.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MockStartError, startMock } from "../src/index.js";
import { isAlive, waitFor } from "../test/helpers.js";

const fixture = (/** @type {string} */ name) =>
  fileURLToPath(new URL(`../test/fixtures/reload/${name}`, import.meta.url));

/** @type {import("../src/index.js").MockServer} */
let mock;
beforeAll(async () => {
  mock = await startMock({ specPath: fixture("before.yaml"), log: false });
});
afterAll(() => mock?.stop());

/** @param {string} path */
async function timedGet(path) {
  const started = performance.now();
  try {
    const response = await fetch(`${mock.url}${path}`);
    const body = await response.json();
    return { status: response.status, body, ms: performance.now() - started };
  } catch (error) {
    return { status: 0, body: String(error), ms: performance.now() - started };
  }
}

/**
 * Sends GET requests from `clients` concurrent loops until `until` settles (bounded: at most
 * `limit` requests in all), and returns every outcome.
 *
 * @param {Promise<unknown>} until
 */
async function requestsThroughout(until, clients = 4, limit = 5_000) {
  let done = false;
  until.finally(() => {
    done = true;
  });
  /** @type {Array<{ status: number, body: unknown, ms: number }>} */
  const outcomes = [];
  const loop = async () => {
    while (!done && outcomes.length < limit) outcomes.push(await timedGet("/pets"));
  };
  await Promise.all(Array.from({ length: clients }, loop));
  return outcomes;
}

describe("mock reload", () => {
  it("serves the new document with no failed or delayed request throughout the swap", async () => {
    const usual = [];
    for (let i = 0; i < 20; i++) usual.push(await timedGet("/pets"));
    expect(usual.every((outcome) => outcome.status === 200)).toBe(true);
    const usualMs = Math.max(...usual.map((outcome) => outcome.ms));
    expect((await timedGet("/owners")).status).toBe(404);
    const before = { pid: mock.pid, prismUrl: mock.prismUrl };

    const reload = mock.reload({ specPath: fixture("after.yaml") });
    const during = await requestsThroughout(reload);
    await reload;
    const after = await requestsThroughout(new Promise((resolve) => setTimeout(resolve, 300)));

    const outcomes = [...during, ...after];
    expect(during.length).toBeGreaterThan(10);
    expect(outcomes.filter((outcome) => outcome.status !== 200)).toEqual([]);
    expect(Math.max(...outcomes.map((outcome) => outcome.ms))).toBeLessThan(usualMs + 1_000);
    // Requests sent before the switch got the old example, those after it the new one.
    expect(during[0]?.body).toEqual(["rex"]);
    expect(after.at(-1)?.body).toEqual(["rex", "tom"]);

    expect((await timedGet("/owners")).body).toEqual(["ann"]);
    expect(mock.pid).not.toBe(before.pid);
    expect(mock.prismUrl).not.toBe(before.prismUrl);
    expect(await waitFor(() => !isAlive(before.pid))).toBe(true);
  });

  it("keeps serving the current document when the new one cannot be served, and says why", async () => {
    const pid = mock.pid;
    const reload = mock.reload({ specPath: fixture("broken.yaml") });
    const during = await requestsThroughout(reload.catch(() => {}));
    await expect(reload).rejects.toThrow(MockStartError);
    await expect(reload).rejects.toThrow(/Missing|resolve|\$ref/i);

    expect(during.filter((outcome) => outcome.status !== 200)).toEqual([]);
    expect(mock.pid).toBe(pid);
    expect(isAlive(pid)).toBe(true);
    expect((await timedGet("/owners")).body).toEqual(["ann"]);
  });

  it("stops the current Prism and refuses a reload once stopped", async () => {
    const pid = mock.pid;
    await mock.stop();
    expect(await waitFor(() => !isAlive(pid))).toBe(true);
    await expect(mock.reload()).rejects.toThrow(/stopped/);
  });
});
