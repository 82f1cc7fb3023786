import { afterEach, describe, expect, test, vi } from "vitest";
import { type AcmeClientOptions, AcmeError, createAcmeClient } from "./.generated/sdk/index.js";
import { json } from "./helpers/observed-client.js";
import { outcomeOf } from "./helpers/outcome.js";

const fetch = async () => json(200, { data: { id: "x" } });

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe("missing API key", () => {
  test("no apiKey and no ACME_API_KEY → a clear error at creation", () => {
    vi.stubEnv("ACME_API_KEY", undefined);
    expect(() => createAcmeClient({ fetch })).toThrow(AcmeError);
    expect(() => createAcmeClient({ fetch })).toThrow(
      /missing Acme API key\. Pass `apiKey`, or set the ACME_API_KEY environment variable/,
    );
  });

  test("an empty key counts as missing", () => {
    vi.stubEnv("ACME_API_KEY", "");
    expect(() => createAcmeClient({ apiKey: "", fetch })).toThrow(/missing Acme API key/);
  });

  test("ACME_API_KEY is enough", () => {
    vi.stubEnv("ACME_API_KEY", "from-env");
    expect(() => createAcmeClient({ fetch })).not.toThrow();
  });
});

describe("browser guard", () => {
  function pretendBrowser() {
    vi.stubGlobal("window", { document: {} });
    vi.stubGlobal("navigator", { userAgent: "Mozilla/5.0" });
  }

  test("creating a client in a browser throws, naming the risk and the flag", () => {
    pretendBrowser();
    expect(() => createAcmeClient({ apiKey: "k", fetch })).toThrow(/refusing to run in a browser/);
    expect(() => createAcmeClient({ apiKey: "k", fetch })).toThrow(/dangerouslyAllowBrowser: true/);
  });

  test("the guard comes before the key check, so a browser never reads process.env", () => {
    pretendBrowser();
    expect(() => createAcmeClient({ fetch })).toThrow(/refusing to run in a browser/);
  });

  test("dangerouslyAllowBrowser lets it through", async () => {
    pretendBrowser();
    const client = createAcmeClient({ apiKey: "k", fetch, dangerouslyAllowBrowser: true });
    await expect(client.contacts.upsert({ source: "custom:x" })).resolves.toEqual({ id: "x" });
  });

  test("an edge worker (navigator, no document, no importScripts) is not a browser", () => {
    vi.stubGlobal("navigator", { userAgent: "Cloudflare-Workers" });
    expect(() => createAcmeClient({ apiKey: "k", fetch })).not.toThrow();
  });

  test("a browser's web worker (importScripts and WorkerGlobalScope, no window) is a browser", () => {
    vi.stubGlobal("navigator", { userAgent: "Mozilla/5.0" });
    vi.stubGlobal("WorkerGlobalScope", function WorkerGlobalScope() {});
    vi.stubGlobal("importScripts", () => {});
    expect(() => createAcmeClient({ apiKey: "k", fetch })).toThrow(/refusing to run in a browser/);
    expect(() => createAcmeClient({ apiKey: "k", fetch, dangerouslyAllowBrowser: true })).not.toThrow();
  });
});

