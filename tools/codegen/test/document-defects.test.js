// @ts-check
// The document's own defects (document-defects.js) on a small document of our own that
// contradicts itself in each way the finder knows, beside operations that do not, and what the
// contract target does with them: document-defects.json beside the bindings, `dynamic=true` or a
// named example where the examples break the schema, a waiver where nothing valid can be answered.
import { fileURLToPath } from "node:url";
import { listOperations, readSpecFile } from "@sdkit/openapi";
import { describe, expect, it } from "vitest";
import { DEFECTS_FILE, documentDefects, operationDefects } from "../src/document-defects.js";
import { renderTarget } from "../src/generate.js";
import { CONTRACT_OPTIONS } from "./helpers.js";

const file = fileURLToPath(new URL("./fixtures/document-defects.yaml", import.meta.url));
const spec = /** @type {Record<string, any>} */ ((await readSpecFile(file)).document);
const operations = listOperations(spec, { file });
const byId = (/** @type {string} */ id) => {
  const op = operations.find((candidate) => candidate.operationId === id);
  if (!op) throw new Error(`no ${id} in the fixture`);
  return op;
};
const notFound = "/components/responses/NotFound/content/application~1json/example";
/** A response with a JSON body of this schema. @param {unknown} schema */
const json = (schema) => ({ description: "ok", content: { "application/json": { schema } } });

describe("documentDefects", () => {
  const defects = documentDefects(spec, operations);
  const summary = defects.map(({ operationId, status, pointer, remedy }) => ({ operationId, status, pointer, remedy }));

  it("finds a property's own example that breaks the property's schema, where the $ref leads", () => {
    expect(summary).toContainEqual({
      operationId: "listAlerts",
      status: "200",
      pointer: "/components/schemas/Alert/properties/count/example",
      remedy: "dynamic",
    });
  });

  it("finds a media type's example that breaks its schema, and a shared response's once per operation", () => {
    expect(summary).toContainEqual({
      operationId: "listItems",
      status: "200",
      pointer: "/paths/~1items/get/responses/200/content/application~1json/example",
      remedy: "dynamic",
    });
    const shared = summary.filter((defect) => defect.pointer === notFound);
    expect(shared.map((defect) => `${defect.operationId} ${defect.status}`)).toEqual(["listItems 404", "getItem 404"]);
  });

  it("names a broken named example and serves the one that conforms", () => {
    expect(summary).toContainEqual({
      operationId: "getItem",
      status: "200",
      pointer: "/paths/~1items~1{itemId}/get/responses/200/content/application~1json/examples/broken",
      remedy: "named-example",
    });
    expect(operationDefects(spec, byId("getItem")).serving.get("200")).toEqual({ kind: "example", name: "good" });
  });

  it("waives a body declared in a type with neither a schema nor an example; text and JSON are answerable", () => {
    expect(summary).toContainEqual({
      operationId: "getItemArchive",
      status: "200",
      pointer: "/paths/~1items~1{itemId}~1archive/get/responses/200/content/application~1zip",
      remedy: "waived",
    });
    expect(summary.filter((defect) => defect.operationId === "getHealth")).toEqual([]);
  });

  it("reports a request example that breaks its schema without a status", () => {
    const request = defects.filter((defect) => defect.operationId === "createItem");
    expect(request).toEqual([
      {
        operationId: "createItem",
        pointer: "/paths/~1items/post/requestBody/content/application~1json/example",
        reason: "the example breaks its schema",
        remedy: "conforming-example",
      },
    ]);
  });

  it("waives every status but 422 of an operation whose request body nothing conforms to", () => {
    const refused = summary.filter((defect) => defect.operationId === "runAction" && defect.remedy === "waived");
    const schema = "/paths/~1actions/post/requestBody/content/application~1json/schema";
    expect(refused).toEqual([
      { operationId: "runAction", status: "201", pointer: schema, remedy: "waived" },
      { operationId: "runAction", status: "401", pointer: schema, remedy: "waived" },
    ]);
    // A broken request example beside one the schema yields that conforms is no reason to waive.
    expect(summary.filter((defect) => defect.operationId === "createItem" && defect.remedy === "waived")).toEqual([]);
  });

  it("finds nothing else: every defect of the fixture is one listed above", () => {
    // runAction's example is reported too: it breaks the schema as every body does.
    expect(defects).toHaveLength(10);
  });

  it("reports nothing for a $ref that leads nowhere (the linter's to report) instead of failing", () => {
    const dangling = {
      ...spec,
      paths: { "/x": { get: { operationId: "x", responses: { 200: { $ref: "#/components/responses/Gone" } } } } },
    };
    expect(documentDefects(dangling, listOperations(dangling))).toEqual([]);
  });
});

