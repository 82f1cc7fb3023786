import { afterEach, describe, expect, test, vi } from "vitest";
import { contact, createObservedClient, json } from "./helpers/observed-client.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("debug logging", () => {
  test("a logger receives request, response and retry lines with every secret redacted", async () => {
    const apiKey = "hk_live_Zq8pW3nR7tY2uV5x";
    const lines: Array<{ message: string; details: unknown }> = [];
    const { client } = createObservedClient(
      [
        () => json(503, { errors: [] }, { "set-cookie": "session=abc", "x-echo": apiKey }),
        () => json(200, { data: { id: "x" } }),
      ],
      { apiKey, logger: { debug: (message, details) => lines.push({ message, details }) } },
    );
    await client.contacts.upsert(contact, { maxRetries: 1 });
    expect(lines.map((l) => l.message)).toEqual([
      "[acme] request",
      "[acme] response",
      "[acme] retry",
      "[acme] request",
      "[acme] response",
    ]);
    expect(lines[0]?.details).toMatchObject({
      method: "POST",
      url: "https://api.test.example/v1/contacts",
      attempt: 1,
      headers: { authorization: "[REDACTED]", "content-type": "application/json" },
    });
    expect(lines[1]?.details).toMatchObject({
      status: 503,
      headers: { "set-cookie": "[REDACTED]", "x-echo": "[REDACTED]" },
    });
    expect(JSON.stringify(lines)).not.toContain(apiKey);
  });

  test("ACME_LOG=debug logs to console.debug; unset, nothing is logged", async () => {
    const debug = vi.spyOn(console, "debug").mockImplementation(() => {});
    vi.stubEnv("ACME_LOG", "debug");
    await createObservedClient(() => json(200, { data: { id: "x" } })).client.contacts.upsert(contact);
    expect(debug).toHaveBeenCalledWith("[acme] request", expect.objectContaining({ method: "POST" }));
    debug.mockClear();
    vi.stubEnv("ACME_LOG", "");
    await createObservedClient(() => json(200, { data: { id: "x" } })).client.contacts.upsert(contact);
    expect(debug).not.toHaveBeenCalled();
  });

  test("a logger that throws does not break the call", async () => {
    const { client } = createObservedClient(() => json(200, { data: { id: "still" } }), {
      logger: {
        debug: () => {
          throw new Error("log sink down");
        },
      },
    });
    await expect(client.contacts.upsert(contact)).resolves.toEqual({ id: "still" });
  });
});
