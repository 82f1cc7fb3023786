import { describe, expect, it } from "vitest";
import { ResponseValidator } from "../src/json-schema.js";
import type { Exchange } from "../src/recording-fetch.js";
import { listOperations, type OpenApiDocument } from "../src/spec.js";
import { expectSpecResponse } from "../src/support/assertions.js";
import type { ContractBinding } from "../src/support/subject.js";
import { BODY_ON_GET_OR_HEAD, operationWaiver } from "../src/support/waivers.js";

// A small document of our own: a search that sends its filter as a GET body, the same as a POST,
// and a delete that declares a JSON body on its 204.
const json = {
  "application/json": { schema: { type: "object", required: ["id"], properties: { id: { type: "string" } } } },
};
const spec: OpenApiDocument = {
  openapi: "3.0.3",
  info: { title: "Search", version: "1" },
  paths: {
    "/search": {
      get: { operationId: "searchGet", requestBody: { content: json }, responses: { "200": { description: "ok" } } },
      head: { operationId: "searchHead", requestBody: { content: json }, responses: { "200": { description: "ok" } } },
      post: { operationId: "searchPost", requestBody: { content: json }, responses: { "200": { description: "ok" } } },
    },
    "/things/{id}": {
      delete: {
        operationId: "deleteThing",
        responses: { "204": { description: "gone", content: json }, "200": { description: "gone", content: json } },
      },
    },
  },
};
const operations = listOperations(spec);
const operation = (id: string) => {
  const found = operations.find((candidate) => candidate.operationId === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const binding = (id: string, waived?: string) =>
  ({ operationId: id, ...(waived === undefined ? {} : { waived }) }) as unknown as ContractBinding<unknown>;

describe("operationWaiver", () => {
  it("waives a GET or HEAD with a request body, which fetch cannot send", () => {
    expect(operationWaiver(spec, operation("searchGet"), binding("searchGet"))).toBe(BODY_ON_GET_OR_HEAD);
    expect(operationWaiver(spec, operation("searchHead"), binding("searchHead"))).toBe(BODY_ON_GET_OR_HEAD);
  });

  it("does not waive the same body on a POST, nor an operation without a body", () => {
    expect(operationWaiver(spec, operation("searchPost"), binding("searchPost"))).toBeUndefined();
    expect(operationWaiver(spec, operation("deleteThing"), binding("deleteThing"))).toBeUndefined();
  });

  it("takes the generated binding's own reason first", () => {
    const reason = "no value of the path parameter id satisfies its schema (maxLength 0)";
    expect(operationWaiver(spec, operation("deleteThing"), binding("deleteThing", reason))).toBe(reason);
  });
});

describe("a 204, 205 or 304 answer", () => {
  const validator = new ResponseValidator(spec);
  const exchange = (status: number): Exchange => ({
    method: "DELETE",
    url: "http://127.0.0.1/things/1",
    requestHeaders: new Headers(),
    status,
    headers: new Headers(),
    body: undefined,
    violations: [],
  });

  it("is expected without a body even where the document declares JSON content for it", () => {
    expect(() => expectSpecResponse(validator, operation("deleteThing"), "204", exchange(204), 204)).not.toThrow();
  });

  it("while an empty 200 whose JSON schema requires properties still fails", () => {
    expect(() => expectSpecResponse(validator, operation("deleteThing"), "200", exchange(200), 200)).toThrow(
      /does not match the 200 schema/,
    );
  });
});
