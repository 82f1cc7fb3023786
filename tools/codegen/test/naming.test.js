// @ts-check

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { listOperations } from "@sdkit/openapi";
import { describe, expect, it } from "vitest";
import { renderTarget } from "../src/generate.js";
import { buildModel } from "../src/model.js";
import { isIdentifier, isReservedName, planSdk, sampleFileName, sdkName, words } from "../src/naming.js";
import { tinySpec } from "./helpers.js";

const sdkConfig = fileURLToPath(new URL("./fixtures/acme.sdk.config.json", import.meta.url));

/** @param {ReturnType<typeof tinySpec>} spec */
const names = (spec) =>
  [...planSdk(listOperations(spec))].flatMap(([resource, methods]) => methods.map((m) => `${resource}.${m.name}`));

describe("words", () => {
  it.each([
    ["upsertContact", ["upsert", "contact"]],
    ["upsert_contact", ["upsert", "contact"]],
    ["Upsert Contact", ["upsert", "contact"]],
    ["contacts/get.v2", ["contacts", "get", "v2"]],
    ["getHTTPStatus", ["get", "http", "status"]],
  ])("%s → %j", (name, expected) => {
    expect(words(name)).toEqual(expected);
  });
});

describe("the SDK naming rule", () => {
  it("resource from the first tag, method from the operationId without the resource's words", () => {
    const spec = tinySpec({
      "POST /contacts": { operationId: "upsertContact", tags: ["contacts"] },
      "GET /contacts": { operationId: "listContacts", tags: ["contacts"] },
      "GET /contacts/{id}/notes": {
        operationId: "getContactNotes",
        tags: ["contacts"],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      },
      "GET /contact-notes": { operationId: "list_contact_notes", tags: ["Contact notes"] },
      "GET /ping": { operationId: "contacts", tags: ["contacts"] },
    });
    // Document order: paths as written, GET before POST within a path.
    expect(names(spec)).toEqual([
      "contacts.list",
      "contacts.upsert",
      "contacts.getNotes",
      "contacts.contacts",
      "contactNotes.list",
    ]);
  });

  it("x-sdk-resource and x-sdk-method win over the rule", () => {
    const spec = tinySpec({
      "GET /a": { operationId: "fetchEverything", tags: ["misc"], "x-sdk-resource": "things", "x-sdk-method": "all" },
    });
    expect(names(spec)).toEqual(["things.all"]);
  });

  it("an operation without a tag or x-sdk-resource is an error naming it", () => {
    const spec = tinySpec({ "GET /ping": { operationId: "ping" } });
    const [op] = listOperations(spec, { file: "api.json" });
    expect(() => sdkName(/** @type {any} */ (op), "api.json")).toThrow(
      "api.json #/paths/~1ping/get: GET /ping (ping) has no tag and no x-sdk-resource",
    );
  });

  it("a reserved word is a valid method name (it only ever follows a dot)", () => {
    const spec = tinySpec({
      "DELETE /pets/{id}": {
        operationId: "deletePet",
        tags: ["pets"],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      },
      "GET /pets/{id}": {
        operationId: "pets/new",
        tags: ["pets"],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      },
    });
    expect(names(spec)).toEqual(["pets.new", "pets.delete"]);
  });

  it("an x-sdk-method that is not an identifier is refused", () => {
    const spec = tinySpec({ "GET /a": { operationId: "a", tags: ["t"], "x-sdk-method": "get-all" } });
    expect(() => names(spec)).toThrow(/x-sdk-method must be a JavaScript identifier, found "get-all"/);
    const spaced = tinySpec({ "GET /a": { operationId: "a", tags: ["t"], "x-sdk-method": "get all" } });
    expect(() => names(spaced)).toThrow(/x-sdk-method must be a JavaScript identifier, found "get all"/);
  });

  it("two operations on one derived method: the later one takes its whole operationId, then a number", () => {
    const spec = tinySpec({
      "GET /contacts": { operationId: "getContacts", tags: ["contacts"] },
      "GET /contact": { operationId: "getContact", tags: ["contacts"] },
      "GET /contact/x": { operationId: "get-contact", tags: ["contacts"] },
    });
    expect(names(spec)).toEqual(["contacts.get", "contacts.getContact", "contacts.getContact2"]);
  });

  it("a derived name that is no identifier is made one rather than refused", () => {
    const spec = tinySpec({
      "GET /a": { operationId: "2fa", tags: ["2.0 API"] },
      "GET /b": { operationId: "listIndexes", tags: ["index"] },
    });
    expect(names(spec)).toEqual(["api20Api.op2fa", "indexResource.listIndexes"]);
  });

  it("a tag named like a generated file or folder (Client, Core) gets a resource of its own name", async () => {
    const spec = tinySpec({
      "POST /client": { operationId: "RegisterClient", tags: ["Client"] },
      "GET /core": { operationId: "getCore", tags: ["core"] },
      "GET /things": { operationId: "listThings", tags: ["things"] },
    });
    expect(names(spec)).toEqual(["clientResource.register", "coreResource.get", "things.list"]);
    const sdk = await renderTarget("sdk", spec, { file: "openapi.json", typesModule: "@acme/types", sdkConfig });
    expect([...sdk.keys()].filter((name) => /Resource\.ts$/.test(name)).sort()).toEqual([
      "clientResource.ts",
      "coreResource.ts",
    ]);
  });

  it("a tag named webhooks gets a resource of its own name where the client has webhooks.unwrap", async () => {
    const operations = {
      "GET /webhooks": { operationId: "listWebhooks", tags: ["Webhooks"] },
      "GET /things": { operationId: "listThings", tags: ["things"] },
    };
    // Without webhook events the tag keeps its plain name.
    expect([...buildModel(tinySpec(operations)).plan.keys()]).toEqual(["webhooks", "things"]);
    const spec = {
      ...tinySpec(operations),
      webhooks: {
        thingCreated: {
          post: {
            requestBody: { content: { "application/json": { schema: { type: "object" } } } },
            responses: { 200: { description: "ok" } },
          },
        },
      },
    };
    expect([...buildModel(spec).plan.keys()]).toEqual(["webhooksResource", "things"]);
    const sdk = await renderTarget("sdk", spec, { file: "openapi.json", typesModule: "@acme/types", sdkConfig });
    expect(sdk.has("webhooksResource.ts")).toBe(true);
  });

  it("operations that differ only by their verb share one method, POST first", () => {
    const shared = { tags: ["contacts"], "x-sdk-method": "upsert", requestBody: { content: {} } };
    const spec = tinySpec({
      "PUT /contacts": { operationId: "putContact", ...shared },
      "POST /contacts": { operationId: "postContact", ...shared },
    });
    const plan = planSdk(listOperations(spec));
    const upsert = plan.get("contacts")?.[0];
    expect(upsert?.variants.map((op) => op.method)).toEqual(["post", "put"]);
  });

  it("the same path and name with different bodies is still a collision", () => {
    const spec = tinySpec({
      "PUT /contacts": {
        operationId: "putContact",
        tags: ["contacts"],
        "x-sdk-method": "save",
        requestBody: { content: { "application/json": { schema: { type: "string" } } } },
      },
      "POST /contacts": { operationId: "postContact", tags: ["contacts"], "x-sdk-method": "save" },
    });
    expect(() => names(spec)).toThrow(/putContact .* and postContact .* \(different request bodies\)/);
  });
});

