import { describe, expect, it } from "vitest";
import { ResponseValidator, toJsonSchema } from "../src/json-schema.js";
import { listOperations, type OpenApiDocument } from "../src/spec.js";

describe("toJsonSchema", () => {
  it("turns OpenAPI 3.0 nullable into a null type and drops examples", () => {
    expect(toJsonSchema({ type: "string", nullable: true, format: "email", example: "a@b.c" })).toEqual({
      type: ["string", "null"],
      format: "email",
    });
    expect(toJsonSchema({ $ref: "#/components/schemas/X", nullable: true })).toEqual({ $ref: "#/$defs/X" });
    expect(toJsonSchema({ allOf: [{ $ref: "#/components/schemas/X" }], nullable: true })).toEqual({
      anyOf: [{ allOf: [{ $ref: "#/$defs/X" }] }, { type: "null" }],
    });
    expect(toJsonSchema({ type: "number", minimum: 1, exclusiveMinimum: true })).toEqual({
      type: "number",
      exclusiveMinimum: 1,
    });
  });

  it("drops specification extensions, which strict Ajv would refuse, but not properties named x-…", () => {
    const schema = {
      type: "object",
      "x-github-breaking-changes": [{ changeset: "remove" }],
      properties: { "x-rate": { type: "integer", "x-unit": "req/s" } },
    };
    expect(toJsonSchema(schema)).toEqual({ type: "object", properties: { "x-rate": { type: "integer" } } });
  });
});

// A small document of our own: a success body, and error documents through a $ref.
const spec: OpenApiDocument = {
  openapi: "3.0.3",
  info: { title: "Pets", version: "1" },
  paths: {
    "/v1/pets": {
      post: {
        operationId: "addPet",
        responses: {
          "200": {
            description: "Added",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["data"],
                  properties: { data: { type: "object", required: ["id"], properties: { id: { type: "string" } } } },
                },
              },
            },
          },
          "422": { $ref: "#/components/responses/Errors" },
          "5XX": { $ref: "#/components/responses/Errors" },
        },
      },
    },
  },
  components: {
    responses: {
      Errors: {
        description: "Errors",
        content: {
          "application/vnd.api+json": {
            schema: {
              type: "object",
              properties: { errors: { type: "array", items: { $ref: "#/components/schemas/JsonApiError" } } },
            },
          },
        },
      },
    },
    schemas: {
      JsonApiError: {
        type: "object",
        required: ["title", "detail", "source"],
        properties: {
          title: { type: "string" },
          detail: { type: "string" },
          source: { type: "object", properties: { pointer: { type: "string" } } },
        },
      },
    },
  },
};

describe("ResponseValidator", () => {
  const validator = new ResponseValidator(spec);
  const addPet = listOperations(spec).find((operation) => operation.operationId === "addPet");
  if (!addPet) throw new Error("the document has no addPet");

  it("accepts a valid 200 and names what is wrong with a broken one", () => {
    expect(validator.problems(addPet, "200", { data: { id: "4856cea1" } })).toEqual([]);
    expect(validator.problems(addPet, "200", { data: { id: 42 } })).toEqual(["body/data/id must be string"]);
    expect(validator.problems(addPet, "200", {})).toEqual(["body must have required property 'data'"]);
  });

  it("checks error documents through their $ref", () => {
    const error = { title: "Invalid value", detail: "bad", source: { pointer: "/data/attributes/name" } };
    expect(validator.problems(addPet, "5XX", { errors: [error] })).toEqual([]);
    expect(validator.problems(addPet, "422", { errors: [{ title: "x" }] })).toEqual([
      "body/errors/0 must have required property 'detail'",
      "body/errors/0 must have required property 'source'",
    ]);
  });
});

