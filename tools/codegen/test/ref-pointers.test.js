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
  it("are inlined for openapi-typescript, so the types compile; component refs stay refs", async () => {
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
    const inlined = inlineRefsNamingNoComponent(structuredClone(spec));
    const droplets = /** @type {any} */ (inlined.paths["/droplets"]).get;
    expect(droplets.parameters[0]).toEqual({ name: "per_page", in: "query", schema: { type: "integer" } });
    expect(droplets.responses[401].content["application/json"].schema).toEqual(error);
    expect(droplets.responses[200].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Droplet",
    });
    const files = await renderTarget("types", spec, { file: "openapi.json" });
    expect(files.get("openapi.ts")).not.toMatch(/\["schema"\]/);
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

  it("are replaced by what they point at; whole-component refs stay refs; a cycle ends in unknown", async () => {
    const { inlineRefsNamingNoComponent } = await import("../src/targets/types.js");
    const spec = /** @type {any} */ (inlineRefsNamingNoComponent(document()));
    const bill = spec.components.schemas.Bill.properties;
    expect(bill.status).toEqual({ type: "string", enum: ["open", "paid"] });
    expect(bill.supplier).toEqual({ type: "object", required: ["id"], properties: { id: { type: "string" } } });
    expect(bill.currency).toEqual({ type: "string", minLength: 3 });
    expect(bill.line.properties.amount).toEqual({ type: "number" });
    // Inside its own copy, `line` cannot be copied again: the cycle stops there.
    expect(bill.line.properties.children.items).toEqual({
      description: expect.stringContaining("#/components/schemas/Bill/definitions/line"),
    });
    expect(spec.components.schemas.Supplier.properties.bill).toEqual({ $ref: "#/components/schemas/Bill" });
    expect(spec.paths["/bills"].get.parameters[0].schema).toEqual({ type: "string", enum: ["open", "paid"] });
  });

  it("type as what they point at, and the types compile", async () => {
    const files = await renderTarget("types", document(), { file: "openapi.json" });
    const source = String(files.get("openapi.ts"));
    expect(source).not.toMatch(/\["definitions"\]|\["properties"\]/);
    expect(source).toMatch(/status\?: "open" \| "paid";/);
    expect(await typeErrors(files)).toEqual([]);
  });
});
