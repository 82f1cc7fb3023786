// @ts-check
import { describe, expect, it } from "vitest";
import { MAX_KEPT_CYCLES, openSchemaKnots } from "../src/schema-cycles.js";

const ref = (/** @type {string} */ name) => ({ $ref: `#/components/schemas/${name}` });

/**
 * A small document of our own with a knot: `size` schemas, each pointing at every other one through
 * an "expandable" field (an id, or the object), as Stripe's resources do, and at an address outside
 * the knot; plus a tree node whose children are nodes (one cycle) and a schema outside any cycle.
 *
 * @param {number} size
 * @returns {any}
 */
function document(size) {
  const names = Array.from({ length: size }, (_, i) => `Resource${i}`);
  /** @type {Record<string, any>} */
  const schemas = {};
  for (const name of names) {
    schemas[name] = {
      type: "object",
      required: ["id"],
      properties: {
        id: { type: "string" },
        address: ref("Address"),
        ...Object.fromEntries(
          names
            .filter((other) => other !== name)
            .map((other) => [
              other.toLowerCase(),
              { anyOf: [{ type: "string" }, ref(other)], description: "expandable" },
            ]),
        ),
      },
    };
  }
  schemas.Address = { type: "object", properties: { city: { type: "string" } } };
  schemas.Node = {
    type: "object",
    properties: { name: { type: "string" }, children: { type: "array", items: ref("Node") } },
  };
  schemas.Plain = { type: "object", properties: { first: ref("Resource0"), tree: ref("Node") } };
  return { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {}, components: { schemas } };
}

/**
 * Whether the component schemas reference each other in a cycle (through the `$ref`s left).
 *
 * @param {any} spec
 * @param {Set<string>} [ignore] schemas whose own cycles don't count
 */
function hasCycle(spec, ignore = new Set()) {
  const schemas = spec.components.schemas;
  /** @type {(node: unknown, out: string[]) => string[]} */
  const targets = (node, out) => {
    if (Array.isArray(node)) for (const item of node) targets(item, out);
    else if (node && typeof node === "object") {
      const { $ref, ...rest } = /** @type {Record<string, unknown>} */ (node);
      if (typeof $ref === "string") out.push(decodeURIComponent($ref.split("/").at(-1) ?? "").replaceAll("~1", "/"));
      for (const value of Object.values(rest)) targets(value, out);
    }
    return out;
  };
  /** @type {Map<string, number>} */
  const state = new Map();
  /** @type {(name: string) => boolean} */
  const visit = (name) => {
    if (state.get(name) === 1) return true;
    if (state.get(name) === 2 || ignore.has(name)) return false;
    state.set(name, 1);
    const found = targets(schemas[name], []).some((target) => visit(target));
    state.set(name, 2);
    return found;
  };
  return Object.keys(schemas).some((name) => visit(name));
}

describe("openSchemaKnots", () => {
  it("opens every reference between schemas of a knot, and nothing else", () => {
    const spec = document(6); // 6 × 5 references among 6 schemas: 25 independent cycles
    const before = structuredClone(spec);
    expect(openSchemaKnots(spec)).toEqual({ opened: 30, schemas: 6 });
    expect(hasCycle(spec, new Set(["Node"]))).toBe(false);
    // An opened $ref keeps its siblings and becomes a schema any value satisfies; nothing else changed.
    /** @type {unknown[]} */
    const changed = [];
    for (const [name, schema] of Object.entries(before.components.schemas)) {
      for (const [key, property] of Object.entries(/** @type {any} */ (schema).properties)) {
        const now = spec.components.schemas[name].properties[key];
        if (JSON.stringify(now) !== JSON.stringify(property)) changed.push(now);
      }
    }
    expect(changed).toHaveLength(30);
    // Each opened $ref carries the example derived for its target, for Prism to answer with.
    for (const property of changed) {
      expect(property).toEqual({
        anyOf: [{ type: "string" }, { example: expect.objectContaining({ id: expect.any(String) }) }],
        description: "expandable",
      });
    }
    expect(spec.components.schemas.Resource3.properties.address).toEqual(ref("Address"));
    expect(spec.components.schemas.Plain).toEqual(before.components.schemas.Plain);
    expect(spec.components.schemas.Node).toEqual(before.components.schemas.Node);
  });

  it("keeps a small cycle whole: a tree node's children, and a knot of few cycles", () => {
    // 3 schemas × 2 references: 4 independent cycles, within what Prism copies quickly.
    const spec = document(3);
    expect(3 * 2 - 3 + 1).toBeLessThanOrEqual(MAX_KEPT_CYCLES);
    const before = structuredClone(spec);
    expect(openSchemaKnots(spec)).toEqual({ opened: 0, schemas: 0 });
    expect(spec).toEqual(before);
  });

  it("decodes the pointer of a $ref (RFC 6901 escapes, percent-encoding) and ignores refs it cannot follow", () => {
    const spec = document(6);
    const schemas = spec.components.schemas;
    schemas["a/b c"] = schemas.Resource5;
    delete schemas.Resource5;
    for (const schema of Object.values(schemas))
      for (const property of Object.values(/** @type {any} */ (schema).properties))
        for (const branch of /** @type {any} */ (property).anyOf ?? [])
          if (branch.$ref === "#/components/schemas/Resource5") branch.$ref = "#/components/schemas/a~1b%20c";
    schemas.Resource0.properties.elsewhere = { $ref: "#/components/responses/Nothing" };
    schemas.Resource0.properties.missing = ref("Missing");
    openSchemaKnots(spec);
    expect(hasCycle(spec, new Set(["Node"]))).toBe(false);
    expect(schemas.Resource0.properties.elsewhere).toEqual({ $ref: "#/components/responses/Nothing" });
    expect(schemas.Resource0.properties.missing).toEqual(ref("Missing"));
  });

  it("does nothing to a document without component schemas", () => {
    expect(openSchemaKnots({ openapi: "3.1.0", info: { title: "t", version: "1" } })).toEqual({
      opened: 0,
      schemas: 0,
    });
  });
});