describe("option checks", () => {
  const timer = "must be a number of milliseconds above 0 and at most 2147483647";
  test.each([
    [{ timeoutMs: 0 }, new RegExp(`\`timeoutMs\` ${timer} \\(about 24\\.8 days\\), got 0`)],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, new RegExp(`\`timeoutMs\` ${timer}`)],
    [{ timeoutMs: Number.NaN }, new RegExp(`\`timeoutMs\` ${timer}.*got NaN`)],
    // Beyond 2^31 - 1 ms, setTimeout fires at once: 3e9 used to time out in about a millisecond.
    [{ timeoutMs: 3e9 }, new RegExp(`\`timeoutMs\` ${timer}.*got 3000000000`)],
    [{ totalTimeoutMs: 3e9 }, new RegExp(`\`totalTimeoutMs\` ${timer}`)],
    [{ maxRetries: -1 }, /`maxRetries` must be a non-negative integer \(at most 100\), got -1/],
    [{ maxRetries: 1.5 }, /`maxRetries` must be a non-negative integer/],
    [{ rateLimit: { limit: 0 } }, /`rateLimit\.limit` must be a positive integer, got 0/],
    [{ rateLimit: { intervalMs: -5 } }, new RegExp(`\`rateLimit\\.intervalMs\` ${timer}.*got -5`)],
    // A wake-up storm of TimeoutOverflowWarnings before.
    [{ rateLimit: { intervalMs: 3e9 } }, new RegExp(`\`rateLimit\\.intervalMs\` ${timer}`)],
    [{ maxResponseBytes: 0 }, /`maxResponseBytes` must be a positive integer, got 0/],
    [{ baseUrl: "api.acme.test" }, /`baseUrl` must be an absolute http\(s\) URL, got "api\.acme\.test"/],
    [{ baseUrl: "ftp://example.com" }, /`baseUrl` must be an absolute http\(s\) URL/],
    [
      { baseUrl: "https://api.example.com/?key=hk_live_secret" },
      /`baseUrl` must be a URL without a query string or fragment, got https:\/\/api\.example\.com\/\?…; pass a key/,
    ],
    [{ userAgent: "a\nb" }, /`userAgent` must be a single line of Latin-1 characters.*found U\+000A at index 1/],
    // Used to make every call throw a raw TypeError from the Headers class.
    [
      { userAgent: "acme-crm/2.1 ☕" },
      /`userAgent` must be a single line of Latin-1 characters.*found U\+2615 at index 13/,
    ],
    [{ logger: {} }, /`logger` must be an object with a debug\(message, details\) method/],
  ])("%j is refused", (options, message) => {
    expect(() => createAcmeClient({ apiKey: "k", fetch, ...(options as AcmeClientOptions) })).toThrow(message);
  });

  test("a Latin-1 user agent (not only ASCII) is accepted and sent", async () => {
    let sent: string | null = null;
    const client = createAcmeClient({
      apiKey: "k",
      userAgent: "café-crm/1.0",
      fetch: async (request) => {
        sent = request.headers.get("user-agent");
        return json(200, { data: { id: "x" } });
      },
    });
    await client.contacts.upsert({ source: "custom:x" });
    expect(sent).toMatch(/^café-crm\/1\.0 @acme\/client\//);
  });

  test("credentials in baseUrl are refused at construction, without echoing them", () => {
    const create = () => createAcmeClient({ apiKey: "k", fetch, baseUrl: "https://alice:s3cret-pass@api.example.com" });
    expect(create).toThrow(/`baseUrl` must not contain credentials/);
    try {
      create();
    } catch (error) {
      expect(String(error)).not.toContain("s3cret-pass");
      expect(String(error)).not.toContain("alice");
    }
  });

  test("plain http to a non-loopback host is refused unless allowInsecureHttp", () => {
    expect(() => createAcmeClient({ apiKey: "k", fetch, baseUrl: "http://api.example.com" })).toThrow(
      /refusing plain http to api\.example\.com.*allowInsecureHttp: true/,
    );
    const allowed = createAcmeClient({
      apiKey: "k",
      fetch,
      baseUrl: "http://api.example.com",
      allowInsecureHttp: true,
    });
    expect(allowed.baseUrl).toBe("http://api.example.com");
  });

  test.each(["http://localhost:4010", "http://127.0.0.1:4010", "http://[::1]:4010", "http://mock.localhost"])(
    "plain http to loopback (%s) is fine: the mock and local servers",
    (baseUrl) => {
      expect(() => createAcmeClient({ apiKey: "k", fetch, baseUrl })).not.toThrow();
    },
  );

  test("no fetch in the runtime and none given → an error saying to pass one", () => {
    vi.stubGlobal("fetch", undefined);
    expect(() => createAcmeClient({ apiKey: "k" })).toThrow(/no fetch available/);
  });

  test("the default fetch is globalThis.fetch, called without a receiver", async () => {
    let receiver: unknown = "unset";
    vi.stubGlobal("fetch", function (this: unknown) {
      receiver = this;
      return Promise.resolve(json(200, { data: { id: "g" } }));
    });
    const client = createAcmeClient({ apiKey: "k" });
    await expect(client.contacts.upsert({ source: "custom:x" })).resolves.toEqual({ id: "g" });
    expect(receiver).toBeUndefined();
  });
});

describe("per-call options are checked on every call", () => {
  test.each([
    [{ timeoutMs: -1 }, /per-call options: `timeoutMs` must be a number of milliseconds above 0/],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, /`timeoutMs` must be/],
    [{ timeoutMs: Number.NaN }, /`timeoutMs` must be/],
    [{ timeoutMs: 3e9 }, /`timeoutMs` must be/],
    [{ totalTimeoutMs: 0 }, /`totalTimeoutMs` must be/],
    [{ maxRetries: -2 }, /`maxRetries` must be a non-negative integer/],
    [{ middleware: ["nope"] as never }, /per-call options: `middleware` must be an array of functions, got nope/],
  ])("%j is refused before anything is sent", async (options, message) => {
    let calls = 0;
    const client = createAcmeClient({
      apiKey: "k",
      fetch: async () => {
        calls += 1;
        return json(200, { data: { id: "x" } });
      },
    });
    const { error } = await outcomeOf(client.contacts.upsert({ source: "custom:x" }, options));
    expect(error).toBeInstanceOf(AcmeError);
    expect((error as Error).message).toMatch(message);
    expect(calls).toBe(0);
  });
});
