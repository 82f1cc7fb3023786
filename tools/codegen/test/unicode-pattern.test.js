// @ts-check
import { describe, expect, it } from "vitest";
import { conformsTo, mediaExample, toJsonSchema } from "../src/index.js";
import { unicodeSafePattern } from "../src/unicode-pattern.js";

describe("unicodeSafePattern", () => {
  it("drops escapes of punctuation that needs none, which unicode regular expressions refuse", () => {
    expect(unicodeSafePattern("^[a-zA-Z0-9\\/\\+\\=]{0,2048}$")).toBe("^[a-zA-Z0-9\\/\\+=]{0,2048}$");
    expect(unicodeSafePattern("^arn\\:aws\\:[a-z]+$")).toBe("^arn:aws:[a-z]+$");
    // `-` needs its escape inside a class only.
    expect(unicodeSafePattern("^a\\-b[x\\-z\\,]$")).toBe("^a-b[x\\-z,]$");
  });

  it("keeps a pattern that compiles under `u` already, or that no change would make compile", () => {
    for (const pattern of ["^\\d+\\.\\d+$", "^\\p{L}+$", "[a\\-z]", "^\\w\\s\\/$"]) {
      expect(unicodeSafePattern(pattern)).toBe(pattern);
    }
    // `\a` is no escape under `u`, and no character of its own to drop the backslash from.
    expect(unicodeSafePattern("^\\a\\=$")).toBe("^\\a\\=$");
  });
});

describe("schemas with such a pattern", () => {
  // A small document of our own, with AWS's shape of pattern.
  const spec = {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {},
    components: {
      schemas: { Token: { type: "string", pattern: "^[a-zA-Z0-9\\/\\+\\=]{1,64}$", minLength: 1 } },
    },
  };

  it("are converted with the pattern Ajv can compile, meaning the same", () => {
    const schema = /** @type {any} */ (toJsonSchema(spec.components.schemas.Token));
    expect(schema.pattern).toBe("^[a-zA-Z0-9\\/\\+=]{1,64}$");
    const pattern = new RegExp(schema.pattern, "u");
    expect(pattern.test("ab/+=")).toBe(true);
    expect(pattern.test("a:b")).toBe(false);
  });

  it("check examples against the pattern instead of waving every one through", () => {
    const ref = { $ref: "#/components/schemas/Token" };
    expect(conformsTo(spec, ref, "abc=")).toBe(true);
    expect(conformsTo(spec, ref, "a:b")).toBe(false);
    expect(mediaExample(spec, { schema: ref })).toMatch(/^[a-zA-Z0-9/+=]{1,64}$/);
  });
});
