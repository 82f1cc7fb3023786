// @ts-check
// Which security requirements apply to an operation, and whether a call without credentials meets them.
import { describe, expect, it } from "vitest";
import { acceptsAnonymous, securityRequirementsOf } from "../src/index.js";

const spec = {
  openapi: "3.0.3",
  security: [{ root: [] }],
  paths: {},
};

describe("securityRequirementsOf", () => {
  it("the operation's own security replaces the root's", () => {
    expect(securityRequirementsOf(spec, { security: [{ own: ["read"] }, { a: [], b: [] }] })).toEqual([
      { own: ["read"] },
      { a: [], b: [] },
    ]);
  });

  it("an operation without security gets the root's; `security: []` removes it", () => {
    expect(securityRequirementsOf(spec, {})).toEqual([{ root: [] }]);
    expect(securityRequirementsOf(spec, { security: [] })).toEqual([]);
  });

  it("none at all without either, and entries that are not objects are left out", () => {
    expect(securityRequirementsOf({ openapi: "3.0.3", paths: {} }, {})).toEqual([]);
    expect(securityRequirementsOf(spec, { security: ["root", null, { ok: [] }] })).toEqual([{ ok: [] }]);
  });
});

describe("acceptsAnonymous", () => {
  it("true for no requirements and for an empty alternative", () => {
    expect(acceptsAnonymous([])).toBe(true);
    expect(acceptsAnonymous([{ key: [] }, {}])).toBe(true);
  });

  it("false when every alternative names a scheme", () => {
    expect(acceptsAnonymous([{ key: [] }])).toBe(false);
    expect(acceptsAnonymous([{ key: [] }, { a: [], b: [] }])).toBe(false);
  });
});
