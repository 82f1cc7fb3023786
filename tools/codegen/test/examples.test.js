// @ts-check
import { describe, expect, it } from "vitest";
import { conformsTo } from "../src/example-check.js";
import { mediaExample, parameterExample, schemaExample } from "../src/examples.js";

// Examples are checked against their schema before a sample or a contract request is built from
// them: published documents carry examples their own schemas (and so the SDK's types) reject.
const spec = {
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {},
  components: {
    schemas: {
      Label: {
        type: "object",
        required: ["name", "priority"],
        properties: {
          name: { type: "string" },
          priority: { type: "integer", minimum: 1 },
          note: { type: "string", nullable: true },
          delimiter: { type: "string", default: "," },
        },
      },
      Open: { type: "object", properties: { name: { type: "string" } }, additionalProperties: true },
      Elsewhere: { type: "object", properties: { pet: { $ref: "#/paths/~1pets/get/responses/200" } } },
    },
  },
};
const label = { $ref: "#/components/schemas/Label" };

describe("mediaExample", () => {
  it("keeps an example that conforms, through $refs and OpenAPI 3.0's nullable", () => {
    const example = { name: "bug", priority: 2, note: null };
    expect(mediaExample(spec, { schema: label, example })).toEqual(example);
  });

  it("skips an example missing a required property for the next named one", () => {
    const media = {
      schema: label,
      examples: { broken: { value: { name: "bug" } }, good: { value: { name: "bug", priority: 3 } } },
    };
    expect(mediaExample(spec, media)).toEqual({ name: "bug", priority: 3 });
  });

  it("skips an example with a property the schema does not declare (the SDK's types reject it)", () => {
    const built = mediaExample(spec, { schema: label, example: { name: "bug", priority: 1, id: 7 } });
    // None of the document's examples fits: the one built from the schema, with every required field.
    // (name and priority as placeholders of their type and minimum, delimiter its default).
    expect(built).toEqual({ name: "string", priority: 1, delimiter: "," });
  });

  it("keeps undeclared properties where the schema allows them", () => {
    const example = { name: "x", extra: true };
    expect(mediaExample(spec, { schema: { $ref: "#/components/schemas/Open" }, example })).toEqual(example);
  });

  it("replaces an example of the wrong type (an object for a text/plain string)", () => {
    expect(mediaExample(spec, { schema: { type: "string" }, example: { text: "Hello" } })).toBe("string");
  });

  it("checks known formats, as Prism does, and accepts any value for a format of the document's own", () => {
    const when = { type: "string", format: "date-time" };
    expect(mediaExample(spec, { schema: when, example: "yesterday" })).toBe("2026-01-01T00:00:00Z");
    expect(mediaExample(spec, { schema: { type: "string", format: "sku" }, example: "A-1" })).toBe("A-1");
  });

  it("checks a nullable allOf, which Ajv's own nullable keyword cannot compile (GitHub's schemas)", () => {
    const schema = { allOf: [label], nullable: true };
    expect(mediaExample(spec, { schema, example: null })).toBeNull();
    expect(mediaExample(spec, { schema, example: { name: "no priority" } })).toEqual({
      name: "string",
      priority: 1,
      delimiter: ",",
    });
  });

  it("accepts a union's example that fits one member", () => {
    const schema = { oneOf: [{ type: "integer" }, label] };
    expect(mediaExample(spec, { schema, example: { name: "a", priority: 5 } })).toEqual({ name: "a", priority: 5 });
  });

  it("reads OpenAPI 3.0's boolean exclusiveMinimum", () => {
    const schema = { type: "integer", minimum: 0, exclusiveMinimum: true };
    expect(mediaExample(spec, { schema, example: 5 })).toBe(5);
    expect(mediaExample(spec, { schema, example: 0, examples: { one: { value: 1 } } })).toBe(1);
  });

  it("keeps the first example when the schema cannot be checked (a $ref that leads nowhere)", () => {
    const schema = { $ref: "#/paths/~1pets/get/responses/200/content/application~1json/schema" };
    expect(mediaExample(spec, { schema, example: { any: "thing" } })).toEqual({ any: "thing" });
    // Also inside a component, which the others' checks survive.
    const elsewhere = { $ref: "#/components/schemas/Elsewhere" };
    expect(mediaExample(spec, { schema: elsewhere, example: { pet: 1 } })).toEqual({ pet: 1 });
    expect(mediaExample(spec, { schema: label, example: { name: "bug" } })).toMatchObject({ priority: 1 });
  });
});

