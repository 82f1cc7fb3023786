// @ts-check
import { describe, expect, it } from "vitest";
import { exampleCurl } from "../src/index.js";

/** A document whose first operation has no tag (no SDK resource), a path-level parameter and an API key in a query. */
const document = {
  openapi: "3.0.3",
  info: { title: "Widgets", version: "1" },
  servers: [{ url: "https://widgets.example.com" }],
  paths: {
    "/widgets/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", example: 7 } }],
      delete: {
        operationId: "removeWidget",
        security: [{ key: [] }],
        responses: { 204: { description: "Gone" } },
      },
    },
    "/widgets": { get: { operationId: "listWidgets", responses: { 200: { description: "All" } } } },
  },
  components: { securitySchemes: { key: { type: "apiKey", in: "query", name: "api_key" } } },
};

describe("exampleCurl", () => {
  it("is the first operation's example request against the given server, with the given key", () => {
    expect(exampleCurl(document, { baseUrl: "http://127.0.0.1:4010/", apiKey: "test" })).toBe(
      'curl --request DELETE "http://127.0.0.1:4010/widgets/7?api_key=test"',
    );
  });

  it("keeps a shell variable as the key unencoded, and is undefined without operations", () => {
    expect(exampleCurl(document, { baseUrl: "https://x.example", apiKey: "$WIDGETS_KEY" })).toContain(
      "api_key=$WIDGETS_KEY",
    );
    expect(exampleCurl({ ...document, paths: {} }, { baseUrl: "http://x", apiKey: "k" })).toBeUndefined();
  });
});
