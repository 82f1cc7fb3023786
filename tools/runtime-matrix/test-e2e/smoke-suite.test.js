// @ts-check
// The smoke suite must be able to fail: run in-process against clients broken on purpose, each check
// that the breakage concerns reports not ok (with the reason), and the others still pass.
import * as capabilities from "@hatch-api/capabilities-fixture";
import * as realClient from "@hatch-api/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmokeServer } from "../src/smoke-server.js";
import { runSmokeSuite, SMOKE_CHECKS } from "../src/suite/smoke-suite.js";

/** @type {import("../src/smoke-server.js").SmokeServer} */
let server;
beforeAll(async () => {
  server = await startSmokeServer();
});
afterAll(async () => {
  await server?.close();
});

/** @param {Record<string, any>} client @param {Record<string, any>} [fixture] the capabilities fixture SDK */
async function failedChecks(client, fixture = capabilities) {
  const report = await runSmokeSuite(client, {
    baseUrl: server.url,
    runId: `unit-${Math.random().toString(36).slice(2)}`,
    capabilities: fixture,
  });
  expect(report.checks.map((check) => check.name)).toEqual(SMOKE_CHECKS);
  return Object.fromEntries(report.checks.filter((check) => !check.ok).map((check) => [check.name, check.detail]));
}

/**
 * The real client, with `createHatchClient`'s options or `upsert` changed.
 * @param {(options: Record<string, any>) => Record<string, any>} [mapOptions]
 * @param {(upsert: Function) => Function} [mapUpsert]
 */
function brokenClient(mapOptions = (options) => options, mapUpsert = (upsert) => upsert) {
  return {
    ...realClient,
    createHatchClient(/** @type {Record<string, any>} */ options) {
      const hatch = realClient.createHatchClient(/** @type {any} */ (mapOptions(options)));
      return { ...hatch, contacts: { upsert: mapUpsert(hatch.contacts.upsert.bind(hatch.contacts)) } };
    },
  };
}

describe("runSmokeSuite", () => {
  it("passes the real built client on Node", async () => {
    expect(await failedChecks(realClient)).toEqual({});
  });

  it("fails the upserts when the id is not the server's", async () => {
    const failed = await failedChecks(
      brokenClient(undefined, (upsert) => async (/** @type {any[]} */ ...args) => ({
        ...(await upsert(...args)),
        id: "other",
      })),
    );
    expect(Object.keys(failed)).toEqual(["upsert (POST)", "upsert (PUT)"]);
    expect(failed["upsert (POST)"]).toMatch(/expected \{ id: ct_post_unit-\w+ \}, got \{"id":"other"\}/);
  });

  it("fails the typed error, abort and timeout checks when errors are untyped", async () => {
    const failed = await failedChecks(
      brokenClient(undefined, (upsert) => async (/** @type {any[]} */ ...args) => {
        try {
          return await upsert(...args);
        } catch (error) {
          throw new Error(`wrapped: ${error}`);
        }
      }),
    );
    expect(Object.keys(failed)).toEqual(["typed error (422)", "abort", "timeout"]);
    expect(failed["typed error (422)"]).toMatch(/expected an instance of ValidationError/);
  });

  it("fails the browser guard when a client is refused outside a browser", async () => {
    const failed = await failedChecks({
      ...realClient,
      createHatchClient(/** @type {Record<string, any>} */ options) {
        if (!options.userAgent) throw new realClient.HatchError("refusing to run in a browser");
        return realClient.createHatchClient(options);
      },
    });
    expect(failed).toEqual({
      "browser guard": "Error: refused outside a browser: HatchError: refusing to run in a browser",
    });
  });

  it("fails pagination and webhooks when the fixture SDK's list stops early and unwrap accepts anything", async () => {
    const failed = await failedChecks(realClient, {
      ...capabilities,
      createHatchClient(/** @type {Record<string, any>} */ options) {
        const hatch = capabilities.createHatchClient(/** @type {any} */ (options));
        return {
          ...hatch,
          contacts: {
            ...hatch.contacts,
            list: (/** @type {any} */ query) => hatch.contacts.list(query).toArray({ limit: 10 }),
          },
          webhooks: { unwrap: async (/** @type {string} */ body) => JSON.parse(body) },
        };
      },
    });
    expect(Object.keys(failed)).toEqual(["pagination", "webhooks.unwrap"]);
    expect(failed["webhooks.unwrap"]).toMatch(/resolved with .* instead of rejecting/);
  });

  it("fails pagination and webhooks without the fixture SDK", async () => {
    const failed = await failedChecks(realClient, {});
    expect(failed).toEqual({
      pagination: "Error: no capabilities fixture SDK given",
      "webhooks.unwrap": "Error: no capabilities fixture SDK given",
    });
  });

  it("fails the timeout check when the timeout is not applied", async () => {
    // The client gets a longer timeout than asked for, so the check sees the wrong timeoutMs.
    const failed = await failedChecks(
      brokenClient((options) => ({ ...options, timeoutMs: options.timeoutMs ? options.timeoutMs * 2 : undefined })),
    );
    expect(Object.keys(failed)).toEqual(["timeout"]);
    expect(failed.timeout).toMatch(/timeoutMs 2000, expected 1000/);
  });
});
