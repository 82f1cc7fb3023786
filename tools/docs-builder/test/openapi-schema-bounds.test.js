// @ts-check
import { expect, it } from "vitest";
import { flattenSchema, MAX_DEPTH, MAX_FIELDS } from "../src/openapi-schema.js";

// Schemas that reference each other without a cycle but in a deep, wide graph (Stripe's expandable
// fields) have exponentially many field paths: the table stops at a depth and a count, and says so.
it("lists a field graph that explodes only down to MAX_DEPTH and up to MAX_FIELDS rows, with a last row saying so", () => {
  /** @type {Record<string, any>} */
  const schemas = {};
  for (let level = 0; level < 20; level++) {
    const next = { $ref: `#/components/schemas/L${level + 1}` };
    schemas[`L${level}`] = {
      type: "object",
      properties: { a: next, b: next, c: { anyOf: [{ type: "string" }, next] } },
    };
  }
  schemas.L20 = { type: "object", properties: { leaf: { type: "string" } } };
  const spec = { components: { schemas } };
  const fields = flattenSchema(spec, { $ref: "#/components/schemas/L0" });
  expect(fields.length).toBeLessThanOrEqual(MAX_FIELDS + 1);
  expect(fields.at(-1)?.name).toBe("…");
  expect(Math.max(...fields.slice(0, -1).map((field) => field.name.split(".").length))).toBeLessThanOrEqual(MAX_DEPTH);
  expect(fields[0]?.name).toBe("a");
});

it("a small schema is listed whole, without the last row", () => {
  const fields = flattenSchema({}, { type: "object", properties: { id: { type: "string" } } });
  expect(fields.map((field) => field.name)).toEqual(["id"]);
});
