// @ts-check
// A docs sample calls the SDK method as the SDK declares it. An operation with a required header
// (an API version, a key the document lists as a parameter) takes `options` as a required last
// argument, after an optional query; the sample left the query out and passed the options in its
// place: "Expected 2 arguments, but got 1" in the docs typecheck. One rule (methodArguments) now
// shapes both, and the samples compile against the SDK generated beside them.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderTarget } from "../src/generate.js";
import { methodArguments } from "../src/method-arguments.js";
import { buildModel } from "../src/model.js";
import { tinySpec, typeErrors } from "./helpers.js";

const version = { name: "Accept-Version", in: "header", required: true, schema: { type: "string" } };
const thumbsize = { name: "thumbsize", in: "query", schema: { type: "integer" } };
const ok = { description: "ok", content: { "application/json": { schema: { type: "object" } } } };
const note = {
  content: { "application/json": { schema: { type: "object", properties: { text: { type: "string" } } } } },
};

function document() {
  return tinySpec({
    "GET /art": { operationId: "listArt", tags: ["art"], parameters: [version, thumbsize], responses: { 200: ok } },
    "GET /art/{name}": {
      operationId: "getArt",
      tags: ["art"],
      parameters: [{ name: "name", in: "path", required: true, schema: { type: "string" } }, version, thumbsize],
      responses: { 200: ok },
    },
    "POST /notes": {
      operationId: "createNote",
      tags: ["notes"],
      parameters: [version, thumbsize],
      requestBody: note,
      responses: { 200: ok },
    },
    "GET /notes": { operationId: "listNotes", tags: ["notes"], parameters: [thumbsize], responses: { 200: ok } },
    "GET /search": {
      operationId: "search",
      tags: ["search"],
      parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }],
      responses: { 200: ok },
    },
  });
}

const SAMPLE_OPTIONS = {
  file: "openapi.json",
  clientPackage: "@acme/client",
  clientFactory: "createAcme",
  clientVariable: "acme",
  apiKeyEnv: "ACME_KEY",
};

describe("methodArguments", () => {
  it("puts the query in the arguments without a body, in options beside one; a required header requires options", () => {
    const model = buildModel(document(), "openapi.json");
    const of = (/** @type {string} */ id) => methodArguments(/** @type {any} */ (model.byId.get(id)));
    expect(of("listArt").positional).toEqual([{ kind: "query", required: false }]);
    expect(of("listArt").optionsRequired).toBe(true);
    expect(of("getArt").positional.map((argument) => argument.kind)).toEqual(["path", "query"]);
    expect(of("createNote")).toMatchObject({
      positional: [{ kind: "body", required: false }],
      queryInOptions: true,
      optionsRequired: true,
    });
    expect(of("listNotes").optionsRequired).toBe(false);
    expect(of("search").positional).toEqual([{ kind: "query", required: true }]);
  });
});

describe("docs samples", () => {
  it("pass `undefined` for an optional query before required options, and drop it otherwise", async () => {
    const samples = await renderTarget("samples", document(), SAMPLE_OPTIONS);
    expect(samples.get("listArt.ts")).toMatch(/acme\.art\.list\(undefined, \{\n\s+headers: \{ "Accept-Version": /);
    expect(samples.get("listNotes.ts")).toContain("acme.notes.list()");
  });

  it("compile against the SDK and types generated from the same document", async () => {
    const spec = document();
    const sdkConfig = fileURLToPath(new URL("./fixtures/acme.sdk.config.json", import.meta.url));
    /** @type {Map<string, string>} */
    const files = new Map();
    const add = (/** @type {string} */ folder, /** @type {Map<string, string>} */ generated) => {
      for (const [name, source] of generated) if (name.endsWith(".ts")) files.set(`${folder}/${name}`, source);
    };
    add("types", await renderTarget("types", spec, { file: "openapi.json" }));
    files.set("types/index.ts", 'export * from "./openapi.js";\nexport * from "./aliases.js";\n');
    add("sdk", await renderTarget("sdk", spec, { file: "openapi.json", typesModule: "@acme/types", sdkConfig }));
    add("samples", await renderTarget("samples", spec, SAMPLE_OPTIONS));
    expect([...files.keys()].filter((name) => name.startsWith("samples/"))).toHaveLength(5);
    expect(await typeErrors(files, { "@acme/client": "sdk/index.ts", "@acme/types": "types/index.ts" })).toEqual([]);
  });
});