describe("a schema that is not valid JSON Schema", () => {
  // A document of our own: a component writes a schema where a type name belongs (as Codat's
  // `Item` does); one operation reaches it through another component, one does not.
  const defective = {
    openapi: "3.0.3",
    info: { title: "Items", version: "1" },
    paths: {
      "/items": { get: { operationId: "listItems", responses: { 200: json({ $ref: "#/components/schemas/Page" }) } } },
      "/accounts": { get: { operationId: "listAccounts", responses: { 200: json({ type: "object" }) } } },
      "/inline": { get: { operationId: "inline", responses: { 200: json({ type: "object", required: "id" }) } } },
    },
    components: {
      schemas: {
        Page: {
          type: "object",
          properties: { items: { type: "array", items: { $ref: "#/components/schemas/Item" } } },
        },
        Item: { type: "object", properties: { itemType: { type: { type: "string", enum: ["Service"] } } } },
      },
    },
  };
  const found = documentDefects(defective, listOperations(defective));

  it("waives each status whose schema reaches it, pointing at the place, and no other", () => {
    expect(found.map(({ operationId, status, pointer, remedy }) => ({ operationId, status, pointer, remedy }))).toEqual(
      [
        {
          operationId: "listItems",
          status: "200",
          pointer: "/components/schemas/Item/properties/itemType/type",
          remedy: "waived",
        },
        {
          operationId: "inline",
          status: "200",
          pointer: "/paths/~1inline/get/responses/200/content/application~1json/schema/required",
          remedy: "waived",
        },
      ],
    );
    expect(found[0]?.reason).toMatch(
      /^the schema is not valid JSON Schema \(must be .+\), so no answer can be checked against it$/,
    );
  });
});

