// @ts-check
import { describe, expect, it } from "vitest";
import { backtrackingPatterns, backtracksExponentially } from "../src/index.js";

describe("backtracksExponentially", () => {
  it("flags a group repeated without bound whose body is only repeated or optional items", () => {
    for (const pattern of [
      "(a+)+",
      "([\\w.-]*)*",
      "(\\w+\\s?)+$",
      "(a|b+)*",
      "((a+))*",
      "(?:x|(?:y+)*)+",
      "(?<name>a+)+",
      "(a{2,})*",
      // a public document's URL pattern: it hangs Redocly's example check on a URL with a comma
      "^(https?:\\/\\/)?([\\da-z\\.-]+)\\.([a-z\\.]{2,6})([\\/\\w \\.-]*)*\\/?$",
    ]) {
      expect(backtracksExponentially(pattern), pattern).toBe(true);
    }
  });

  it("passes patterns whose repetition is bounded or pinned by an item that appears once", () => {
    for (const pattern of [
      "^[a-z]+$",
      "(\\.[a-z]+)*",
      "(ab)*",
      "(a{2,3})*",
      "(a+)?",
      "[(a+)+]",
      "\\(a+\\)+",
      "(?=a+)*",
      "^([a-zA-Z0-9_\\-\\.]+)@([a-zA-Z0-9_\\-\\.]+)\\.([a-zA-Z]{2,5})$",
      "^\\d{4}-\\d{2}-\\d{2}$",
    ]) {
      expect(backtracksExponentially(pattern), pattern).toBe(false);
    }
  });

  it("reads an unbalanced or odd pattern without throwing", () => {
    for (const pattern of ["(", ")", "(a+", "a+)+", "[", "\\", "{", "a{1,", "(?<", "(?"]) {
      expect(typeof backtracksExponentially(pattern)).toBe("boolean");
    }
  });
});

describe("backtrackingPatterns", () => {
  it("lists each such schema pattern with its pointer, wherever the schema sits", () => {
    const spec = {
      openapi: "3.0.3",
      paths: {
        "/sites/{url}": {
          get: {
            parameters: [{ name: "url", in: "path", required: true, schema: { type: "string", pattern: "(a+)+" } }],
            responses: { 200: { description: "ok" } },
          },
        },
      },
      components: {
        schemas: {
          Url: { type: "string", pattern: "^([\\w.-]*)*$", example: "x,y" },
          Code: { type: "string", pattern: "^[A-Z]{3}$" },
          Page: { type: "object", properties: { default: { type: "string", pattern: "(b*)*" } } },
        },
      },
    };
    const found = backtrackingPatterns(spec);
    expect(found.map(({ pointer, pattern }) => ({ pointer, pattern }))).toEqual([
      { pointer: "#/paths/~1sites~1{url}/get/parameters/0/schema/pattern", pattern: "(a+)+" },
      { pointer: "#/components/schemas/Url/pattern", pattern: "^([\\w.-]*)*$" },
      { pointer: "#/components/schemas/Page/properties/default/pattern", pattern: "(b*)*" },
    ]);
    // The keys lead to it without decoding the pointer (a path key holds `/`).
    expect(found[0]?.keys).toEqual(["paths", "/sites/{url}", "get", "parameters", "0", "schema", "pattern"]);
  });

  it("does not read examples, defaults or extensions as schemas, nor a property named pattern", () => {
    const spec = {
      openapi: "3.1.0",
      components: {
        schemas: {
          Rule: {
            type: "object",
            properties: { pattern: { type: "string" } },
            example: { pattern: "(a+)+" },
            default: { pattern: "(a+)+" },
            "x-validation": { pattern: "(a+)+" },
          },
        },
        examples: { Rule: { value: { pattern: "(a+)+" } } },
      },
    };
    expect(backtrackingPatterns(spec)).toEqual([]);
  });
});
