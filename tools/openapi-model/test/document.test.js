// @ts-check
// `$ref` resolution and JSON pointers on small documents of our own (RFC 6901, fragment form).
import { describe, expect, it } from "vitest";
import {
  checkDocument,
  deref,
  derefAt,
  derefOrRef,
  derefSafely,
  listRefs,
  pointer,
  refPath,
  refTarget,
} from "../src/index.js";

const keyById = { type: "object", properties: { id: { type: "string" } } };
const spec = {
  openapi: "3.1.0",
  paths: {
    "/v2/keys/{id}": { get: { operationId: "getKey", responses: { 200: { $ref: "#/components/responses/Key" } } } },
  },
  components: {
    responses: { Key: { $ref: "#/components/responses/KeyAlias" }, KeyAlias: { description: "a key" } },
    schemas: {
      "a/b": { type: "string" },
      "m~n": { type: "integer" },
      "100%": { type: "number" },
      "with space": keyById,
    },
  },
};

describe("refTarget", () => {
  const doc = {
    components: {
      schemas: {
        Alias: { $ref: "#/components/schemas/Pet" },
        Pet: { type: "object", definitions: { name: { type: "string" } } },
      },
    },
  };

  it("takes one step: a $ref found at the target is returned, not followed", () => {
    expect(refTarget(doc, "#/components/schemas/Alias")).toEqual({ $ref: "#/components/schemas/Pet" });
    expect(refTarget(doc, "#/components/schemas/Pet/definitions/name")).toBe(
      doc.components.schemas.Pet.definitions.name,
    );
  });

  it("is undefined for a dangling or non-local reference", () => {
    expect(refTarget(doc, "#/components/schemas/Nope/x")).toBeUndefined();
    expect(refTarget(doc, "other.json#/components/schemas/Pet")).toBeUndefined();
  });
});

describe("refPath", () => {
  it("unescapes ~1 and ~0, in that order", () => {
    expect(refPath("#/components/schemas/a~1b")).toEqual(["components", "schemas", "a/b"]);
    expect(refPath("#/components/schemas/m~0n")).toEqual(["components", "schemas", "m~n"]);
    expect(refPath("#/x/~01")).toEqual(["x", "~1"]);
  });

  it("decodes the fragment's percent-encoding before the pointer's escapes (RFC 6901 §6)", () => {
    expect(refPath("#/paths/~1v2~1keys~1%7Bid%7D/get")).toEqual(["paths", "/v2/keys/{id}", "get"]);
    expect(refPath("#/components/schemas/with%20space")).toEqual(["components", "schemas", "with space"]);
    // %7E is "~": decoded first, it then escapes like a written "~".
    expect(refPath("#/x/%7E1")).toEqual(["x", "/"]);
  });

  it("keeps a % that starts no valid escape", () => {
    expect(refPath("#/components/schemas/100%")).toEqual(["components", "schemas", "100%"]);
    expect(refPath("#/a/50%25%zz")).toEqual(["a", "50%%zz"]);
  });

  it("is undefined for a reference that is not a local pointer", () => {
    expect(refPath("other.yaml#/a")).toBeUndefined();
    expect(refPath("https://example.test/a.json")).toBeUndefined();
    expect(refPath("#")).toEqual([]);
  });
});

describe("deref", () => {
  it("follows a percent-encoded pointer to an operation", () => {
    const operation = deref(spec, { $ref: "#/paths/~1v2~1keys~1%7Bid%7D/get" });
    expect(operation.operationId).toBe("getKey");
  });

  it("follows chains and says where the node lives", () => {
    expect(derefAt(spec, { $ref: "#/components/responses/Key" }, ["paths", "/v2/keys/{id}"])).toEqual({
      node: { description: "a key" },
      path: ["components", "responses", "KeyAlias"],
    });
    expect(derefAt(spec, keyById, ["here"])).toEqual({ node: keyById, path: ["here"] });
    expect(deref(spec, { $ref: "#/components/schemas/with%20space" })).toBe(keyById);
    expect(deref(spec, { $ref: "#/components/schemas/a~1b" })).toEqual({ type: "string" });
  });

  it("names what is wrong: dangling, circular, not local", () => {
    expect(() => deref(spec, { $ref: "#/components/schemas/Missing" }, "api.yaml")).toThrow(
      /^api\.yaml: \$ref #\/components\/schemas\/Missing points at nothing/,
    );
    const loop = {
      components: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } } },
    };
    expect(() => deref(loop, { $ref: "#/components/schemas/A" })).toThrow(/circular \$ref/);
    expect(() => deref(spec, { $ref: "common.yaml#/Pet" })).toThrow(
      /only local \$refs are supported, found common\.yaml#\/Pet/,
    );
  });

  it("derefOrRef returns what it cannot follow instead of failing", () => {
    const dangling = { $ref: "#/components/schemas/Missing" };
    expect(derefOrRef(spec, dangling)).toBe(dangling);
    expect(derefOrRef(spec, { $ref: "#/components/schemas/m~0n" })).toEqual({ type: "integer" });
  });

  it("derefSafely follows what it can and gives undefined for what it cannot", () => {
    expect(derefSafely(spec, { $ref: "#/components/schemas/m~0n" })).toEqual({ type: "integer" });
    expect(derefSafely(spec, { $ref: "#/components/schemas/Missing" })).toBeUndefined();
    expect(derefSafely(spec, { $ref: "common.yaml#/Pet" })).toBeUndefined();
    const inline = { type: "string" };
    expect(derefSafely(spec, inline)).toBe(inline);
  });
});

describe("pointers", () => {
  it("pointer escapes each key, and listRefs reports where each $ref is", () => {
    expect(pointer("paths", "/v2/keys/{id}", "get")).toBe("/paths/~1v2~1keys~1{id}/get");
    expect(
      listRefs(spec)
        .map((entry) => entry.pointer)
        .sort(),
    ).toEqual(["/components/responses/Key", "/paths/~1v2~1keys~1{id}/get/responses/200"]);
  });
});

describe("checkDocument", () => {
  it("takes a 3.1 document without paths (webhooks only), and requires paths in 3.0", () => {
    const webhooksOnly = { openapi: "3.1.0", info: { title: "t", version: "1" }, webhooks: { ping: {} } };
    expect(() => checkDocument(webhooksOnly, "api.json")).not.toThrow();
    expect(() => checkDocument({ ...webhooksOnly, openapi: "3.0.3" }, "api.json")).toThrow(
      /^api\.json #\/paths: must be an object/,
    );
    expect(() => checkDocument({ ...webhooksOnly, paths: [] }, "api.json")).toThrow(/#\/paths: must be an object/);
  });
});
