// @ts-check
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { buildModel } from "../src/model.js";
import { annotationsFor, mcpNames, mcpTarget, mcpTools } from "../src/targets/mcp.js";
import { acmeConfig, tinySpec } from "./helpers.js";

const require = createRequire(import.meta.url);
const Ajv = require("ajv").default;
const addFormats = require("ajv-formats").default;

const config = acmeConfig;

const item = { type: "object", required: ["name"], properties: { name: { type: "string", nullable: true } } };

/** A document of our own: every verb, a merged upsert, a recursive schema, awkward parameter names, other bodies. */
const spec = tinySpec(
  {
    "GET /orders/{orderId}": {
      operationId: "getOrder",
      tags: ["orders"],
      summary: "Get an order",
      description: "Returns one order.",
      responses: { 200: { description: "ok", content: { "text/csv": { schema: { type: "string" } } } } },
      parameters: [
        { name: "orderId", in: "path", required: true, schema: { type: "string" }, description: "The order." },
        { name: "expand", in: "query", schema: { type: "array", items: { type: "string" } } },
        { name: "filter[status]", in: "query", schema: { type: "string", enum: ["open", "paid"] } },
        { name: "expand", in: "header", schema: { type: "string" } },
        { name: "body", in: "query", schema: { type: "string" }, deprecated: true },
      ],
    },
    "DELETE /orders/{orderId}": {
      operationId: "deleteOrder",
      tags: ["orders"],
      parameters: [{ name: "orderId", in: "path", required: true, schema: { type: "string" } }],
    },
    "PATCH /orders/{orderId}": {
      operationId: "patchOrder",
      tags: ["orders"],
      parameters: [{ name: "orderId", in: "path", required: true, schema: { type: "string" } }],
      requestBody: { content: { "application/x-www-form-urlencoded": { schema: item } } },
    },
    "POST /items": {
      operationId: "upsertItem",
      tags: ["items"],
      requestBody: {
        required: true,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
      },
    },
    "PUT /items": {
      operationId: "putItem",
      tags: ["items"],
      "x-sdk-method": "upsert",
      requestBody: {
        required: true,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
      },
    },
    "POST /trees": {
      operationId: "createTree",
      tags: ["trees"],
      requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } } },
    },
    "POST /files": {
      operationId: "uploadFile",
      tags: ["files"],
      requestBody: { content: { "multipart/form-data": { schema: { type: "object" } } } },
    },
  },
  {
    components: {
      securitySchemes: { key: { type: "http", scheme: "bearer" } },
      schemas: {
        Item: { ...item, description: "An item." },
        Node: {
          type: "object",
          properties: {
            label: { type: "string" },
            children: { type: "array", items: { $ref: "#/components/schemas/Node" } },
          },
        },
      },
    },
  },
);
const model = buildModel(spec, "t.json");

/** The JSON value of `const <name>... = <json>;` in tools.ts. @param {string} text @param {string} name */
function constant(text, name) {
  const start = text.search(new RegExp(`const ${name}\\b`));
  const from = text.indexOf("= ", start) + 2;
  return JSON.parse(text.slice(from, text.indexOf(";\n", from)));
}

/**
 * A table of tools.ts: SKIPPED is one literal; TOOLS lists the names of one constant per tool.
 *
 * @param {Map<string, string>} files @param {string} name
 */
function tableOf(files, name) {
  const text = /** @type {string} */ (files.get("tools.ts"));
  if (name !== "TOOLS") return constant(text, name);
  const start = text.indexOf("export const TOOLS");
  const list = text.slice(text.indexOf("= [", start) + 3, text.indexOf("];", start));
  return list
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean)
    .map((id) => constant(text, id));
}

