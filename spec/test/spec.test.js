// @ts-check
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readTree } from "@hatch-api/test-support";
import { deref, documentDefects, listOperations } from "@sdkit/codegen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { copySpecSources, removeDir, runBundleCli } from "./run-cli.js";

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

  it("contradicts itself nowhere: no example breaks its schema, every body has something to answer with", () => {
    // The contract suite would otherwise ask Prism for generated answers, or waive statuses, for Hatch's own API.
    expect(documentDefects(bundled, listOperations(bundled))).toEqual([]);
  });

  it("bundles to JSON and YAML that describe the same document", () => {
    const yaml = parse(readFileSync(join(work, "dist/openapi.yaml"), "utf8"));
    expect(yaml).toEqual(bundled);
    expect(bundled.openapi).toBe("3.0.3");
  });

  it("bundles deterministically, so turbo and git see no change when the spec did not change", () => {
    const before = readTree(join(work, "dist"), { encoding: "base64" });
    const { code, output } = runBundleCli(
      ["bundle", "--yaml", "--config", "redocly.yaml", "--overlays", "overlays", "--out", "dist", "openapi.yaml"],
      work,
    );
    expect(code, output).toBe(0);
    expect(readTree(join(work, "dist"), { encoding: "base64" })).toEqual(before);
  });

  /** Every operation of the bundle (the shared lister), with a readable name. */
  const operationsOf = () =>
    listOperations(bundled).map(({ method, path, operation }) => ({
      name: `${method.toUpperCase()} ${path}`,
      operation,
    }));
  /** Follows a local `$ref` in the bundle. @param {any} node */
  const resolve = (node) => deref(bundled, node);
  /** Every schema object reachable from components.schemas, with its pointer. */
  const allSchemas = () => {
    /** @type {Array<{ at: string, schema: any }>} */
    const found = [];
    /** @param {any} schema @param {string} at */
    const walk = (schema, at) => {
      if (!schema || typeof schema !== "object" || schema.$ref) return;
      found.push({ at, schema });
      for (const [name, property] of Object.entries(schema.properties ?? {}))
        walk(property, `${at}/properties/${name}`);
      if (schema.items) walk(schema.items, `${at}/items`);
      for (const key of ["allOf", "oneOf", "anyOf"]) {
        for (const [index, part] of (schema[key] ?? []).entries()) walk(part, `${at}/${key}/${index}`);
      }
    };
    for (const [name, schema] of Object.entries(bundled.components.schemas))
      walk(schema, `#/components/schemas/${name}`);
    return found;
  };

  it("declares 401 and 429 (with Retry-After) on every operation, and 422 on every one that takes a body", () => {
    const operations = operationsOf();
    expect(operations.length).toBeGreaterThan(0);
    const missing = operations.flatMap(({ name, operation }) =>
      ["401", "429", ...(operation.requestBody ? ["422"] : [])]
        .filter((status) => !operation.responses[status])
        .map((status) => `${name} ${status}`),
    );
    expect(missing).toEqual([]);
    for (const { operation } of operations) {
      expect(resolve(operation.responses["429"]).headers).toHaveProperty("Retry-After");
    }
  });

  it("answers every error with a JSON:API error document", () => {
    const wrong = operationsOf().flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => /^[45]/.test(status))
        .filter(([, response]) => {
          const schema = resolve(response).content?.["application/json"]?.schema;
          return schema?.$ref !== "#/components/schemas/JsonErrorResponse";
        })
        .map(([status]) => `${name} ${status}`),
    );
    expect(wrong).toEqual([]);
  });

  it("gives every operation a JSON success response and every request body an example, for the docs and contract tests", () => {
    const problems = operationsOf().flatMap(({ name, operation }) => {
      const success = Object.entries(operation.responses).find(([status]) => /^2/.test(status));
      const body = operation.requestBody ? resolve(operation.requestBody).content["application/json"] : undefined;
      return [
        ...(success ? [] : [`${name}: no 2xx response`]),
        ...(body && body.example === undefined && body.examples === undefined ? [`${name}: no request example`] : []),
      ];
    });
    expect(problems).toEqual([]);
  });

  it("keeps every nullable property optional: null and absent mean the same to the API", () => {
    const schemas = allSchemas();
    expect(schemas.length).toBeGreaterThan(0);
    const requiredNullable = schemas.flatMap(({ at, schema }) =>
      (schema.required ?? [])
        .filter((/** @type {string} */ name) => resolve(schema.properties?.[name])?.nullable === true)
        .map((/** @type {string} */ name) => `${at}/properties/${name}`),
    );
    expect(requiredNullable).toEqual([]);
  });

  it("requires a non-nullable string source on a contact, and takes details as a free-form object", () => {
    const params = bundled.components.schemas.UpsertContactParams;
    expect(params.required).toContain("source");
    expect(params.properties.source).toMatchObject({ type: "string" });
    expect(params.properties.source.nullable).not.toBe(true);
    expect(params.properties.details).toMatchObject({ type: "object", additionalProperties: true });
  });

  it("gives every operation a URL-safe camelCase operationId", () => {
    const ids = operationsOf().map(({ operation }) => operation.operationId);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });
});
