// @ts-check
// openapi-typescript fetches a URL `$ref` (and reads a file one) when handed a document holding
// one. Codegen reads bundled documents only: any `$ref` that is not local is refused, with its
// pointer, before a target runs, and nothing is requested.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startRecordingServer } from "@hatch-api/test-support";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generate, renderTarget, TARGETS } from "../src/generate.js";
import { scratch, tinySpec } from "../test/helpers.js";

/** @type {Awaited<ReturnType<typeof startRecordingServer>>} */
let server;
/** @type {string} */
let origin;
/** @type {string[]} */
let requests;
beforeAll(async () => {
  server = await startRecordingServer(JSON.stringify({ type: "object", properties: { name: { type: "string" } } }));
  origin = server.url;
  requests = server.hits;
});
afterAll(async () => {
  await server.close();
});

/** @type {Awaited<ReturnType<typeof scratch>>} */
let work;
beforeEach(async () => {
  work = await scratch("remote-refs");
  requests.length = 0;
});
afterEach(async () => {
  await work.remove();
});

/** @param {string} ref */
function specWithRef(ref) {
  return tinySpec({
    "GET /pets": {
      operationId: "listPets",
      tags: ["pets"],
      responses: { 200: { description: "ok", content: { "application/json": { schema: { $ref: ref } } } } },
    },
  });
}

const OPTIONS = {
  clientPackage: "p",
  clientFactory: "f",
  clientVariable: "v",
  apiKeyEnv: "K",
  typesModule: "t",
  sdkConfig: fileURLToPath(new URL("../test/fixtures/acme.sdk.config.json", import.meta.url)),
  clientType: "T",
  providerUrlEnv: "U",
};

describe("a $ref that is not local", () => {
  it("a URL: the types target refuses it with its pointer and requests nothing", async () => {
    // Sanity check that the server answers, so "no request" below means none was made.
    expect((await fetch(`${origin}/probe`)).status).toBe(200);
    requests.length = 0;
    await expect(renderTarget("types", specWithRef(`${origin}/pet.json`), { file: "openapi.json" })).rejects.toThrow(
      `openapi.json #/paths/~1pets/get/responses/200/content/application~1json/schema: $ref "${origin}/pet.json" is not local`,
    );
    expect(requests).toEqual([]);
  });

  it.each(Object.keys(TARGETS))("%s: generate refuses a URL and a file $ref, and writes nothing", async (target) => {
    const out = join(work.dir, "out");
    for (const ref of [`${origin}/pet.json#/x`, "./pet.json"]) {
      const spec = await work.writeSpec(specWithRef(ref));
      await expect(generate(/** @type {any} */ (target), { spec, out, ...OPTIONS })).rejects.toThrow(
        `${spec} #/paths/~1pets/get/responses/200/content/application~1json/schema: $ref "${ref}" is not local`,
      );
    }
    expect(existsSync(out)).toBe(false);
    expect(requests).toEqual([]);
  });
});
