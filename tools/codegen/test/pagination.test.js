// @ts-check
import { describe, expect, it } from "vitest";
import { renderTarget } from "../src/generate.js";
import { buildModel } from "../src/model.js";
import { paginationOf } from "../src/pagination.js";
import { tinySpec } from "./helpers.js";

const query = (/** @type {string[]} */ ...names) =>
  names.map((name) => ({ name, in: "query", schema: { type: "string" } }));
const list = {
  type: "object",
  properties: { data: { type: "array", items: { type: "object" } }, next: { type: "string" } },
};

/** The pagination of the document's only operation. @param {unknown} extension @param {Record<string, unknown>} [schema] */
function paginationFor(extension, schema = list, parameters = query("cursor", "limit")) {
  const spec = tinySpec({
    "GET /things": {
      operationId: "listThings",
      tags: ["things"],
      parameters,
      "x-sdk-pagination": extension,
      responses: { 200: { description: "ok", content: { "application/json": { schema } } } },
    },
  });
  const model = buildModel(spec, "openapi.json");
  return paginationOf(spec, /** @type {any} */ (model.operations[0]), "openapi.json");
}

describe("x-sdk-pagination", () => {
  it("describes each style as the core reads it, and types the items", () => {
    expect(
      paginationFor({ style: "cursor", items: "data", cursorParam: "cursor", nextCursor: "next", limitParam: "limit" }),
    ).toEqual({
      descriptor: {
        style: "cursor",
        items: ["data"],
        cursorParam: "cursor",
        limitParam: "limit",
        nextCursor: ["next"],
      },
      itemType: 'NonNullable<NonNullable<ListThingsResponse>["data"]>[number]',
    });
    expect(paginationFor({ style: "link" }, { type: "array", items: {} })?.descriptor).toEqual({
      style: "link",
      items: [],
    });
    expect(paginationFor({ style: "page", items: "data", pageParam: "cursor" })?.descriptor).toMatchObject({
      pageParam: "cursor",
    });
  });

  it.each([
    [{ style: "seek" }, /must be an object whose style is one of cursor, offset, page, link/],
    [{ style: "cursor", items: "data" }, /style cursor needs cursorParam/],
    [{ style: "cursor", items: "data", cursorParam: "cursor" }, /style cursor needs nextCursor .* or cursorItemField/],
    [
      { style: "offset", items: "data", offsetParam: "offset" },
      /offsetParam "offset" is not a query parameter of the operation \(it declares cursor, limit\)/,
    ],
    [{ style: "link", items: "next" }, /items "next" is not an array in the success schema/],
    [{ style: "link", item: "data" }, /unknown field item/],
  ])("refuses %j with the pointer", (extension, message) => {
    expect(() => paginationFor(extension)).toThrow(
      new RegExp(`#/paths/~1things/get/x-sdk-pagination: ${message.source}`),
    );
  });

  it("the docs sample of a paginated method iterates its items", async () => {
    const spec = tinySpec({
      "GET /things": {
        operationId: "listThings",
        tags: ["things"],
        parameters: query("cursor"),
        "x-sdk-pagination": { style: "cursor", items: "data", cursorParam: "cursor", nextCursor: "next" },
        responses: { 200: { description: "ok", content: { "application/json": { schema: list } } } },
      },
    });
    const files = await renderTarget("samples", spec, {
      file: "openapi.json",
      clientPackage: "@acme/client",
      clientFactory: "createAcme",
      clientVariable: "acme",
      apiKeyEnv: "ACME_KEY",
    });
    expect(files.get("listThings.ts")).toContain(
      "for await (const item of acme.things.list()) {\n  console.log(item);\n}",
    );
  });
});
