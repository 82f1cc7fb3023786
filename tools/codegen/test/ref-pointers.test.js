// @ts-check

import { deref, refPath } from "@sdkit/openapi";
import { describe, expect, it } from "vitest";
import { renderTarget } from "../src/generate.js";
import { buildModel } from "../src/model.js";
import { tinySpec, typeErrors } from "./helpers.js";

// A `$ref` is a URI: its fragment is percent-decoded, then read as a JSON pointer (RFC 6901 §6).
// Real documents (DigitalOcean's) point into paths with templated segments as `%7Bid%7D`.
describe("$ref fragments", () => {
  it.each([
    ["#/paths/~1keys~1%7Bid%7D/get", ["paths", "/keys/{id}", "get"]],
    ["#/components/schemas/a~0b~1c", ["components", "schemas", "a~b/c"]],
    ["#/components/schemas/with%20space", ["components", "schemas", "with space"]],
    ["#/components/schemas/100%", ["components", "schemas", "100%"]],
    ["#", []],
  ])("%s → %j", (ref, segments) => {
    expect(refPath(ref)).toEqual(segments);
  });

  it("a parameter $ref'd through a percent-encoded path resolves for every generator", () => {
    const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" } };
    const spec = tinySpec({
      "GET /keys/{id}": { operationId: "getKey", tags: ["keys"], parameters: [idParameter] },
      "DELETE /keys/{id}": {
        operationId: "deleteKey",
        tags: ["keys"],
        parameters: [{ $ref: "#/paths/~1keys~1%7Bid%7D/get/parameters/0" }],
      },
    });
    const model = buildModel(spec, "openapi.json");
    expect(model.byId.get("deleteKey")?.pathParams.map((p) => p.name)).toEqual(["id"]);
    expect(deref(spec, { $ref: "#/paths/~1keys~1%7Bid%7D/get/parameters/0" })).toBe(idParameter);
  });

  it("a pointer at nothing is still an error naming the $ref", () => {
    const spec = tinySpec({});
    expect(() => deref(spec, { $ref: "#/paths/~1nope%7B" }, "openapi.json")).toThrow(
      "openapi.json: $ref #/paths/~1nope%7B points at nothing",
    );
  });
});

describe("$refs into paths", () => {
  it("to a parameter are copied, to a schema hoisted into a component, so the types compile", async () => {
    const { inlineRefsNamingNoComponent } = await import("../src/targets/types.js");
    const error = { type: "object", properties: { id: { type: "string" } } };
    const spec = tinySpec(
      {
        "GET /keys": {
          operationId: "listKeys",
          tags: ["keys"],
          parameters: [{ name: "per_page", in: "query", schema: { type: "integer" } }],
          responses: { 401: { description: "no", content: { "application/json": { schema: error } } } },
        },
        "GET /droplets": {
          operationId: "listDroplets",
          tags: ["droplets"],
          parameters: [{ $ref: "#/paths/~1keys/get/parameters/0" }],
          responses: {
            200: {
              description: "ok",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Droplet" } } },
            },
            401: {
              description: "no",
              content: {
                "application/json": {
                  schema: { $ref: "#/paths/~1keys/get/responses/401/content/application~1json/schema" },
                },
              },
            },
          },
        },
      },
      { components: { schemas: { Droplet: { type: "object" } } } },
    );
    const inlined = /** @type {any} */ (inlineRefsNamingNoComponent(structuredClone(spec)));
    const keys = inlined.paths["/keys"].get;
    const droplets = inlined.paths["/droplets"].get;
    // A Parameter Object is no schema: it has no component to be, and is copied.
    expect(droplets.parameters[0]).toEqual({ name: "per_page", in: "query", schema: { type: "integer" } });
    expect(droplets.parameters[0]).not.toBe(keys.parameters[0]);
    // A response's schema becomes a component both operations refer to.
    const hoisted = { $ref: "#/components/schemas/paths_keys_get_responses_401_content_application_json_schema" };
    expect(droplets.responses[401].content["application/json"].schema).toEqual(hoisted);
    expect(keys.responses[401].content["application/json"].schema).toEqual(hoisted);
    expect(inlined.components.schemas.paths_keys_get_responses_401_content_application_json_schema).toEqual(error);
    expect(droplets.responses[200].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Droplet",
    });
    const files = await renderTarget("types", spec, { file: "openapi.json" });
    expect(files.get("openapi.ts")).not.toMatch(/\["schema"\]/);
    expect(await typeErrors(files)).toEqual([]);
  });
});