describe("operations", () => {
  it("an operation without an operationId is an error with its pointer", () => {
    const spec = tinySpec({ "DELETE /contacts/{id}": {} });
    expect(() => listOperations(spec, { file: "openapi.json" })).toThrow(
      "openapi.json #/paths/~1contacts~1{id}/delete: DELETE /contacts/{id} has no operationId",
    );
  });

  it("a duplicate operationId is an error naming both places", () => {
    const spec = tinySpec({ "GET /a": { operationId: "same" }, "GET /b": { operationId: "same" } });
    expect(() => listOperations(spec)).toThrow(
      /operationId "same" is used twice: by #\/paths\/~1a\/get and #\/paths\/~1b\/get/,
    );
  });

  it("path-item parameters apply to each operation, and the path template must match them", () => {
    const spec = tinySpec({ "GET /a/{id}": { operationId: "getA", tags: ["a"] } });
    expect(() => buildModel(spec, "x.json")).toThrow(/names \{id\}, but no path parameter "id" is declared/);
    /** @type {any} */ (spec.paths["/a/{id}"]).parameters = [
      { name: "id", in: "path", required: true, schema: { type: "string" } },
    ];
    expect(buildModel(spec).operations[0]?.pathParams.map((p) => p.name)).toEqual(["id"]);
  });

  it("a template in a key's query string is refused with the way to move it", () => {
    const spec = tinySpec({ "GET /search?q={q}": { operationId: "search", tags: ["a"] } });
    expect(() => buildModel(spec, "x.json")).toThrow(
      /names \{q\}, .*\(the key holds a query string: move it to the path/,
    );
    expect(() => buildModel(tinySpec({ "GET /a/{id}": { operationId: "getA", tags: ["a"] } }))).not.toThrow(
      /query string/,
    );
  });
});

describe("sampleFileName", () => {
  it.each([
    ["upsertContact", "upsertContact"],
    ["contacts/get", "contacts%2Fget"],
    ["get contact", "get%20contact"],
    ["contacts.get", "contacts%2Eget"],
    ["..", "%2E%2E"],
    ["kontakt-ä", "kontakt-%C3%A4"],
  ])("%s → %s", (operationId, expected) => {
    expect(sampleFileName(operationId)).toBe(expected);
    expect(decodeURIComponent(expected)).toBe(operationId);
  });
});

describe("reserved words and TypeScript's predefined type names", () => {
  const fixture = JSON.parse(readFileSync(new URL("./fixtures/reserved-names.json", import.meta.url), "utf8"));

  it("never become a declared name: a schema takes its PascalCase alias, a suffix when the document has that too", () => {
    const model = buildModel(structuredClone(fixture), "reserved-names.json");
    expect(Object.fromEntries(model.schemaAliases)).toEqual({
      string: "String2",
      number: "Number",
      delete: "Delete",
      String: "String",
      Thing: "Thing",
    });
    for (const alias of model.schemaAliases.values()) expect(isReservedName(alias)).toBe(false);
  });

  it("an operationId or parameter that is one gets a declarable identifier; as a method name it stays", () => {
    const model = buildModel(structuredClone(fixture), "reserved-names.json");
    const remove = model.byId.get("delete");
    expect(remove?.identifier).toBe("_delete");
    expect(remove?.sdkMethod).toBe("delete");
    expect(remove?.pathParams.map((param) => param.identifier)).toEqual(["paramString"]);
    expect(model.byId.get("void")?.identifier).toBe("_void");
  });

  it.each(["string", "undefined", "class", "await"])(
    "is refused as x-sdk-resource %j, naming the file and field",
    (name) => {
      const spec = tinySpec({ "GET /a": { operationId: "a", "x-sdk-resource": name } });
      const [op] = listOperations(spec, { file: "api.json" });
      expect(() => sdkName(/** @type {any} */ (op), "api.json")).toThrow(
        `api.json #/paths/~1a/get/x-sdk-resource: x-sdk-resource ${JSON.stringify(name)} is a reserved word or TypeScript type name: choose another name`,
      );
    },
  );

  it.each(["string", "null", "let", "arguments", "bigint"])("%s is one", (name) => {
    expect(isReservedName(name)).toBe(true);
    expect(isIdentifier(name)).toBe(false);
  });

  it.each(["String", "strings", "Delete", "of"])("%s is not", (name) => {
    expect(isReservedName(name)).toBe(false);
    expect(isIdentifier(name)).toBe(true);
  });
});
