// @ts-check
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { copySpecSources, removeDir, runBundleCli, snapshotDir } from "./run-cli.js";

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

describe("the Hatch spec", () => {
  /** @type {string} */
  let work;
  /** @type {any} */
  let bundled;

  beforeAll(() => {
    work = copySpecSources();
    const { code, output } = runBundleCli(
      ["bundle", "--yaml", "--config", "redocly.yaml", "--overlays", "overlays", "--out", "dist", "openapi.yaml"],
      work,
    );
    expect(code, output).toBe(0);
    bundled = JSON.parse(readFileSync(join(work, "dist/openapi.json"), "utf8"));
  });
  afterAll(() => removeDir(work));

  it("lints with no errors", () => {
    const { code, output } = runBundleCli(["lint", "--config", "redocly.yaml", "openapi.yaml"], work);
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/\berror\b/i);
  });

  it("bundles to JSON and YAML that describe the same document", () => {
    const yaml = parse(readFileSync(join(work, "dist/openapi.yaml"), "utf8"));
    expect(yaml).toEqual(bundled);
    expect(bundled.openapi).toBe("3.0.3");
  });

  it("bundles deterministically, so turbo and git see no change when the spec did not change", () => {
    const before = snapshotDir(join(work, "dist"));
    const { code, output } = runBundleCli(
      ["bundle", "--yaml", "--config", "redocly.yaml", "--out", "dist", "openapi.yaml"],
      work,
    );
    expect(code, output).toBe(0);
    expect(snapshotDir(join(work, "dist"))).toEqual(before);
  });

  it("declares 401, 422 and 429 on every operation, and 429 carries Retry-After", () => {
    const operations = Object.entries(bundled.paths).flatMap(([path, item]) =>
      Object.entries(/** @type {Record<string, any>} */ (item))
        .filter(([method]) => methods.includes(method))
        .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
    );
    expect(operations.length).toBeGreaterThan(0);
    const resolve = (/** @type {any} */ response) =>
      response.$ref ? bundled.components.responses[response.$ref.split("/").pop()] : response;
    const missing = operations.flatMap(({ name, operation }) =>
      ["401", "422", "429"].filter((status) => !operation.responses[status]).map((status) => `${name} ${status}`),
    );
    expect(missing).toEqual([]);
    for (const { operation } of operations) {
      expect(resolve(operation.responses["429"]).headers).toHaveProperty("Retry-After");
    }
  });

  it("requires source and keeps every other contact field nullable, as the API accepts", () => {
    const params = bundled.components.schemas.UpsertContactParams;
    expect(params.required).toEqual(["source"]);
    const nullable = Object.entries(params.properties)
      .filter(([name]) => !["source", "details"].includes(name))
      .map(([name, schema]) => [name, /** @type {any} */ (schema).nullable]);
    expect(nullable.length).toBe(9);
    expect(nullable.every(([, isNullable]) => isNullable === true)).toBe(true);
    expect(params.properties.details.additionalProperties).toBe(true);
  });

  it("gives every operation a URL-safe camelCase operationId", () => {
    const ids = Object.values(bundled.paths).flatMap((item) =>
      Object.entries(/** @type {Record<string, any>} */ (item))
        .filter(([method]) => methods.includes(method))
        .map(([, operation]) => operation.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });
});