// Codat's documents keep a schema's parts under the component (`Bill/definitions/billStatus`) and
// point at them, and at a property inside another component, from everywhere: openapi-typescript
// typed those as `components["schemas"]["Bill"]["definitions"]`, which does not exist.
describe("$refs into a component's insides", () => {
  function document() {
    return tinySpec(
      {
        "GET /bills": {
          operationId: "listBills",
          tags: ["bills"],
          parameters: [
            { name: "status", in: "query", schema: { $ref: "#/components/schemas/Bill/definitions/billStatus" } },
          ],
          responses: {
            200: {
              description: "ok",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Bill" } } },
            },
          },
        },
      },
      {
        components: {
          schemas: {
            Bill: {
              type: "object",
              properties: {
                status: { $ref: "#/components/schemas/Bill/definitions/billStatus" },
                supplier: { $ref: "#/components/schemas/Supplier/definitions/supplierRef" },
                currency: { $ref: "#/components/schemas/Supplier/properties/currency" },
                line: { $ref: "#/components/schemas/Bill/definitions/line" },
              },
              definitions: {
                billStatus: { type: "string", enum: ["open", "paid"] },
                // A part that contains itself: its copy cannot be written out in full.
                line: {
                  type: "object",
                  properties: {
                    amount: { type: "number" },
                    children: { type: "array", items: { $ref: "#/components/schemas/Bill/definitions/line" } },
                  },
                },
              },
            },
            Supplier: {
              type: "object",
              properties: { currency: { type: "string", minLength: 3 }, bill: { $ref: "#/components/schemas/Bill" } },
              definitions: {
                supplierRef: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
              },
            },
          },
        },
      },
    );
  }

  it("are hoisted into components of their own; whole-component refs stay refs; a cycle stays one", async () => {
    const { inlineRefsNamingNoComponent } = await import("../src/targets/types.js");
    const spec = /** @type {any} */ (inlineRefsNamingNoComponent(document()));
    const { Bill, Supplier, Bill_billStatus, Bill_line, Supplier_supplierRef, Supplier_currency } =
      spec.components.schemas;
    expect(Bill.properties.status).toEqual({ $ref: "#/components/schemas/Bill_billStatus" });
    expect(Bill.properties.supplier).toEqual({ $ref: "#/components/schemas/Supplier_supplierRef" });
    expect(Bill.properties.currency).toEqual({ $ref: "#/components/schemas/Supplier_currency" });
    expect(Bill.properties.line).toEqual({ $ref: "#/components/schemas/Bill_line" });
    // Each hoisted schema is where its old place refers to as well, once.
    expect(Bill.definitions).toEqual({
      billStatus: { $ref: "#/components/schemas/Bill_billStatus" },
      line: { $ref: "#/components/schemas/Bill_line" },
    });
    expect(Supplier.properties.currency).toEqual({ $ref: "#/components/schemas/Supplier_currency" });
    expect(Bill_billStatus).toEqual({ type: "string", enum: ["open", "paid"] });
    expect(Supplier_supplierRef).toEqual({ type: "object", required: ["id"], properties: { id: { type: "string" } } });
    expect(Supplier_currency).toEqual({ type: "string", minLength: 3 });
    // A part that contains itself refers to its own component: a recursive type, not `unknown`.
    expect(Bill_line.properties.children.items).toEqual({ $ref: "#/components/schemas/Bill_line" });
    expect(Supplier.properties.bill).toEqual({ $ref: "#/components/schemas/Bill" });
    expect(spec.paths["/bills"].get.parameters[0].schema).toEqual({ $ref: "#/components/schemas/Bill_billStatus" });
  });

  it("type as the components they become, and the types compile", async () => {
    const files = await renderTarget("types", document(), { file: "openapi.json" });
    const source = String(files.get("openapi.ts"));
    expect(source).not.toMatch(/\["definitions"\]|\["properties"\]/);
    expect(source).toMatch(/status\?: components\["schemas"\]\["Bill_billStatus"\];/);
    expect(source).toMatch(/Bill_billStatus: "open" \| "paid";/);
    expect(source).toMatch(/children\?: components\["schemas"\]\["Bill_line"\]\[\];/);
    // The aliases name the document's components only.
    expect(files.get("aliases.ts")).not.toContain("Bill_billStatus");
    expect(await typeErrors(files)).toEqual([]);
  });
});

