// @ts-check
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agreements, explainedBy, loadDifferences } from "../src/differences.js";
import { diffWireModels } from "../src/wire-diff.js";
import { wireModel } from "../src/wire-model.js";
import { FIXTURES } from "./support/paths.js";

/**
 * A one-operation document of our own: GET /widgets/{key} answering 200 with `{ item: { key, label } }`.
 *
 * @param {{ required: boolean }} options whether `item` and `item.key` are required
 */
function widgets({ required }) {
  return {
    openapi: "3.0.3",
    info: { title: "Widgets", version: "1" },
    paths: {
      "/widgets/{key}": {
        get: {
          parameters: [{ name: "key", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            200: {
              description: "The widget",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    ...(required ? { required: ["item"] } : {}),
                    properties: {
                      item: {
                        type: "object",
                        ...(required ? { required: ["key"] } : {}),
                        properties: { key: { type: "string" }, label: { type: "string" } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}

const ours = wireModel(widgets({ required: true }), "ours.yaml");
const theirs = wireModel(widgets({ required: false }), "theirs.yaml");

describe("a listed response-side difference (required-response-property)", () => {
  it("explains our required response properties that the upstream document leaves optional", async () => {
    const differences = await loadDifferences(join(FIXTURES, "differences/response-required.yaml"));
    const changes = diffWireModels(ours, theirs);
    expect(changes.map((change) => change.id).sort()).toEqual([
      "changed response-property GET /widgets/{key} 200 item required",
      "changed response-property GET /widgets/{key} 200 item.key required",
    ]);
    for (const change of changes) expect(explainedBy(change, differences)?.id).toBe("item-required");
  });

  it("does not explain the same properties in another status, the other direction, or an unlisted property", async () => {
    const differences = await loadDifferences(join(FIXTURES, "differences/response-required.yaml"));
    const [change] = diffWireModels(ours, theirs);
    if (!change) throw new Error("expected a change");
    expect(explainedBy({ ...change, status: "201" }, differences)).toBeUndefined();
    expect(explainedBy({ ...change, from: false, to: true }, differences)).toBeUndefined();
    expect(explainedBy({ ...change, name: "item.label" }, differences)).toBeUndefined();
    // Hatch making a response property optional that we did not list is still a change.
    expect(explainedBy(change, [])).toBeUndefined();
  });

  it("reports the difference as agreed once the upstream document requires the properties too", async () => {
    const differences = await loadDifferences(join(FIXTURES, "differences/response-required.yaml"));
    expect(diffWireModels(ours, ours)).toEqual([]);
    expect(agreements(differences, ours, ours).map((agreement) => agreement.text)).toEqual([
      "GET /widgets/{key}: the upstream document now marks `item` required in the 200 response too.",
      "GET /widgets/{key}: the upstream document now marks `item.key` required in the 200 response too.",
    ]);
    expect(agreements(differences, ours, theirs)).toEqual([]);
  });

  it("refuses an entry without the status it is about, naming the file and pointer", async () => {
    const path = join(FIXTURES, "differences/missing-status.yaml");
    await expect(loadDifferences(path)).rejects.toMatchObject({
      message: expect.stringContaining("needs the response `status`"),
    });
    await expect(loadDifferences(path)).rejects.toThrow(/differences\/0\/status/);
  });
});
