import { afterEach, describe, expect, test, vi } from "vitest";
import { VERSION } from "./.generated/sdk/index.js";
import { contact, createObservedClient, ok } from "./helpers/observed-client.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("request headers and body", () => {
  test("contacts.upsert sends the bearer key, JSON body and User-Agent", async () => {
    const { client, calls } = createObservedClient(() => ok("c-1"), { apiKey: "key-abc" });
    await expect(client.contacts.upsert(contact)).resolves.toEqual({ id: "c-1" });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.method).toBe("POST");
    expect(call?.url).toBe("https://api.test.example/v1/contacts");
    expect(call?.headers.get("authorization")).toBe("Bearer key-abc");
    expect(call?.headers.get("content-type")).toBe("application/json");
    expect(call?.headers.get("user-agent")).toBe(`@acme/client/${VERSION}`);
    expect(JSON.parse(call?.body ?? "")).toEqual(contact);
  });

  test("the version in the User-Agent is the package's", async () => {
    const { readFile } = await import("node:fs/promises");
    const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
    expect(VERSION).toBe(pkg.version);
  });

  test("the typed POST and PUT surfaces send the same headers", async () => {
    const { client, calls } = createObservedClient(() => ok("c-2"), { apiKey: "key-xyz" });
    const post = await client.POST("/v1/contacts", { body: contact });
    const put = await client.PUT("/v1/contacts", { body: { source: "custom:crm" } });
    expect(post.data?.data.id).toBe("c-2");
    expect(put.data?.data.id).toBe("c-2");
    expect(calls.map((c) => c.method)).toEqual(["POST", "PUT"]);
    for (const call of calls) expect(call.headers.get("authorization")).toBe("Bearer key-xyz");
    expect(JSON.parse(calls[1]?.body ?? "")).toEqual({ source: "custom:crm" });
  });

  test("upsert with method PUT uses PUT", async () => {
    const { client, calls } = createObservedClient(() => ok());
    await client.contacts.upsert(contact, { method: "PUT" });
    expect(calls[0]?.method).toBe("PUT");
  });

  test("a caller's userAgent comes first and the client's token stays", async () => {
    const { client, calls } = createObservedClient(() => ok(), { userAgent: "acme-crm/2.1" });
    await client.contacts.upsert(contact);
    expect(calls[0]?.headers.get("user-agent")).toBe(`acme-crm/2.1 @acme/client/${VERSION}`);
  });

  test("a caller cannot override Authorization through per-request headers", async () => {
    const { client, calls } = createObservedClient(() => ok(), { apiKey: "right-key" });
    await client.POST("/v1/contacts", { body: contact, headers: { Authorization: "Bearer wrong" } });
    expect(calls[0]?.headers.get("authorization")).toBe("Bearer right-key");
  });

  test("apiKey and baseUrl default to ACME_API_KEY and ACME_BASE_URL", async () => {
    vi.stubEnv("ACME_API_KEY", "from-env");
    vi.stubEnv("ACME_BASE_URL", "https://sandbox.example/");
    const { client, calls } = createObservedClient(() => ok(), { apiKey: undefined, baseUrl: undefined });
    await client.contacts.upsert(contact);
    expect(calls[0]?.headers.get("authorization")).toBe("Bearer from-env");
    expect(calls[0]?.url).toBe("https://sandbox.example/v1/contacts");
  });

  test("the base URL defaults to the production API", async () => {
    vi.stubEnv("ACME_BASE_URL", "");
    const { client, calls } = createObservedClient(() => ok(), { baseUrl: undefined });
    await client.contacts.upsert(contact);
    expect(calls[0]?.url).toBe("https://api.acme.test/v1/contacts");
    expect(client.baseUrl).toBe("https://api.acme.test");
  });
});