// Redocly leaves Azure's network documents with `$ref`s into component insides that sit inside
// each other's targets and point at each other: copying each target where it is referenced expands
// that DAG into a tree, exponential in its depth (network-applicationGateway's did not fit in 4 GB).
describe("$refs into component insides that nest and point at each other", () => {
  const DEPTH = 30;
  /** @param {number} level */
  const pointer = (level) => `#/components/schemas/Chain${"/properties/next".repeat(level)}`;

  // Level k holds level k+1 inline and refers to it twice; the last refers back to level 1. Copied,
  // level 1 would be 3^29 schemas.
  function chain() {
    /** @param {number} k @returns {Record<string, unknown>} level k */
    const level = (k) =>
      k === DEPTH
        ? { type: "object", description: `level ${k}`, properties: { back: { $ref: pointer(1) } } }
        : {
            type: "object",
            description: `level ${k}`,
            properties: { next: level(k + 1), left: { $ref: pointer(k + 1) }, right: { $ref: pointer(k + 1) } },
          };
    return tinySpec(
      {
        "GET /chain": {
          operationId: "getChain",
          tags: ["chain"],
          parameters: [{ name: "deep", in: "query", schema: { $ref: pointer(DEPTH) } }],
          responses: {
            200: { description: "ok", content: { "application/json": { schema: { $ref: pointer(1) } } } },
          },
        },
      },
      { components: { schemas: { Chain: level(0) } } },
    );
  }

  /** @param {unknown} node the objects and arrays in `node` */
  const nodes = (node) =>
    node !== null && typeof node === "object"
      ? 1 + Object.values(node).reduce((sum, child) => sum + nodes(child), 0)
      : 0;

  /** @param {unknown} node every `$ref` in `node` */
  const refs = (node) => {
    /** @type {string[]} */
    const found = [];
    /** @param {unknown} at */
    const walk = (at) => {
      if (at === null || typeof at !== "object") return;
      const ref = /** @type {any} */ (at).$ref;
      if (typeof ref === "string") found.push(ref);
      Object.values(at).forEach(walk);
    };
    walk(node);
    return found;
  };

  it("become one component each, the document growing by a reference per level", async () => {
    const { inlineRefsNamingNoComponent } = await import("../src/targets/types.js");
    const input = chain();
    const result = /** @type {any} */ (inlineRefsNamingNoComponent(structuredClone(input)));
    expect(nodes(result)).toBeLessThanOrEqual(nodes(input) + DEPTH);
    expect(JSON.stringify(result).length).toBeLessThan(2 * JSON.stringify(input).length);
    const names = Object.keys(result.components.schemas);
    expect(names).toHaveLength(1 + DEPTH);
    for (let level = 1; level <= DEPTH; level++) {
      const name = `Chain${"_next".repeat(level)}`;
      expect(result.components.schemas[name].description).toBe(`level ${level}`);
    }
    // Every reference names a whole component: one openapi-typescript can type.
    for (const ref of refs(result)) expect(ref).toMatch(/^#\/components\/schemas\/Chain(_next)*$/);
    expect(result.components.schemas[`Chain${"_next".repeat(DEPTH)}`].properties.back).toEqual({
      $ref: "#/components/schemas/Chain_next",
      description: "level 1",
    });
  });

  it("type and compile", async () => {
    const files = await renderTarget("types", chain(), { file: "openapi.json" });
    expect(files.get("openapi.ts")).toContain(`left?: components["schemas"]["Chain_next_next"];`);
    expect(await typeErrors(files)).toEqual([]);
  });
});

describe("the components hoisted from $refs", () => {
  /** @param {boolean} reversed the same document with its refs met in the other order */
  function document(reversed = false) {
    const refs = [
      { $ref: "#/components/schemas/Bill/definitions/status" },
      { $ref: "#/components/schemas/Bill/properties/status" },
      { $ref: "#/components/schemas/2fa-Setup/properties/odd%20key!" },
      { $ref: "#/paths/~1bills/get/responses/200/content/application~1json/schema/items" },
    ];
    /** @type {Record<string, unknown>} */
    const schemas = {
      Bill: {
        type: "object",
        properties: { status: { type: "string" } },
        definitions: { status: { type: "string", enum: ["open", "paid"] } },
      },
      // Taken already: what the pointers above would be called first.
      Bill_status: { type: "integer" },
      Bill_status_2: { type: "boolean" },
      "2fa-Setup": { type: "object", properties: { "odd key!": { type: "number" } } },
      Uses: {
        type: "object",
        properties: Object.fromEntries((reversed ? [...refs].reverse() : refs).map((ref, i) => [`p${i}`, ref])),
      },
    };
    return tinySpec(
      {
        "GET /bills": {
          operationId: "listBills",
          tags: ["bills"],
          responses: {
            200: {
              description: "ok",
              content: { "application/json": { schema: { type: "array", items: { type: "object" } } } },
            },
          },
        },
      },
      { components: { schemas: reversed ? Object.fromEntries(Object.entries(schemas).reverse()) : schemas } },
    );
  }

  /** @param {any} spec the names `Uses` refers to, sorted */
  const hoistedNames = (spec) =>
    Object.values(spec.components.schemas.Uses.properties)
      .map((/** @type {any} */ ref) => ref.$ref.replace("#/components/schemas/", ""))
      .sort();

  it("are named from the pointer, never as a component already is, the same whatever the order", async () => {
    const { inlineRefsNamingNoComponent } = await import("../src/targets/types.js");
    const { isIdentifier } = await import("../src/naming.js");
    const spec = /** @type {any} */ (inlineRefsNamingNoComponent(document()));
    const { Bill } = spec.components.schemas;
    // Sorted by pointer: `definitions` before `properties`; `_2` is taken.
    expect(Bill.definitions.status).toEqual({ $ref: "#/components/schemas/Bill_status_3" });
    expect(Bill.properties.status).toEqual({ $ref: "#/components/schemas/Bill_status_4" });
    expect(spec.components.schemas.Bill_status).toEqual({ type: "integer" });
    expect(spec.components.schemas.Bill_status_2).toEqual({ type: "boolean" });
    expect(spec.components.schemas.Bill_status_3).toEqual({ type: "string", enum: ["open", "paid"] });
    expect(spec.components.schemas.Bill_status_4).toEqual({ type: "string" });
    expect(spec.components.schemas["2fa-Setup"].properties["odd key!"]).toEqual({
      $ref: "#/components/schemas/_2fa_Setup_odd_key",
    });
    expect(spec.paths["/bills"].get.responses[200].content["application/json"].schema.items).toEqual({
      $ref: "#/components/schemas/paths_bills_get_responses_200_content_application_json_schema_items",
    });
    const names = hoistedNames(spec);
    expect(new Set(names).size).toBe(4);
    for (const name of names) expect(isIdentifier(name), name).toBe(true);

    expect(JSON.stringify(inlineRefsNamingNoComponent(document()))).toBe(JSON.stringify(spec));
    expect(hoistedNames(inlineRefsNamingNoComponent(document(true)))).toEqual(hoistedNames(spec));
  });

  it("keep, where they are referenced, what openapi-typescript reads there: doc comment, readonly", async () => {
    const spec = tinySpec(
      { "GET /things": { operationId: "listThings", tags: ["things"] } },
      {
        components: {
          schemas: {
            Thing: {
              type: "object",
              properties: { id: { type: "string", format: "uuid", readOnly: true, description: "The thing's id." } },
            },
            Other: { type: "object", properties: { thingId: { $ref: "#/components/schemas/Thing/properties/id" } } },
          },
        },
      },
    );
    const files = await renderTarget("types", spec, { file: "openapi.json" });
    const source = String(files.get("openapi.ts"));
    expect(source.match(/\* @description The thing's id\./g)).toHaveLength(3);
    expect(source).toContain(`readonly id?: components["schemas"]["Thing_id"];`);
    expect(source).toContain(`readonly thingId?: components["schemas"]["Thing_id"];`);
    expect(await typeErrors(files)).toEqual([]);
  });

  it("leave a schema that is itself a $ref to be copied, and copies that contain themselves end", async () => {
    const { inlineRefsNamingNoComponent } = await import("../src/targets/types.js");
    const spec = /** @type {any} */ (
      inlineRefsNamingNoComponent(
        tinySpec(
          {
            "GET /hooks": {
              operationId: "listHooks",
              tags: ["hooks"],
              // A callback whose path item is the one it sits in: a copy that contains itself.
              callbacks: { again: { "{$request.body#/url}": { $ref: "#/paths/~1hooks" } } },
            },
          },
          {
            components: {
              schemas: {
                Base: { type: "object" },
                Derived: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object" }] },
                Uses: { type: "object", properties: { base: { $ref: "#/components/schemas/Derived/allOf/0" } } },
              },
            },
          },
        ),
      )
    );
    expect(Object.keys(spec.components.schemas)).toEqual(["Base", "Derived", "Uses"]);
    expect(spec.components.schemas.Uses.properties.base).toEqual({ $ref: "#/components/schemas/Base" });
    const copy = spec.paths["/hooks"].get.callbacks.again["{$request.body#/url}"];
    expect(copy.get.operationId).toBe("listHooks");
    expect(copy.get.callbacks.again["{$request.body#/url}"]).toEqual({
      description: expect.stringContaining("#/paths/~1hooks"),
    });
  });
});
