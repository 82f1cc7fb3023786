// @ts-check
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const scratch = mkdtempSync(join(tmpdir(), "sdkit-mock-knot-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A small document of our own whose resources form one knot, as Stripe's do: each of `size`
 * resources has an "expandable" field for every other one (its id, or the object). As Prism reads
 * it, every path through the knot is a schema to copy and walk: (size - 1)! and more of them.
 *
 * @param {number} size
 */
function knotDocument(size) {
  const names = Array.from({ length: size }, (_, i) => `resource${i}`);
  /** @type {Record<string, unknown>} */
  const schemas = {};
  for (const name of names) {
    schemas[name] = {
      type: "object",
      required: ["id", "object"],
      properties: {
        id: { type: "string" },
        object: { type: "string", enum: [name] },
        ...Object.fromEntries(
          names
            .filter((other) => other !== name)
            .map((other) => [other, { anyOf: [{ type: "string" }, { $ref: `#/components/schemas/${other}` }] }]),
        ),
      },
    };
  }
  return {
    openapi: "3.0.3",
    info: { title: "Knot", version: "1" },
    paths: {
      "/resources/{id}": {
        get: {
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            200: {
              description: "ok",
              content: { "application/json": { schema: { $ref: "#/components/schemas/resource0" } } },
            },
          },
        },
        post: {
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/resource1" } } },
          },
          responses: { 204: { description: "stored" } },
        },
      },
    },
    components: { schemas },
  };
}

describe("a document whose schemas form one knot of many cycles", () => {
  it("starts within the ordinary start timeout, answers from the schema, and still checks requests", async () => {
    const specPath = join(scratch, "openapi.json");
    writeFileSync(specPath, JSON.stringify(knotDocument(12)));
    // The default start timeout (30 s), as every user of the mock gets it.
    const mock = await startMock({ specPath, log: () => {} });
    try {
      const answer = await fetch(`${mock.url}/resources/r_1`);
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ id: expect.any(String), object: "resource0" });

      const post = (/** @type {unknown} */ body) =>
        fetch(`${mock.url}/resources/r_1`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      // An expanded field is allowed, as the document allows it.
      expect(
        (await post({ id: "r_1", object: "resource1", resource2: { id: "r_2", object: "resource2" } })).status,
      ).toBe(204);
      // The resource's own fields are checked as the document says.
      expect((await post({ id: "r_1", object: "resource7" })).status).toBe(422);
    } finally {
      await mock.stop();
    }
  });
});
