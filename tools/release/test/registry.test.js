// @ts-check
import { describe, expect, it } from "vitest";
import { PUBLIC_REGISTRY, resolveRegistry } from "../src/registry.js";

describe("resolveRegistry", () => {
  it("defaults to the public registry", () => {
    expect(resolveRegistry({})).toBe(PUBLIC_REGISTRY);
  });

  it("reads npm_config_registry and adds the trailing slash", () => {
    expect(resolveRegistry({ npm_config_registry: "http://127.0.0.1:4873" })).toBe("http://127.0.0.1:4873/");
  });

  it("rejects a value that is not an http(s) URL", () => {
    expect(() => resolveRegistry({ npm_config_registry: "registry.local" })).toThrow(
      'npm_config_registry is not a URL: "registry.local".',
    );
    expect(() => resolveRegistry({ npm_config_registry: "file:///tmp/registry" })).toThrow(/protocol "file:"/);
  });

  it("rejects credentials in the URL without echoing them", () => {
    const error = (() => {
      try {
        resolveRegistry({ npm_config_registry: "https://user:s3cret-pass@npm.example.com/" });
      } catch (e) {
        return /** @type {Error} */ (e);
      }
    })();
    expect(error?.message).toMatch(/must not contain credentials/);
    expect(error?.message).not.toContain("s3cret-pass");
  });
});
