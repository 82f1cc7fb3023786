// @ts-check
import { describe, expect, it } from "vitest";
import { cacheServerEnv } from "../src/server-env.js";

const base = { host: "127.0.0.1", port: 0, token: "t0ken", storagePath: "/var/cache/turbo" };

describe("cacheServerEnv", () => {
  it("keeps local storage at the given path, never under the OS temp folder", () => {
    const env = cacheServerEnv(base, {});
    expect(env.STORAGE_PROVIDER).toBe("local");
    expect(env.STORAGE_PATH).toBe("/var/cache/turbo");
    expect(env.STORAGE_PATH_USE_TMP_FOLDER).toBe("false");
    expect(env).toMatchObject({ HOST: "127.0.0.1", PORT: "0", AUTH_MODE: "static", TURBO_TOKEN: "t0ken" });
  });

  it("stores artifact tags without ever holding the signing key", () => {
    const env = cacheServerEnv(base, { TURBO_REMOTE_CACHE_SIGNATURE_KEY: "the-real-team-key-0123456789abcdef" });
    expect(env.TURBO_REMOTE_CACHE_SIGNATURE_KEY).toBeTruthy();
    expect(env.TURBO_REMOTE_CACHE_SIGNATURE_KEY).not.toBe("the-real-team-key-0123456789abcdef");
  });

  it("passes no unrelated secret from the caller", () => {
    const env = cacheServerEnv(base, {
      PATH: "/usr/bin",
      HOME: "/root",
      HATCH_API_KEY: "hk_live_secret",
      NPM_TOKEN: "npm_secret",
      TURBO_TOKEN: "someone-elses-token",
      S3_SECRET_KEY: "not-needed-for-local",
    });
    expect(env.PATH).toBe("/usr/bin");
    expect(env.HOME).toBe("/root");
    expect(env.TURBO_TOKEN).toBe("t0ken");
    expect(Object.values(env)).not.toContain("hk_live_secret");
    expect(Object.values(env)).not.toContain("npm_secret");
    expect(Object.values(env)).not.toContain("not-needed-for-local");
  });

  it("passes S3-compatible settings through when that storage is chosen", () => {
    const env = cacheServerEnv(
      { ...base, storageProvider: "s3", storagePath: "turbo-artifacts" },
      { S3_ENDPOINT: "http://127.0.0.1:9000", S3_ACCESS_KEY: "ak", S3_SECRET_KEY: "sk", S3_REGION: "eu-west-1" },
    );
    expect(env).toMatchObject({
      STORAGE_PROVIDER: "s3",
      STORAGE_PATH: "turbo-artifacts",
      S3_ENDPOINT: "http://127.0.0.1:9000",
      S3_ACCESS_KEY: "ak",
      S3_SECRET_KEY: "sk",
      S3_REGION: "eu-west-1",
    });
  });

  it("refuses a missing token, a missing storage path, an unknown provider and a bad port", () => {
    expect(() => cacheServerEnv({ ...base, token: "" }, {})).toThrow(/token/);
    expect(() => cacheServerEnv({ ...base, storagePath: "" }, {})).toThrow(/storage path/);
    expect(() => cacheServerEnv({ ...base, storageProvider: "ftp" }, {})).toThrow(/unknown storage provider "ftp"/);
    expect(() => cacheServerEnv({ ...base, port: 70_000 }, {})).toThrow(/port/);
  });
});