// A bundled document of our own: one operation's answer declares the schema, another's answer and
// a component point into it (as bundlers write shared schemas), and a node refers to itself there.
const bundled: OpenApiDocument = {
  openapi: "3.0.3",
  info: { title: "Windows", version: "1" },
  paths: {
    "/windows": {
      get: {
        operationId: "listWindows",
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    window: { type: "object", required: ["hour"], properties: { hour: { type: "string" } } },
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
    "/windows/{id}": {
      get: {
        operationId: "getWindow",
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    window: {
                      $ref: "#/paths/~1windows/get/responses/200/content/application~1json/schema/properties/window",
                    },
                    holder: { $ref: "#/components/schemas/Holder" },
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
          node: { $ref: "#/paths/~1windows/get/responses/200/content/application~1json/schema/properties/node" },
        },
      },
    },
  },
};

describe("ResponseValidator on a bundled document whose $refs point into other operations", () => {
  const validator = new ResponseValidator(bundled);
  const getWindow = listOperations(bundled).find((operation) => operation.operationId === "getWindow");
  if (!getWindow) throw new Error("the document has no getWindow");

  it("checks the body against the schema found there, in a component too, through a schema that refers to itself", () => {
    const good = { window: { hour: "14:00" }, holder: { node: { name: "a", child: { name: "b" } } } };
    expect(validator.problems(getWindow, "200", good)).toEqual([]);
    expect(validator.problems(getWindow, "200", { window: { hour: 840 } })).toEqual([
      "body/window/hour must be string",
    ]);
    expect(validator.problems(getWindow, "200", { holder: { node: { child: { name: 3 } } } })).toEqual([
      "body/holder/node/child/name must be string",
    ]);
  });
});

describe("ResponseValidator on a schema that requires a property it does not declare", () => {
  // Valid JSON Schema (the property must be there, any value), though likely a slip in the document.
  const document: OpenApiDocument = {
    openapi: "3.0.3",
    info: { title: "Sinks", version: "1" },
    paths: {
      "/sinks": {
        get: {
          operationId: "getSink",
          responses: {
            "200": {
              description: "ok",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      logtail: { type: "object", properties: { token: { type: "string" } }, required: ["endpoint"] },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
  const getSink = listOperations(document)[0];
  if (!getSink) throw new Error("the document has no operation");

  it("compiles the schema and reports the missing property", () => {
    const validator = new ResponseValidator(document);
    expect(validator.problems(getSink, "200", { logtail: { endpoint: "https://logs.test" } })).toEqual([]);
    expect(validator.problems(getSink, "200", { logtail: { token: "t" } })).toEqual([
      "body/logtail must have required property 'endpoint'",
    ]);
  });
});

describe("ResponseValidator on a pattern with escapes unicode regular expressions refuse", () => {
  // AWS's shape: `\=` and `\:` escape characters that need none, which Ajv's `u` flag refuses.
  const document: OpenApiDocument = {
    openapi: "3.0.3",
    info: { title: "Tokens", version: "1" },
    paths: {
      "/tokens": {
        get: {
          operationId: "getToken",
          responses: {
            "200": {
              description: "ok",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { token: { type: "string", pattern: "^[a-zA-Z0-9\\/\\+\\=]{0,64}$" } },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
  const getToken = listOperations(document)[0];
  if (!getToken) throw new Error("the document has no operation");

  it("compiles the schema and checks the pattern as the document means it", () => {
    const validator = new ResponseValidator(document);
    expect(validator.problems(getToken, "200", { token: "YWJj/+=" })).toEqual([]);
    expect(validator.problems(getToken, "200", { token: "a:b" })).toEqual([
      'body/token must match pattern "^[a-zA-Z0-9\\/\\+\\=]{0,64}$"',
    ]);
  });
});

describe("a pattern the `u` flag refuses", () => {
  // `[\w\-]`: an escaped `-` is an error under the `u` flag, which Ajv uses by default.
  const patterned: OpenApiDocument = {
    openapi: "3.0.3",
    info: { title: "Names", version: "1" },
    paths: {
      "/names": {
        get: {
          operationId: "listNames",
          responses: {
            "200": {
              description: "Names",
              content: {
                "application/json": {
                  schema: { type: "array", items: { type: "string", pattern: "^[\\w\\-]+$" } },
                },
              },
            },
          },
        },
      },
    },
  };

  it("is compiled without it and still checked, instead of failing the compilation", () => {
    const validator = new ResponseValidator(patterned);
    const [operation] = listOperations(patterned);
    if (!operation) throw new Error("no operation");
    expect(validator.problems(operation, "200", ["a-b", "c_d"])).toEqual([]);
    expect(validator.problems(operation, "200", ["a b"])).toEqual(['body/0 must match pattern "^[\\w\\-]+$"']);
  });
});

// A document of our own with a component that is not valid JSON Schema (a schema written where a
// type name belongs, as Codat's `Item` does) and that one operation uses and another does not.
const defective: OpenApiDocument = {
  openapi: "3.0.3",
  info: { title: "Items", version: "1" },
  paths: {
    "/accounts": {
      get: {
        operationId: "listAccounts",
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Account" } } },
          },
        },
      },
    },
    "/items": {
      get: {
        operationId: "listItems",
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Account: {
        type: "object",
        required: ["id"],
        properties: { id: { type: "string" }, owner: { $ref: "#/components/schemas/Owner" } },
      },
      Owner: { type: "object", properties: { name: { type: "string" } } },
      Item: { type: "object", properties: { itemType: { type: { type: "string", enum: ["Service"] } } } } as never,
    },
  },
};

describe("ResponseValidator, with a component that is not valid JSON Schema", () => {
  const validator = new ResponseValidator(defective);
  const operation = (id: string) => {
    const found = listOperations(defective).find((candidate) => candidate.operationId === id);
    if (!found) throw new Error(`the document has no ${id}`);
    return found;
  };

  it("checks an operation that does not reach it, with the components that operation does reach", () => {
    const schema = validator.schemaFor(operation("listAccounts"), "200");
    // The body's own schema (Account) is the root; what it refers to comes with it, nothing else.
    expect(Object.keys(schema.$defs as object)).toEqual(["Owner"]);
    expect(validator.problems(operation("listAccounts"), "200", { id: "a1", owner: { name: "Ann" } })).toEqual([]);
    expect(validator.problems(operation("listAccounts"), "200", { id: 1 })).toEqual(["body/id must be string"]);
  });

  it("still refuses to check against the defective component where an operation reaches it", () => {
    expect(() => validator.problems(operation("listItems"), "200", {})).toThrow(/schema is invalid/);
  });
});

// A document of our own in the shape of Codat's: component schemas carry JSON Schema `definitions`
// (not an OpenAPI keyword), other schemas point into them, and the schemas there refer to other
// components by their OpenAPI `$ref`s.
const withDefinitions = (openapi: string): OpenApiDocument => ({
  openapi,
  info: { title: "Bills", version: "1" },
  paths: {
    "/bills/{id}": {
      get: {
        operationId: "getBill",
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Bill" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Bill: {
        type: "object",
        properties: {
          lines: { type: "array", items: { $ref: "#/components/schemas/Bill/definitions/billLine" } },
        },
        definitions: {
          billLine: {
            type: "object",
            required: ["accountRef"],
            properties: {
              accountRef: { $ref: "#/components/schemas/Account/definitions/accountRef" },
              amount: { type: "number", nullable: true },
            },
          },
        },
      },
      Account: {
        type: "object",
        properties: { ref: { $ref: "#/components/schemas/Account/definitions/accountRef" } },
        definitions: {
          accountRef: { type: "object", required: ["id"], properties: { id: { $ref: "#/components/schemas/Id" } } },
        },
      },
      Id: { type: "string", minLength: 1 },
    },
  },
});

describe("ResponseValidator on component schemas with `definitions` of their own", () => {
  it("converts the schemas in `definitions`, so their `$ref`s to other components resolve", () => {
    const schema = { definitions: { a: { $ref: "#/components/schemas/Id" }, b: { type: "string", nullable: true } } };
    expect(toJsonSchema(schema)).toEqual({
      definitions: { a: { $ref: "#/$defs/Id" }, b: { type: ["string", "null"] } },
    });
  });

  it.each(["3.0.3", "3.1.0"])("checks an answer through them (OpenAPI %s)", (openapi) => {
    const document = withDefinitions(openapi);
    const validator = new ResponseValidator(document);
    const [getBill] = listOperations(document);
    if (!getBill) throw new Error("the document has no operation");
    expect(validator.problems(getBill, "200", { lines: [{ accountRef: { id: "a1" }, amount: 3 }] })).toEqual([]);
    expect(validator.problems(getBill, "200", { lines: [{ accountRef: { id: "" } }, {}] })).toEqual([
      "body/lines/0/accountRef/id must NOT have fewer than 1 characters",
      "body/lines/1 must have required property 'accountRef'",
    ]);
  });
});

describe("ResponseValidator on format: url, which is no JSON Schema format", () => {
  // learnifier.com writes `format: url`; the mock serves it as `uri`, and Prism generates URIs
  // that ajv-formats' deprecated `url` pattern refuses (a comma in the path).
  const document: OpenApiDocument = {
    openapi: "3.0.3",
    info: { title: "Links", version: "1" },
    paths: {
      "/links": {
        get: {
          operationId: "getLink",
          responses: {
            "200": {
              description: "ok",
              content: {
                "application/json": {
                  schema: { type: "object", properties: { href: { type: "string", format: "url" } } },
                },
              },
            },
          },
        },
      },
    },
  };
  const getLink = listOperations(document)[0];
  if (!getLink) throw new Error("the document has no operation");

  it("reads it as uri: a URI passes, text that is none does not", () => {
    const validator = new ResponseValidator(document);
    for (const href of ["https://example.com/a", "http://LZUhNk.sijp/x,y+z", "urn:isbn:0451450523"]) {
      expect(validator.problems(getLink, "200", { href }), href).toEqual([]);
    }
    expect(validator.problems(getLink, "200", { href: "dolore minim Ut" })).toEqual([
      'body/href must match format "url"',
    ]);
  });
});
