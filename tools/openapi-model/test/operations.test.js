// @ts-check
// Listing operations: document order, methods in HTTP_METHODS order, merged parameters, and errors
// that name the operation.
import { describe, expect, it } from "vitest";
import { HTTP_METHODS, listOperations } from "../src/index.js";

describe("listOperations", () => {
  it("lists paths as written and methods in HTTP_METHODS order, with path-item parameters merged", () => {
    const spec = {
      openapi: "3.0.3",
      paths: {
        "/b/{id}": {
          parameters: [{ $ref: "#/components/parameters/Id" }, { name: "x", in: "query" }],
          post: { operationId: "postB", parameters: [{ name: "x", in: "query", required: true }] },
          get: { operationId: "getB", tags: ["b"], responses: { 200: {}, "5XX": {} } },
          summary: "not an operation",
        },
        "/a": { $ref: "#/components/pathItems/A" },
      },
      components: {
        parameters: { Id: { name: "id", in: "path", required: true } },
        pathItems: { A: { delete: { operationId: "deleteA" } } },
      },
    };
    const listed = listOperations(spec);
    expect(listed.map((op) => `${op.method} ${op.path}`)).toEqual(["get /b/{id}", "post /b/{id}", "delete /a"]);
    expect(listed[0]).toMatchObject({ pointer: "/paths/~1b~1{id}/get", tags: ["b"], statuses: ["200", "5XX"] });
    expect(listed[1]?.parameters).toEqual([
      { name: "id", in: "path", required: true },
      { name: "x", in: "query", required: true },
    ]);
  });

  it("refuses an operation without an operationId, and a duplicate one, naming where", () => {
    expect(() => listOperations({ paths: { "/a": { get: {} } } }, { file: "api.yaml" })).toThrow(
      /^api\.yaml #\/paths\/~1a\/get: GET \/a has no operationId/,
    );
    expect(() =>
      listOperations({ paths: { "/a": { get: { operationId: "x" } }, "/b": { put: { operationId: "x" } } } }),
    ).toThrow(/operationId "x" is used twice: by #\/paths\/~1a\/get and #\/paths\/~1b\/put/);
  });

  it("knows the eight methods a Path Item may hold", () => {
    expect([...HTTP_METHODS].sort()).toEqual(["delete", "get", "head", "options", "patch", "post", "put", "trace"]);
  });
});
