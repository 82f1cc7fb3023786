import { afterEach, describe, expect, it } from "vitest";
import { type FakeHatchServer, startFakeHatchServer } from "./fake-hatch-server.js";
import { runContractSuite } from "./run-suite.js";

// A made-up key for the fake server; it must never show up in the suite's output.
const apiKey = "fake-provider-key-7f3a9c";
let server: FakeHatchServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("provider mode (HATCH_CONTRACT_BASE_URL)", () => {
  it("passes against a server that answers per spec, with its traffic going through Prism", async () => {
    server = await startFakeHatchServer({ apiKey });
    const run = await runContractSuite({ HATCH_CONTRACT_BASE_URL: server.url, HATCH_API_KEY: apiKey });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("Prism proxy ready");
    expect(run.output).toMatch(/5XX via sdk waived: needs Prism's `Prefer: code=…`, which only the mock honours/);
    // 200 + 422 + 401 on two operations and two surfaces reached the fake server.
    expect(server.requests).toBeGreaterThanOrEqual(12);
    expect(run.output).not.toContain(apiKey);
  });

  it("fails naming the violation when the server's 200 breaks the schema", async () => {
    server = await startFakeHatchServer({ apiKey, breakSuccess: true });
    const run = await runContractSuite({ HATCH_CONTRACT_BASE_URL: server.url, HATCH_API_KEY: apiKey });
    expect(run.code).toBe(1);
    expect(run.output).toContain("Prism found that the upsertContact answer breaks the spec");
    expect(run.output).toContain("response.body.data.id: Response body property data.id must be string");
    expect(run.output).not.toContain(apiKey);
  });

  it("refuses to start without HATCH_API_KEY", async () => {
    const run = await runContractSuite({ HATCH_CONTRACT_BASE_URL: "http://127.0.0.1:9" });
    expect(run.code).toBe(1);
    expect(run.output).toContain("HATCH_CONTRACT_BASE_URL is set but HATCH_API_KEY is not");
  });
});

describe("coverage gate", () => {
  it("turns red naming the pairs when a contract test is missing", async () => {
    // Excluding the files that provoke 429 and 5XX is the same as deleting their tests; 200, 401
    // and 422 are still exercised by the behaviour tests.
    const run = await runContractSuite({}, [
      "--exclude",
      "test-e2e/generated/declared-statuses.test.ts",
      "--exclude",
      "test-e2e/generated/rate-limit.test.ts",
    ]);
    expect(run.code).toBe(1);
    expect(run.output).toContain("Contract coverage gate: no test exercised");
    for (const pair of [
      "upsertContact (POST /v1/contacts) → 429 via openapi-fetch",
      "upsertContact (POST /v1/contacts) → 5XX via sdk",
      "putContact (PUT /v1/contacts) → 429 via sdk",
      "putContact (PUT /v1/contacts) → 5XX via openapi-fetch",
    ]) {
      expect(run.output).toContain(pair);
    }
    expect(run.output).not.toContain("→ 200 via");
  });
});
