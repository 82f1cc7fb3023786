import { afterEach, describe, expect, test, vi } from "vitest";
import { createHatchClient, HatchError } from "../src/index.js";
import { json } from "./helpers/observed-client.js";

const fetch = async () => json(200, { data: { id: "x" } });

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe("missing API key", () => {
  test("no apiKey and no HATCH_API_KEY → a clear error at creation", () => {
    vi.stubEnv("HATCH_API_KEY", undefined);
    expect(() => createHatchClient({ fetch })).toThrow(HatchError);
    expect(() => createHatchClient({ fetch })).toThrow(
      /missing Hatch API key\. Pass `apiKey`, or set the HATCH_API_KEY environment variable/,
    );
  });

  test("an empty key counts as missing", () => {
    vi.stubEnv("HATCH_API_KEY", "");
    expect(() => createHatchClient({ apiKey: "", fetch })).toThrow(/missing Hatch API key/);
  });

  test("HATCH_API_KEY is enough", () => {
    vi.stubEnv("HATCH_API_KEY", "from-env");
    expect(() => createHatchClient({ fetch })).not.toThrow();
  });
});

describe("browser guard", () => {
  function pretendBrowser() {
    vi.stubGlobal("window", { document: {} });
    vi.stubGlobal("navigator", { userAgent: "Mozilla/5.0" });
  }

  test("creating a client in a browser throws, naming the risk and the flag", () => {
    pretendBrowser();
    expect(() => createHatchClient({ apiKey: "k", fetch })).toThrow(/refusing to run in a browser/);
    expect(() => createHatchClient({ apiKey: "k", fetch })).toThrow(/dangerouslyAllowBrowser: true/);
  });

  test("the guard comes before the key check, so a browser never reads process.env", () => {
    pretendBrowser();
    expect(() => createHatchClient({ fetch })).toThrow(/refusing to run in a browser/);
  });

  test("dangerouslyAllowBrowser lets it through", async () => {
    pretendBrowser();
    const client = createHatchClient({ apiKey: "k", fetch, dangerouslyAllowBrowser: true });
    await expect(client.contacts.upsert({ source: "custom:x" })).resolves.toEqual({ id: "x" });
  });

  test("a web worker-like global without a document is not a browser window", () => {
    vi.stubGlobal("navigator", { userAgent: "Cloudflare-Workers" });
    expect(() => createHatchClient({ apiKey: "k", fetch })).not.toThrow();
  });
});

describe("option checks", () => {
  test.each([
    [{ timeoutMs: 0 }, /`timeoutMs` must be a positive, finite number, got 0/],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, /`timeoutMs` must be a positive, finite number/],
    [{ maxRetries: -1 }, /`maxRetries` must be a non-negative integer, got -1/],
    [{ maxRetries: 1.5 }, /`maxRetries` must be a non-negative integer/],
    [{ rateLimit: { limit: 0 } }, /`rateLimit\.limit` must be a positive integer, got 0/],
    [{ rateLimit: { intervalMs: -5 } }, /`rateLimit\.intervalMs` must be a positive, finite number, got -5/],
    [{ baseUrl: "api.usehatchapp.com" }, /`baseUrl` must be an absolute http\(s\) URL, got "api\.usehatchapp\.com"/],
    [{ baseUrl: "ftp://example.com" }, /`baseUrl` must be an absolute http\(s\) URL/],
    [{ userAgent: "a\nb" }, /`userAgent` must be a single-line string/],
  ])("%j is refused", (options, message) => {
    expect(() => createHatchClient({ apiKey: "k", fetch, ...options })).toThrow(message);
  });

  test("no fetch in the runtime and none given → an error saying to pass one", () => {
    vi.stubGlobal("fetch", undefined);
    expect(() => createHatchClient({ apiKey: "k" })).toThrow(/no fetch available/);
  });

  test("the default fetch is globalThis.fetch, called without a receiver", async () => {
    let receiver: unknown = "unset";
    vi.stubGlobal("fetch", function (this: unknown) {
      receiver = this;
      return Promise.resolve(json(200, { data: { id: "g" } }));
    });
    const client = createHatchClient({ apiKey: "k" });
    await expect(client.contacts.upsert({ source: "custom:x" })).resolves.toEqual({ id: "g" });
    expect(receiver).toBeUndefined();
  });
});