describe("schemas a $ref finds under another operation (as bundlers write them)", () => {
  // A bundled document of our own: the maintenance window is declared once, in the answer of
  // GET /windows, and everything else points there, by a percent-encoded pointer too; a node
  // refers back to itself through another operation's schema.
  const bundled = {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {
      "/windows": {
        get: {
          responses: {
            200: {
              description: "ok",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      window: {
                        type: "object",
                        required: ["day", "hour"],
                        properties: { day: { type: "string" }, hour: { type: "string", example: 840 } },
                      },
                      node: {
                        type: "object",
                        properties: {
                          name: { type: "string" },
                          child: {
                            $ref: "#/paths/~1windows/get/responses/200/content/application~1json/schema/properties/node",
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Holder: {
          type: "object",
          properties: {
            window: {
              $ref: "#/paths/%7E1windows/get/responses/200/content/application~1json/schema/properties/window",
            },
          },
        },
      },
    },
  };
  const window = { $ref: "#/paths/~1windows/get/responses/200/content/application~1json/schema/properties/window" };
  const node = { $ref: "#/paths/~1windows/get/responses/200/content/application~1json/schema/properties/node" };

  it("checks the example against the schema found there, and builds one of the schema's types when it breaks it", () => {
    expect(mediaExample(bundled, { schema: window, example: { day: "tuesday", hour: "14:00" } })).toEqual({
      day: "tuesday",
      hour: "14:00",
    });
    const built = /** @type {Record<string, unknown>} */ (
      mediaExample(bundled, { schema: window, example: { day: "tuesday", hour: 840 } })
    );
    expect(built.day).toBeTypeOf("string");
    expect(built.hour).toBeTypeOf("string");
  });

  it("follows such a $ref inside a component schema and through a schema that refers to itself", () => {
    const holder = { $ref: "#/components/schemas/Holder" };
    const bad = { window: { day: "tuesday", hour: 840 } };
    expect(mediaExample(bundled, { schema: holder, example: bad, examples: { good: { value: {} } } })).toEqual({});
    expect(
      mediaExample(bundled, { schema: node, example: { name: "a", child: { name: "b", child: { name: "c" } } } }),
    ).toEqual({ name: "a", child: { name: "b", child: { name: "c" } } });
    expect(
      mediaExample(bundled, {
        schema: node,
        example: { child: { name: 3 } },
        examples: { good: { value: { name: "x" } } },
      }),
    ).toEqual({ name: "x" });
  });
});

describe("a schema's own example", () => {
  it("is not used when it has a property the schema does not declare (a misspelt one), nor is its default", () => {
    const counts = { type: "object", properties: { count: { type: "integer" } } };
    const resources = {
      type: "object",
      properties: { droplets: counts, imgages: counts },
      example: { droplets: { count: 1 }, images: { count: 1 } },
      default: { images: { count: 2 } },
    };
    const schema = { type: "object", required: ["name"], properties: { name: { type: "string" }, resources } };
    const built = /** @type {Record<string, any>} */ (mediaExample(spec, { schema }));
    expect(Object.keys(built.resources ?? {})).not.toContain("images");
    // An object schema that declares no properties takes any (it types as Record<string, unknown>).
    expect(mediaExample(spec, { schema: { type: "object", example: { to: "a" } } })).toEqual({ to: "a" });
    // One that declares nothing extra is still taken as it is.
    const fitting = { ...resources, example: { droplets: { count: 1 } } };
    expect(
      mediaExample(spec, { schema: { ...schema, properties: { ...schema.properties, resources: fitting } } }),
    ).toEqual({
      name: expect.any(String),
      resources: { droplets: { count: 1 } },
    });
  });
});

describe("strings built from the schema", () => {
  it("match the schema's pattern (the shortest match, the same on every build)", () => {
    const version = { name: "version", in: "path", schema: { type: "string", pattern: "^\\d+\\.\\d+\\.\\d+$" } };
    expect(parameterExample(spec, version)).toBe("0.0.0");
    const digest = { type: "string", pattern: "^sha256:[a-f0-9]{64}$", minLength: 71 };
    expect(mediaExample(spec, { schema: digest })).toBe(`sha256:${"0".repeat(64)}`);
  });

  it("match the pattern and reach its minLength, repeating what the pattern lets repeat", () => {
    /** @type {{ type: string, pattern: string, minLength: number, maxLength?: number }} */
    const region = { type: "string", pattern: "^([a-z]+)-([a-z]+)-([0-9]+)$", minLength: 12 };
    const anyText = { type: "string", pattern: ".*", minLength: 3, maxLength: 8 };
    for (const schema of [region, anyText]) {
      const value = mediaExample(spec, { schema });
      expect(value).toMatch(new RegExp(schema.pattern));
      expect(String(value).length).toBeGreaterThanOrEqual(schema.minLength);
      expect(String(value).length).toBeLessThanOrEqual(schema.maxLength ?? Number.POSITIVE_INFINITY);
      // The same on every build.
      expect(mediaExample(spec, { schema })).toBe(value);
    }
    // Already long enough: still the shortest match.
    expect(mediaExample(spec, { schema: { type: "string", pattern: "^[0-9]+$", minLength: 1 } })).toBe("0");
  });

  it.each([
    "date-time",
    "date",
    "time",
    "duration",
    "email",
    "uuid",
    "uri",
    "uri-reference",
    "byte",
    "ipv4",
    "ipv6",
    "hostname",
  ])("have a value of the format %s, as Prism's format checks read it", (format) => {
    const schema = { type: "string", format };
    const value = mediaExample(spec, { schema });
    expect(value).not.toBe("string");
    expect(conformsTo(spec, schema, value)).toBe(true);
  });

  it("keep to the length bounds when there is no pattern", () => {
    expect(mediaExample(spec, { schema: { type: "string", minLength: 10 } })).toBe("stringxxxx");
    expect(mediaExample(spec, { schema: { type: "string", maxLength: 3 } })).toBe("str");
  });
});

describe("parameterExample", () => {
  it("skips a parameter example outside the schema's enum", () => {
    const parameter = {
      name: "state",
      in: "query",
      schema: { type: "string", enum: ["open", "closed"] },
      example: "all",
    };
    expect(parameterExample(spec, parameter)).toBe("open");
  });
});

// Codat's `Account` is an `allOf` of its fields and `ModifiedDates` (itself an `allOf` of two
// parts), and requires `type`, `status` and `isBankAccount` beside it: the example left them out
// ("does not satisfy the expected type" in the contract tests' lint).
describe("an allOf with a part that is an allOf itself", () => {
  const nested = {
    ...spec,
    components: {
      schemas: {
        Dates: {
          allOf: [
            { type: "object", properties: { modifiedDate: { type: "string", format: "date-time" } } },
            { type: "object", properties: { sourceModifiedDate: { type: "string" } } },
          ],
          "x-internal": true,
        },
        Account: {
          type: "object",
          required: ["type", "isBankAccount"],
          allOf: [
            {
              type: "object",
              properties: {
                name: { type: ["string", "null"] },
                type: { type: "string", enum: ["Asset", "Liability"] },
                isBankAccount: { type: "boolean" },
              },
            },
            { $ref: "#/components/schemas/Dates" },
          ],
        },
      },
    },
  };

  it("gets a value for every property the outer schema requires", () => {
    const example = mediaExample(nested, { schema: { $ref: "#/components/schemas/Account" } });
    expect(example).toEqual({ type: "Asset", isBankAccount: true });
  });
});

// Codat's `Bill.issueDate` is `allOf: [{ description }, { $ref: DateTime }]`, DateTime a string:
// the annotation part's example (an untyped schema's `{}`) was taken first, and the contract
// bindings did not type-check ("Type '{}' is not assignable to type 'string'").
describe("an allOf with a part that only annotates", () => {
  const annotated = {
    ...spec,
    components: {
      schemas: {
        DateTime: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", example: "2022-10-23" },
        Bill: {
          type: "object",
          required: ["issueDate"],
          properties: {
            issueDate: {
              allOf: [{ description: "Date of the bill.", "x-note": "n" }, { $ref: "#/components/schemas/DateTime" }],
            },
            count: { allOf: [{ title: "Count" }, { type: "integer", minimum: 3 }] },
            anything: { allOf: [{ description: "no constraint at all" }] },
          },
        },
      },
    },
  };

  it("takes the value from the part that constrains it", () => {
    const example = mediaExample(annotated, { schema: { $ref: "#/components/schemas/Bill" } });
    expect(example).toMatchObject({ issueDate: "2022-10-23" });
  });

  it("a lone annotation part still gets a value, and a typed one its bounds", () => {
    const schema = annotated.components.schemas.Bill.properties;
    expect(mediaExample(annotated, { schema: schema.count })).toBe(3);
    expect(mediaExample(annotated, { schema: schema.anything })).not.toBeUndefined();
  });
});

// id4i's `ApiError` lists more of itself in `errorList`, every property required: the example
// nested until the depth guard and ended on an item missing its required properties, so the mock
// served 401s that broke the document's own schema.
describe("a schema with an array of itself", () => {
  const recursive = {
    ...spec,
    components: {
      schemas: {
        ApiError: {
          type: "object",
          required: ["code", "message", "errorList"],
          properties: {
            code: { type: "string", enum: ["ERR_AUTH"] },
            message: { type: "string" },
            errorList: { type: "array", items: { $ref: "#/components/schemas/ApiError" } },
          },
        },
        Tree: {
          type: "object",
          required: ["children"],
          properties: { children: { type: "array", minItems: 1, items: { $ref: "#/components/schemas/Tree" } } },
        },
      },
    },
  };

  it("ends the recursion with an empty array, and the example conforms to the schema", () => {
    const schema = { $ref: "#/components/schemas/ApiError" };
    const example = mediaExample(recursive, { schema });
    expect(example).toEqual({ code: "ERR_AUTH", message: expect.any(String), errorList: [] });
    expect(conformsTo(recursive, schema, example)).toBe(true);
  });

  it("does not cut an array the schema requires items in", () => {
    const example = /** @type {any} */ (mediaExample(recursive, { schema: { $ref: "#/components/schemas/Tree" } }));
    expect(example.children).toHaveLength(1);
  });
});

describe("an array nested deeper than the example goes", () => {
  // Kubernetes' CronJob: spec → jobTemplate → spec → podFailurePolicy → rules → onExitCodes →
  // values, a required array of int32 deep down. Its item was written "string", which the
  // generated contract bindings' types refused (TS2322).
  /**
   * The array seven levels down, so that its items are the first thing past the depth guard.
   *
   * @param {Record<string, unknown>} bottom the innermost level's properties and required
   */
  const nested = (bottom) => {
    /** @type {Record<string, any>} */
    let schema = { type: "object", ...bottom };
    for (let level = 0; level < 7; level++)
      schema = { type: "object", required: ["next"], properties: { next: schema } };
    return schema;
  };

  it("ends as an empty array where the schema allows one, and conforms", () => {
    const schema = nested({
      required: ["values"],
      properties: { values: { type: "array", items: { type: "integer", format: "int32" } } },
    });
    const example = schemaExample(spec, schema);
    expect(conformsTo(spec, schema, example)).toBe(true);
    expect(JSON.stringify(example)).not.toContain('"string"');
  });

  it("gives one item of the item's own type where the array must have one", () => {
    const schema = nested({
      required: ["values"],
      properties: { values: { type: "array", minItems: 1, items: { type: "integer" } } },
    });
    const example = schemaExample(spec, schema);
    expect(JSON.stringify(example)).toContain('"values":[0]');
    expect(conformsTo(spec, schema, example)).toBe(true);
  });
});
