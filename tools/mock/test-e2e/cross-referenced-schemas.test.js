// @ts-check
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const scratch = mkdtempSync(join(tmpdir(), "sdkit-mock-lattice-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A small document (3 KB) whose schemas reference each other in many ways, as large public
 * ones do (Stripe's, say): `Level<i>` reaches `Level<i-1>` through two properties, so `Level<depth>`
 * is `depth + 1` schemas but 2^depth copies of `Level0` once every $ref is replaced by its value.
 * Unpatched, Prism's $ref resolution (@stoplight/json-schema-ref-parser) and its cycle removal
 * (@stoplight/json's decycle) walked and copied every one of those copies, twice over at start-up;
 * at this depth that is minutes, past the ordinary start timeout. The patches in patches/ visit each
 * schema once.
 */
function latticeDocument(/** @type {number} */ depth) {
  /** @type {Record<string, unknown>} */
  const schemas = { Level0: { type: "object", properties: { id: { type: "string" } } } };
  for (let level = 1; level <= depth; level++) {
    const below = { $ref: `#/components/schemas/Level${level - 1}` };
    schemas[`Level${level}`] = { type: "object", properties: { left: below, right: { ...below } } };
  }
  const json = (/** @type {unknown} */ example, /** @type {unknown} */ schema) => ({
    description: "ok",
    content: { "application/json": { schema, example } },
  });
  return {
    openapi: "3.0.3",
    info: { title: "Lattice", version: "1" },
    paths: {
      "/lattice": {
        get: { responses: { 200: json({ left: {}, right: {} }, { $ref: `#/components/schemas/Level${depth}` }) } },
      },
      "/health": {
        get: { responses: { 200: json({ ok: true }, { type: "object", properties: { ok: { type: "boolean" } } }) } },
      },
    },
    components: { schemas },
  };
}

describe("a document whose schemas reference each other in many ways", () => {
  it("starts within the ordinary start timeout and serves its operations", async () => {
    const specPath = join(scratch, "openapi.json");
    writeFileSync(specPath, JSON.stringify(latticeDocument(19)));
    // The default start timeout (30 s), as every user of the mock gets it.
    const mock = await startMock({ specPath, log: () => {} });
    try {
      const health = await fetch(`${mock.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true });
      // Not /lattice: answering it means validating against 2^19 copies of Level0, which no
      // patch here changes (Prism validates its own answers against the full schema).
    } finally {
      await mock.stop();
    }
  });
});
