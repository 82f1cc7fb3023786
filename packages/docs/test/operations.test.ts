import { DocsBuildError, listOperations, operationsInDocumentOrder } from "@sdkit/docs";
import { describe, expect, it } from "vitest";

const spec = {
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {
    "/b": {
      summary: "methods written against the lister's fixed order (get, put, post, delete ...)",
      post: { operationId: "createB", responses: {} },
      delete: { operationId: "deleteB", responses: {} },
      get: { operationId: "listB", responses: {} },
    },
    "/a": { put: { operationId: "putA", responses: {} } },
  },
};

describe("operations", () => {
  it("the reference's order is the document's, paths and methods as written", () => {
    expect(operationsInDocumentOrder(spec).map(({ operationId }) => operationId)).toEqual([
      "createB",
      "deleteB",
      "listB",
      "putA",
    ]);
    // The same operations as the shared lister's, which orders methods its own way.
    expect(listOperations(spec).map(({ operationId }) => operationId)).toEqual(["listB", "createB", "deleteB", "putA"]);
  });

  it("an operation without an operationId is a DocsBuildError naming it, in either order", () => {
    const broken = { ...spec, paths: { ...spec.paths, "/c": { get: { responses: {} } } } };
    for (const list of [listOperations, operationsInDocumentOrder]) {
      expect(() => list(broken)).toThrow(DocsBuildError);
      expect(() => list(broken)).toThrow(/#\/paths\/~1c\/get: GET \/c has no operationId/);
    }
  });
});