describe("a oneOf whose members overlap", () => {
  // A document of our own, shaped as GitHub's: an event payload is one of several kinds, and one
  // kind is any object; a 422 is a validation error or a rule violation that requires nothing. The
  // answers the mock makes from the first member match two members and break the oneOf.
  const error = { type: "object", required: ["message"], properties: { message: { type: "string" } } };
  /** @type {Record<string, any>} */
  const overlapping = {
    openapi: "3.0.3",
    info: { title: "Events", version: "1" },
    paths: {
      "/events": {
        get: {
          operationId: "listEvents",
          responses: {
            200: {
              description: "ok",
              content: {
                "application/json": {
                  schema: { type: "array", items: { $ref: "#/components/schemas/Event" } },
                  // Broken (no payload kind): the mock would generate an answer from the schema.
                  example: [{ payload: 1 }],
                },
              },
            },
          },
        },
      },
      "/blobs": {
        post: {
          operationId: "createBlob",
          responses: {
            201: json({ type: "object", properties: { sha: { type: "string" } } }),
            422: json({
              oneOf: [{ $ref: "#/components/schemas/ValidationError" }, { $ref: "#/components/schemas/Rule" }],
            }),
          },
        },
      },
      "/forks": {
        post: {
          operationId: "createFork",
          responses: {
            // Overlapping too, but answered with the document's own example, which conforms.
            422: {
              description: "no",
              content: {
                "application/json": {
                  schema: {
                    oneOf: [{ $ref: "#/components/schemas/ValidationError" }, { $ref: "#/components/schemas/Rule" }],
                  },
                  example: { status: "blocked" },
                },
              },
            },
          },
        },
      },
      "/values": {
        get: {
          operationId: "getValue",
          responses: {
            // Both members accept null: an answer Prism generates (the example is broken) may be null.
            200: {
              description: "ok",
              content: {
                "application/json": { schema: { $ref: "#/components/schemas/Value" }, example: { value: true } },
              },
            },
            // Composed from the first member, a string: never null.
            404: json({ $ref: "#/components/schemas/Value" }),
          },
        },
      },
      "/ids/{id}": {
        get: {
          operationId: "getId",
          // Members that do not overlap: a string is no integer, and errors tell the 422s apart.
          responses: {
            200: json({ oneOf: [{ type: "integer" }, { type: "string" }] }),
            422: json({
              oneOf: [
                { $ref: "#/components/schemas/ValidationError" },
                { ...error, properties: { ...error.properties, errors: { type: "array", items: { type: "string" } } } },
              ],
            }),
          },
        },
      },
    },
    components: {
      schemas: {
        Event: {
          type: "object",
          properties: {
            payload: {
              oneOf: [
                { type: "object", required: ["ref"], properties: { ref: { type: "string" } } },
                { type: "object", description: "a public event: any object" },
              ],
            },
          },
        },
        ValidationError: {
          ...error,
          properties: {
            ...error.properties,
            errors: {
              type: "array",
              items: { type: "object", required: ["code"], properties: { code: { type: "string" } } },
            },
          },
        },
        Rule: { type: "object", properties: { message: { type: "string" }, status: { type: "string" } } },
        Value: {
          type: "object",
          required: ["value"],
          properties: {
            value: {
              oneOf: [
                { type: "string", nullable: true, pattern: "^x" },
                { type: "integer", nullable: true },
              ],
            },
          },
        },
      },
    },
  };
  const found = documentDefects(overlapping, listOperations(overlapping));

  it("waives each status answered from a schema whose oneOf has a member another accepts, and no other", () => {
    expect(found.map(({ operationId, status, pointer, remedy }) => ({ operationId, status, pointer, remedy }))).toEqual(
      [
        {
          operationId: "listEvents",
          status: "200",
          pointer: "/paths/~1events/get/responses/200/content/application~1json/example",
          remedy: "waived",
        },
        {
          operationId: "listEvents",
          status: "200",
          pointer: "/components/schemas/Event/properties/payload/oneOf",
          remedy: "waived",
        },
        {
          operationId: "createBlob",
          status: "422",
          pointer: "/paths/~1blobs/post/responses/422/content/application~1json/schema/oneOf",
          remedy: "waived",
        },
        {
          operationId: "getValue",
          status: "200",
          pointer: "/paths/~1values/get/responses/200/content/application~1json/example",
          remedy: "waived",
        },
        {
          operationId: "getValue",
          status: "200",
          pointer: "/components/schemas/Value/properties/value/oneOf",
          remedy: "waived",
        },
      ],
    );
    expect(found[4]?.reason).toBe(
      "the oneOf's members 0 and 1 both accept null, which therefore breaks the oneOf, so a null answer the mock generates there never conforms",
    );
    expect(found[1]?.reason).toBe(
      'the oneOf\'s member 1 accepts the values of its member 0 (such as {"ref":"string"}), which therefore match two members and break the oneOf, so no answer the mock makes from member 0 conforms',
    );
    const { serving } = operationDefects(overlapping, listOperations(overlapping)[1] ?? byId("none"));
    expect(serving.get("422")).toEqual({ kind: "waived", defect: found[2] });
    expect(serving.get("201")).toBeUndefined();
  });

  it("stops waiving once an overlay makes the members exclusive", () => {
    const fixed = structuredClone(overlapping);
    fixed.components.schemas.Rule.required = ["status"];
    fixed.components.schemas.Event.properties.payload.oneOf[1] = {
      type: "object",
      required: ["public"],
      properties: { public: { type: "boolean" } },
    };
    fixed.components.schemas.Value.properties.value.oneOf[1].nullable = false;
    const after = documentDefects(fixed, listOperations(fixed));
    expect(after.map(({ operationId, reason }) => ({ operationId, reason }))).toEqual([
      { operationId: "listEvents", reason: "the example breaks its schema" },
      { operationId: "getValue", reason: "the example breaks its schema" },
    ]);
    expect(after[0]?.remedy).toBe("dynamic");
  });
});