describe("the mcp target", () => {
  const files = mcpTarget({ spec, model, header: "generated", config: config(), version: "1.2.3" });
  /** @type {any[]} */
  const tools = tableOf(files, "TOOLS");
  /** @type {Record<string, any>} */
  const byId = Object.fromEntries(tools.map((t) => [t.operationId, t]));

  it("writes one tool per operation, named after its SDK method (a merged method's other verb adds it)", () => {
    expect(tools.map((t) => t.name).sort()).toEqual(
      ["orders_get", "orders_delete", "orders_patch", "items_upsert", "items_upsert_put", "trees_create"].sort(),
    );
    for (const tool of tools) expect(tool.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(byId.putItem).toMatchObject({ sdkMethod: "items.upsert", method: "PUT", path: "/items" });
  });

  it("leaves out, with the reason, an operation whose body a tool's JSON arguments cannot carry", () => {
    expect(tableOf(files, "SKIPPED")).toEqual([
      { operationId: "uploadFile", reason: expect.stringContaining("multipart/form-data") },
    ]);
  });

  it("describes each tool from the spec's summary and description, with its method and path", () => {
    expect(byId.getOrder.title).toBe("Get an order");
    expect(byId.getOrder.description).toBe(
      "Get an order\n\nReturns one order.\n\nGET /orders/{orderId} (operationId getOrder; SDK method orders.get).",
    );
  });

  it("annotates from the method: GET reads only, DELETE destroys, PUT is idempotent, POST and PATCH neither", () => {
    expect(byId.getOrder.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
      title: "Get an order",
    });
    expect(byId.deleteOrder.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
    });
    expect(byId.putItem.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: true,
    });
    for (const id of ["upsertItem", "patchOrder"]) {
      expect(byId[id].annotations).toMatchObject({
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: false,
      });
    }
    expect(annotationsFor("head").readOnlyHint).toBe(true);
  });

  it("takes parameters by name (made safe, clashes told apart) and the body as `body`, each saying where it goes", () => {
    const { inputSchema, arguments: args } = byId.getOrder;
    expect(inputSchema.required).toEqual(["orderId"]);
    expect(inputSchema.additionalProperties).toBe(false);
    expect(inputSchema.properties.orderId).toEqual({ type: "string", description: "The order." });
    expect(args).toEqual([
      { property: "orderId", in: "path", name: "orderId", required: true },
      { property: "expand", in: "query", name: "expand", required: false },
      { property: "filter_status_", in: "query", name: "filter[status]", required: false },
      { property: "body", in: "query", name: "body", required: false },
      { property: "expand_2", in: "header", name: "expand", required: false },
    ]);
    expect(inputSchema.properties.body.description).toBe("Deprecated.");
    expect(byId.upsertItem.inputSchema.required).toEqual(["body"]);
    expect(byId.upsertItem.inputSchema.properties.body).toMatchObject({ type: "object", description: "An item." });
    expect(byId.upsertItem.inputSchema.properties.body.properties.name.type).toEqual(["string", "null"]);
    expect(byId.patchOrder.bodyMediaType).toBe("application/x-www-form-urlencoded");
    expect(byId.upsertItem.bodyMediaType).toBeUndefined();
    expect(byId.getOrder.responseMediaType).toBe("text/csv");
    expect(byId.deleteOrder.responseMediaType).toBeUndefined();
  });

  it("every input schema is self-contained JSON Schema (a recursive one through $defs) that accepts the right arguments", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const tool of tools) {
      expect(JSON.stringify(tool.inputSchema)).not.toContain("#/components/");
      expect(() => ajv.compile(tool.inputSchema), tool.name).not.toThrow();
    }
    const tree = ajv.compile(byId.createTree.inputSchema);
    expect(Object.keys(byId.createTree.inputSchema.$defs)).toEqual(["Node"]);
    expect(tree({ body: { label: "a", children: [{ label: "b", children: [] }] } })).toBe(true);
    expect(tree({ body: { children: [{ label: 1 }] } })).toBe(false);
    expect(ajv.compile(byId.getOrder.inputSchema)({ orderId: "o1", bogus: true })).toBe(false);
  });

  it("names the server and the client from the config", () => {
    const text = /** @type {string} */ (files.get("config.ts"));
    expect(text).toContain('import { createAcmeClient } from "@acme/client";');
    expect(text).toContain('"name": "acme-mcp"');
    expect(text).toContain('"apiKeyEnv": "ACME_API_KEY"');
    expect(text).toContain('"logEnv": "ACME_LOG"');
    expect(text).toContain('"version": "1.2.3"');
    expect(files.get("bin.ts")?.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect([...files.keys()].filter((f) => f.startsWith("runtime/")).sort()).toEqual([
      "runtime/request.ts",
      "runtime/results.ts",
      "runtime/server.ts",
      "runtime/tool-spec.ts",
    ]);
    expect(mcpNames(config())).toEqual({ packageName: "@acme/mcp", bin: "acme-mcp" });
    const named = config({
      packages: { types: "@acme/types", client: "@acme/client", mcp: "@acme/agent" },
      mcp: { bin: "acme-agent" },
    });
    expect(mcpNames(named)).toEqual({ packageName: "@acme/agent", bin: "acme-agent" });
    const open = mcpTarget({ spec, model, header: "g", config: config({ security: [] }), version: "0" });
    expect(open.get("config.ts")).not.toContain('"apiKeyEnv"');
  });
});

describe("which operations the config exposes", () => {
  const names = (/** @type {any} */ mcp) => mcpTools(spec, model, config({ mcp })).tools.map((t) => t.operationId);

  it("all by default; include by operationId or tag; exclude after include", () => {
    expect(names(undefined)).toHaveLength(6);
    expect(names({ include: { tags: ["orders"] } })).toEqual(["getOrder", "deleteOrder", "patchOrder"]);
    expect(names({ include: { tags: ["orders"], operationIds: ["putItem"] } }).sort()).toEqual(
      ["deleteOrder", "getOrder", "patchOrder", "putItem"].sort(),
    );
    expect(names({ include: { tags: ["orders"] }, exclude: { operationIds: ["deleteOrder"] } })).toEqual([
      "getOrder",
      "patchOrder",
    ]);
    expect(names({ exclude: { tags: ["items", "trees"] } })).toEqual(["getOrder", "deleteOrder", "patchOrder"]);
  });

  it("tells apart two SDK names that meet in snake case, and builds a document with no tool-able operation", () => {
    const clash = tinySpec({
      "GET /a": { operationId: "a1", tags: ["x"], "x-sdk-method": "getV2" },
      "GET /b": { operationId: "a2", tags: ["x"], "x-sdk-method": "get_v2" },
    });
    const clashTools = mcpTools(clash, buildModel(clash, "c.json"), config()).tools;
    expect(clashTools.map((t) => t.name)).toEqual(["x_get_v2", "x_get_v2_2"]);
    const uploads = tinySpec({
      "POST /f": {
        operationId: "up",
        tags: ["f"],
        requestBody: { content: { "multipart/form-data": { schema: {} } } },
      },
    });
    expect(mcpTools(uploads, buildModel(uploads, "u.json"), config()).tools).toEqual([]);
  });

  it("refuses a name the document does not have, and a selection of nothing, naming the field", () => {
    expect(() => names({ include: { operationIds: ["nope"] } })).toThrow(
      'sdk.config.json #/mcp/include/operationIds/0: no operation "nope" in the spec',
    );
    expect(() => names({ exclude: { tags: ["orders", "nope"] } })).toThrow(
      'sdk.config.json #/mcp/exclude/tags/1: no operation has the tag "nope"',
    );
    expect(() => names({ include: { operationIds: ["uploadFile"] } })).toThrow("#/mcp: exposes no tool");
  });
});
