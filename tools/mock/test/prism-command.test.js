// @ts-check
import { describe, expect, it } from "vitest";
import { LogBuffer } from "../src/log-buffer.js";
import { prismArgs, prismVersion } from "../src/prism-command.js";
import { prismEnv } from "../src/prism-process.js";

const base = { specPath: "/spec.json", host: "127.0.0.1", port: 0 };

describe("prismArgs", () => {
  it("builds a single-process mock command", () => {
    expect(prismArgs({ ...base, dynamic: true })).toEqual([
      "mock",
      "/spec.json",
      "--host",
      "127.0.0.1",
      "--port",
      "0",
      "--multiprocess=false",
      "--dynamic",
    ]);
  });

  it("builds a validating proxy command", () => {
    const args = prismArgs({ ...base, upstream: "http://127.0.0.1:9/", errors: true, validateRequest: false });
    expect(args.slice(0, 3)).toEqual(["proxy", "/spec.json", "http://127.0.0.1:9/"]);
    expect(args).toContain("--errors");
    expect(args).toContain("--validate-request=false");
  });

  it("refuses dynamic examples for a proxy", () => {
    expect(() => prismArgs({ ...base, upstream: "http://127.0.0.1:9/", dynamic: true })).toThrow(/mock mode/);
  });

  it("pins the Prism version the repo expects", () => {
    expect(prismVersion).toBe("5.14.2");
  });
});

describe("prismEnv", () => {
  it("keeps variables named like credentials out of Prism and turns colours off", () => {
    const env = prismEnv({
      PATH: "/bin",
      PETSTORE_API_KEY: "secret",
      ACME_APIKEY: "secret",
      GITHUB_TOKEN: "secret",
      DB_PASSWORD: "secret",
      CLIENT_SECRET: "secret",
      KEYBOARD: "us",
    });
    for (const name of ["PETSTORE_API_KEY", "ACME_APIKEY", "GITHUB_TOKEN", "DB_PASSWORD", "CLIENT_SECRET"]) {
      expect(env).not.toHaveProperty(name);
    }
    expect(env).toMatchObject({ PATH: "/bin", KEYBOARD: "us", NO_COLOR: "1", DO_NOT_TRACK: "1" });
  });
});

describe("LogBuffer", () => {
  it("joins lines split across chunks and keeps only the newest lines", () => {
    const log = new LogBuffer(2);
    expect(log.push("one\ntw")).toEqual(["one"]);
    expect(log.push("o\nthree\n\u001b[32mfour\u001b[39m")).toEqual(["two", "three"]);
    expect(log.text()).toBe("two\nthree\nfour");
  });
});
