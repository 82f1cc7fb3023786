// @ts-check
import { tinySpec } from "./helpers.js";

/**
 * A document of `count` operations, each with its own path, query parameter and body property
 * (so every tool's literal has a different shape, as in GitHub's description of ~1,000 operations),
 * for tests that need a document as big as the largest real ones without reading one.
 *
 * @param {number} count
 */
export function manyOperations(count) {
  /** @type {Record<string, Record<string, unknown>>} */
  const operations = {};
  for (let i = 0; i < count; i++) {
    const write = i % 2 === 1;
    operations[`${write ? "POST" : "GET"} /things${i}/{id}`] = {
      operationId: `op${i}`,
      tags: [`group${i % 50}`],
      summary: `Operation ${i}`,
      parameters: [
        { name: "id", in: "path", required: true, schema: { type: "string" } },
        { name: `filter${i}`, in: "query", schema: { type: "string", enum: [`a${i}`, `b${i}`] } },
      ],
      ...(write
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: [`field${i}`],
                    properties: {
                      [`field${i}`]: { type: "integer", minimum: i },
                      ref: { $ref: "#/components/schemas/Shared" },
                    },
                  },
                },
              },
            },
          }
        : {}),
    };
  }
  return tinySpec(operations, {
    components: { schemas: { Shared: { type: "object", properties: { note: { type: "string" } } } } },
  });
}
