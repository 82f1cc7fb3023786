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

  it("leaves a path key's fragment out of the URL and sends what it names, from the example", () => {
    const json = { "application/json": { schema: { type: "object" } } };
    const fragments = {
      openapi: "3.0.3",
      info: { title: "Fragments", version: "1" },
      paths: {
        "/#X-Amz-Target=Widgets.ListWidgets": {
          post: {
            operationId: "listWidgets",
            parameters: [
              {
                name: "X-Amz-Target",
                in: "header",
                required: true,
                schema: { type: "string", enum: ["Widgets.ListWidgets"] },
              },
            ],
            requestBody: { required: true, content: json },
            responses: { 200: { description: "ok" } },
          },
        },
        "/#Action=DescribeWidget": {
          get: {
            operationId: "describeWidget",
            parameters: [
              { name: "Action", in: "query", required: true, schema: { type: "string", enum: ["DescribeWidget"] } },
            ],
            responses: { 200: { description: "ok" } },
          },
        },
        "/v1/widgets/{id}/export#type": {
          get: {
            operationId: "exportWidget",
            parameters: [
              { name: "id", in: "path", required: true, schema: { type: "string", example: "w1" } },
              { name: "type", in: "query", required: true, schema: { type: "string", enum: ["csv"] } },
            ],
            responses: { 200: { description: "ok" } },
          },
        },
      },
    };
    /** @param {string} path @param {string} method */
    const curlOf = (path, method) => {
      const { [method]: operation } = /** @type {any} */ (fragments.paths)[path];
      return exampleCurl(
        { ...fragments, paths: { [path]: { [method]: operation } } },
        { baseUrl: "http://m", apiKey: "k" },
      );
    };
    const amzJson = curlOf("/#X-Amz-Target=Widgets.ListWidgets", "post");
    expect(amzJson).toContain('curl --request POST "http://m/" \\');
    expect(amzJson).toContain('--header "X-Amz-Target: Widgets.ListWidgets"');
    expect(curlOf("/#Action=DescribeWidget", "get")).toBe('curl --request GET "http://m/?Action=DescribeWidget"');
    expect(curlOf("/v1/widgets/{id}/export#type", "get")).toBe(
      'curl --request GET "http://m/v1/widgets/w1/export?type=csv"',
    );
    for (const command of [amzJson, curlOf("/#Action=DescribeWidget", "get")]) expect(command).not.toContain("#");
  });
});
