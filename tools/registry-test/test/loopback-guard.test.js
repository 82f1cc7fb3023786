// @ts-check
import { describe, expect, it } from "vitest";
import { assertLoopbackRegistry } from "../src/loopback-guard.js";

describe("assertLoopbackRegistry", () => {
  it.each(["http://127.0.0.1:4873/", "http://localhost:4873/", "http://[::1]:4873/"])("allows %s", (url) => {
    expect(assertLoopbackRegistry(url)).toBe(url);
  });

  it.each([
    "https://registry.npmjs.org/",
    "https://registry.yarnpkg.com/",
    "http://127.0.0.1.example.com/",
    "http://10.0.0.5:4873/",
  ])("refuses %s", (url) => {
    expect(() => assertLoopbackRegistry(url)).toThrow(/not on the loopback interface/);
  });

  it("refuses a missing or malformed registry", () => {
    expect(() => assertLoopbackRegistry(undefined)).toThrow(/is not a URL/);
    expect(() => assertLoopbackRegistry("127.0.0.1:4873")).toThrow(/not on the loopback interface|is not a URL/);
  });
});
