// @ts-check
// The Accept header an operation sends: its success type first, every other type its responses
// declare after it at a lower quality, so that an error answered in another type (JSON beside a
// CSV export) is acceptable. The SDK's descriptors and the contract bindings send the same value.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { acceptHeaderOf, CLIENT_DEFAULT_ACCEPT, declaredResponseMedia } from "../src/accept.js";
import { renderTarget } from "../src/generate.js";
import { buildModel } from "../src/model.js";
import { requestExample } from "../src/targets/samples.js";
import { CONTRACT_OPTIONS, tinySpec } from "./helpers.js";

const SDK_OPTIONS = {
  typesModule: "@acme/types",
  sdkConfig: fileURLToPath(new URL("./fixtures/acme.sdk.config.json", import.meta.url)),
};

const problem = {
  type: "object",
  required: ["message"],
  properties: { message: { type: "string" } },
};

/** A report export: CSV on success, JSON errors (one through a shared response), a PDF variant. */
const spec = tinySpec(
  {
    "GET /reports/{id}/csv": {
      operationId: "getReportCsv",
      tags: ["reports"],
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        200: { description: "ok", content: { "text/csv": { schema: { type: "string" } } } },
        404: { $ref: "#/components/responses/NotFound" },
        500: { description: "oops", content: { "application/json; charset=utf-8": { schema: problem } } },
      },
    },
    "GET /reports/{id}": {
      operationId: "getReport",
      tags: ["reports"],
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        200: { description: "ok", content: { "application/json": { schema: problem } } },
        404: { $ref: "#/components/responses/NotFound" },
      },
    },
  },
  {
    components: {
      responses: { NotFound: { description: "none", content: { "application/json": { schema: problem } } } },
    },
  },
);
const operation = (/** @type {string} */ path) => /** @type {any} */ (spec.paths[path]).get;

describe("acceptHeaderOf", () => {
  it("lists every declared response media type once, through response $refs, parameters ignored", () => {
    expect(declaredResponseMedia(spec, operation("/reports/{id}/csv"))).toEqual(["text/csv", "application/json"]);
  });

  it("puts the success type first and every other declared type at q=0.9", () => {
    expect(acceptHeaderOf(spec, operation("/reports/{id}/csv"), "text/csv")).toBe("text/csv, application/json;q=0.9");
  });

  it("leaves a JSON-only operation, and one without a success body, to the client's default", () => {
    expect(acceptHeaderOf(spec, operation("/reports/{id}"), "application/json")).toBeUndefined();
    expect(acceptHeaderOf(spec, operation("/reports/{id}/csv"), undefined)).toBeUndefined();
  });

  it("asks for a non-JSON success type even when it is the only one declared", () => {
    const only = { responses: { 200: { description: "ok", content: { "application/pdf": {} } } } };
    expect(acceptHeaderOf(spec, only, "application/pdf")).toBe("application/pdf");
  });

  it("asks for a JSON type the client's default does not list (a strict server would answer 406)", () => {
    for (const media of ["application/vnd.siren+json", "application/geo+json", "application/hal+json"]) {
      const only = { responses: { 200: { description: "ok", content: { [media]: {} } } } };
      expect(acceptHeaderOf(spec, only, media)).toBe(media);
    }
    for (const media of CLIENT_DEFAULT_ACCEPT) {
      const only = { responses: { 200: { description: "ok", content: { [media]: {} } } } };
      expect(acceptHeaderOf(spec, only, media)).toBeUndefined();
    }
  });

  it("knows the client core's default Accept as the core sends it", () => {
    const core = createRequire(import.meta.url).resolve("@sdkit/client-core/package.json");
    const client = readFileSync(join(dirname(core), "src/client.ts"), "utf8");
    const sent = /Accept: "([^"]+)"/.exec(client)?.[1];
    expect(sent?.split(",").map((media) => media.trim())).toEqual([...CLIENT_DEFAULT_ACCEPT]);
  });
});

describe("the generated SDK and contract bindings", () => {
  it("carry the Accept value in the SDK descriptor of the CSV export only", async () => {
    const files = await renderTarget("sdk", spec, { file: "openapi.json", ...SDK_OPTIONS });
    const resource = String(files.get("reports.ts"));
    const descriptor = (/** @type {string} */ id) =>
      resource.split("\n").find((line) => line.includes(`operationId: "${id}"`)) ?? "";
    expect(descriptor("getReportCsv")).toContain('accept: "text/csv, application/json;q=0.9"');
    expect(descriptor("getReport")).not.toContain("accept:");
  });

  it("send the same Accept from the contract bindings' openapi-fetch call", async () => {
    const files = await renderTarget("contract", spec, CONTRACT_OPTIONS);
    const operations = String(files.get("operations.ts"));
    const entry = operations.slice(operations.indexOf('operationId: "getReportCsv"'));
    expect(entry.slice(0, entry.indexOf("sdk:"))).toContain('Accept: "text/csv, application/json;q=0.9"');
  });
});

describe("Accept, Content-Type and Authorization declared as header parameters", () => {
  // OpenAPI says to ignore them; staging-ecotaco.com declares `Accept` (example application/json)
  // on operations that answer application/vnd.geo+json, and Prism answered every such request 406.
  const vendor = { 200: { description: "ok", content: { "application/vnd.geo+json": { schema: problem } } } };
  const header = (/** @type {string} */ name, /** @type {boolean} */ required) => ({
    name,
    in: "header",
    required,
    example: `${name} as documented`,
    schema: { type: "string" },
  });
  const document = tinySpec({
    "GET /areas": {
      operationId: "listAreas",
      tags: ["areas"],
      parameters: [header("Accept", false), header("Authorization", false), header("Accept-Language", false)],
      responses: vendor,
    },
    "POST /areas": {
      operationId: "createArea",
      tags: ["areas"],
      parameters: [header("accept", true), header("Content-Type", true), header("Authorization", true)],
      requestBody: { required: true, content: { "application/json": { schema: problem } } },
      responses: vendor,
    },
  });
  const model = buildModel(document);
  const example = (/** @type {string} */ id) =>
    requestExample(document, /** @type {import("../src/model.js").OperationModel} */ (model.byId.get(id)));

  it("never sends the document's example for them; other headers keep theirs", () => {
    expect(example("listAreas").headers).toEqual({ "Accept-Language": "Accept-Language as documented" });
  });

  it("sends what the client sends anyway where the document makes one required", () => {
    expect(example("createArea").headers).toEqual({
      accept: "application/vnd.geo+json",
      "Content-Type": "application/json",
      Authorization: "Authorization as documented",
    });
  });
});