describe("the contract target", () => {
  const rendered = renderTarget("contract", spec, CONTRACT_OPTIONS);

  it(`writes ${DEFECTS_FILE} beside the bindings with every defect, each with its pointer and reason`, async () => {
    const files = await rendered;
    const written = JSON.parse(String(files.get(DEFECTS_FILE)));
    expect(written.defects).toEqual(documentDefects(spec, operations));
    expect(written.generated).toMatch(/\S/);
  });

  it("asks for a generated answer, or the conforming example, where the examples break the schema", async () => {
    const operationsTs = String((await rendered).get("operations.ts"));
    const entry = (/** @type {string} */ id) => {
      const start = operationsTs.indexOf(`operationId: "${id}"`);
      return operationsTs.slice(start, operationsTs.indexOf("openapiFetch:", start));
    };
    expect(entry("listAlerts")).toContain('prefer: "code=200, dynamic=true"');
    expect(entry("listItems")).toContain('prefer: "code=200, dynamic=true"');
    expect(entry("listItems")).toContain('prefer: "code=404, dynamic=true"');
    expect(entry("getItem")).toContain('prefer: "code=200, example=good"');
    expect(entry("getItemArchive")).toContain('prefer: "code=401"');
    expect(entry("getHealth")).toContain('prefer: "code=200"');
  });

  it("waives each status but 422 of an operation whose requests the mock refuses", async () => {
    const operationsTs = String((await rendered).get("operations.ts"));
    const start = operationsTs.indexOf('operationId: "runAction"');
    const entry = operationsTs.slice(start, operationsTs.indexOf("openapiFetch:", start));
    const waiver = "document defect at /paths/~1actions/post/requestBody/content/application~1json/schema";
    expect(entry.split(waiver).length - 1).toBe(2);
    expect(entry).toContain('{ declared: "422", status: 422, prefer: "code=422" }');
  });

  it("waives the status nothing valid can answer, with the defect's pointer and reason", async () => {
    const operationsTs = String((await rendered).get("operations.ts"));
    const start = operationsTs.indexOf('operationId: "getItemArchive"');
    const entry = operationsTs.slice(start, operationsTs.indexOf("openapiFetch:", start));
    expect(entry).toContain(
      'waived: "document defect at /paths/~1items~1{itemId}~1archive/get/responses/200/content/application~1zip: the application/zip body is declared with neither a schema nor an example, so there is nothing to answer with"',
    );
    expect(entry).toMatch(
      /documentDefect: \{\s*pointer: "\/paths\/~1items~1\{itemId\}~1archive\/get\/responses\/200\/content\/application~1zip",\s*reason: "the application\/zip body/,
    );
    // Only the defective status is waived; the JSON 401 beside it is asked for as usual.
    expect(entry).toContain('{ declared: "401", status: 401, prefer: "code=401" }');
  });

  it(`writes an empty ${DEFECTS_FILE} for a document without defects`, async () => {
    const healthy = { ...spec, paths: { "/health": spec.paths["/health"] } };
    const files = await renderTarget("contract", healthy, CONTRACT_OPTIONS);
    expect(JSON.parse(String(files.get(DEFECTS_FILE))).defects).toEqual([]);
  });
});
