// @ts-check
import { describe, expect, it } from "vitest";
import { buildModel } from "../src/model.js";
import { cliNames, cliTarget, commandWord } from "../src/targets/cli.js";
import { acmeConfig, tinySpec } from "./helpers.js";

const config = acmeConfig;

/** A document of our own: nested objects, arrays, enums, a union, a free-form map, refs and allOf. */
const spec = tinySpec(
  {
    "POST /orders/{orderId}/lines": {
      operationId: "addOrderLine",
      tags: ["orderLines"],
      summary: "Add a line",
      description: "Adds a line to an order.",
      parameters: [
        { name: "orderId", in: "path", required: true, schema: { type: "string" }, description: "The order." },
        { name: "dryRun", in: "query", schema: { type: "boolean" } },
        { name: "tags", in: "query", schema: { type: "array", items: { type: "string" } } },
      ],
      requestBody: {
        required: true,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Line" } } },
      },
    },
    "PUT /blobs/{id}": {
      operationId: "putBlob",
      tags: ["blobs"],
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
      requestBody: { content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
    },
  },
  {
    components: {
      securitySchemes: { key: { type: "http", scheme: "bearer" } },
      schemas: {
        Line: {
          allOf: [
            { $ref: "#/components/schemas/Base" },
            {
              type: "object",
              required: ["sku", "shipping"],
              properties: {
                sku: { type: "string", description: "Stock keeping unit." },
                quantity: { type: "integer" },
                kind: { type: "string", enum: ["goods", "service"] },
                shipping: {
                  type: "object",
                  required: ["address"],
                  properties: {
                    address: { type: "object", properties: { city: { type: "string" }, zip: { type: "string" } } },
                    express: { type: "boolean" },
                  },
                },
                labels: { type: "array", items: { type: "string" } },
                meta: { type: "object", additionalProperties: true },
                price: { oneOf: [{ type: "number" }, { type: "string" }] },
                data: { type: "string" },
                id: { type: "string", readOnly: true },
              },
            },
          ],
        },
        Base: { type: "object", properties: { note: { type: "string" } } },
      },
    },
  },
);

/** @param {Map<string, string>} files */
function commandsOf(files) {
  const text = /** @type {string} */ (files.get("commands.ts"));
  return JSON.parse(text.slice(text.indexOf("= [") + 2, text.lastIndexOf(";")));
}

describe("the cli target", () => {
  const files = cliTarget({
    spec,
    model: buildModel(spec, "t.json"),
    header: "generated",
    config: config(),
    version: "1.2.3",
  });
  const [lines, blobs] = commandsOf(files);

  it("writes one command per SDK method, named in kebab case, with the operation it calls", () => {
    expect(lines).toMatchObject({
      resource: "order-lines",
      summary: "Add a line",
      description: "Adds a line to an order.",
      operations: [{ operationId: "addOrderLine", method: "POST", path: "/orders/{orderId}/lines" }],
      body: "object",
      bodyRequired: true,
    });
    expect(blobs.resource).toBe("blobs");
  });

  it("types options from parameters and the body, nested objects by dotted names", () => {
    /** @type {Record<string, any>} */
    const byName = Object.fromEntries(lines.options.map((/** @type {any} */ o) => [o.name, o]));
    expect(byName.orderId).toMatchObject({ in: "path", type: "string", required: true, description: "The order." });
    expect(byName.dryRun).toMatchObject({ in: "query", type: "boolean", required: false });
    expect(byName.tags).toMatchObject({ in: "query", multiple: true });
    expect(byName.sku).toMatchObject({ in: "body", key: ["sku"], required: true, description: "Stock keeping unit." });
    expect(byName.note).toMatchObject({ in: "body", key: ["note"] }); // from the allOf part behind a $ref
    expect(byName.quantity.type).toBe("integer");
    expect(byName.kind.enum).toEqual(["goods", "service"]);
    expect(byName["shipping.address.city"]).toMatchObject({ key: ["shipping", "address", "city"], required: false });
    expect(byName["shipping.express"]).toMatchObject({ type: "boolean" });
    expect(byName.labels).toMatchObject({ multiple: true, type: "string" });
  });

  it("leaves unions, free-form maps, read-only fields and reserved names to --data", () => {
    const names = lines.options.map((/** @type {any} */ o) => o.name);
    for (const name of ["meta", "price", "data", "id"]) expect(names).not.toContain(name);
  });

  it("a non-JSON body gets no body options and no --data", () => {
    expect(blobs.body).toBe("none");
    expect(blobs.options.map((/** @type {any} */ o) => o.name)).toEqual(["id"]);
    expect(blobs.options[0].type).toBe("integer");
  });

  it("names the tool and the client from the config", () => {
    expect(files.get("config.ts")).toContain('import { createAcmeClient } from "@acme/client";');
    expect(files.get("config.ts")).toContain('"bin": "acme"');
    expect(files.get("config.ts")).toContain('"apiKeyEnv": "ACME_API_KEY"');
    expect(files.get("config.ts")).toContain('"version": "1.2.3"');
    expect(files.get("bin.ts")?.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect([...files.keys()].filter((f) => f.startsWith("runtime/")).length).toBeGreaterThan(0);
  });

  it("sets V8's heap growth before any work, so a bulk run's memory stays near what is live", () => {
    const bin = files.get("bin.ts") ?? "";
    const flag = bin.indexOf('setFlagsFromString("--heap-growing-percent=10");');
    expect(flag).toBeGreaterThan(0);
    expect(flag).toBeLessThan(bin.indexOf("await runCli("));
  });

  it("takes the package and bin names from the config, with defaults", () => {
    expect(cliNames(config())).toEqual({ packageName: "@acme/cli", bin: "acme" });
    const named = config({
      packages: { types: "@acme/types", client: "@acme/client", cli: "@acme/tool" },
      cli: { bin: "ac" },
    });
    expect(cliNames(named)).toEqual({ packageName: "@acme/tool", bin: "ac" });
    expect(commandWord("orderLines")).toBe("order-lines");
  });

  it("an API without credentials reads no key", () => {
    const open = cliTarget({
      spec,
      model: buildModel(spec, "t.json"),
      header: "g",
      config: config({ security: [] }),
      version: "0",
    });
    expect(open.get("config.ts")).not.toContain('apiKeyEnv": "ACME');
  });

  it("adds the configured bulk commands, and refuses one on an unknown operation or one without a JSON object body", () => {
    const render = (/** @type {any} */ imports) =>
      cliTarget({
        spec,
        model: buildModel(spec, "t.json"),
        header: "g",
        config: config({ cli: { imports } }),
        version: "0",
      });
    const withImport = render([{ command: "order-lines import", operationId: "addOrderLine", unknownColumns: "meta" }]);
    expect(withImport.get("config.ts")).toContain(
      '"target": {\n        "resource": "order-lines",\n        "command": "add"',
    );
    expect(withImport.get("config.ts")).toContain('"unknownInto": "meta"');
    expect(() => render([{ command: "x import", operationId: "nope" }])).toThrow(
      "#/cli/imports/0/operationId: no operation",
    );
    expect(() => render([{ command: "blobs import", operationId: "putBlob" }])).toThrow("no JSON object body");
    expect(() => render([{ command: "blobs put", operationId: "addOrderLine" }])).toThrow("already the command");
  });
});
