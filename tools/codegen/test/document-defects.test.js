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
