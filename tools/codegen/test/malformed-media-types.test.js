// @ts-check
// Real documents declare media types with parameters that are not `name=value` (Anchore's
// `text/plain; utf-8`). Sent as written, the header is unparsable and a server refuses the request
// (Prism answers 500). Every generated request sends the well-formed value instead, while the types
// still index the document's own key.
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { renderTarget } from "../src/generate.js";
import { CONTRACT_OPTIONS, tinySpec } from "./helpers.js";

const MALFORMED = "text/plain; utf-8";
const spec = tinySpec({
  "POST /imports/{id}/dockerfile": {
    operationId: "importDockerfile",
    tags: ["imports"],
    parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
    requestBody: { required: true, content: { [MALFORMED]: { schema: { type: "string" } } } },
    responses: {
      200: { description: "ok", content: { "text/html; level": { schema: { type: "string" } } } },
      400: { description: "bad", content: { "application/json": { schema: { type: "object" } } } },
    },
  },
});
const sdkOptions = {
  file: "openapi.json",
  typesModule: "@acme/types",
  sdkConfig: fileURLToPath(new URL("./fixtures/acme.sdk.config.json", import.meta.url)),
};

it("the SDK descriptor sends the body and asks for the answer with well-formed media types", async () => {
  const resource = String((await renderTarget("sdk", spec, sdkOptions)).get("imports.ts"));
  expect(resource).toContain('bodyMediaType: "text/plain"');
  expect(resource).toContain('accept: "text/html, application/json;q=0.9"');
  expect(resource).not.toContain("; utf-8");
});

it("the contract bindings and the curl sample send the same Content-Type", async () => {
  const operations = String((await renderTarget("contract", spec, CONTRACT_OPTIONS)).get("operations.ts"));
  expect(operations).toContain('"Content-Type": "text/plain"');
  const samples = await renderTarget("samples", spec, {
    file: "openapi.json",
    clientPackage: "@acme/client",
    clientFactory: "createAcme",
    clientVariable: "acme",
    apiKeyEnv: "ACME_KEY",
  });
  expect(String(samples.get("importDockerfile.sh"))).toContain("Content-Type: text/plain");
  expect(String(samples.get("importDockerfile.sh"))).not.toContain("utf-8");
});

it("the types still index the body by the document's own key", async () => {
  const types = [...(await renderTarget("types", spec, { file: "openapi.json" })).values()].join("\n");
  expect(types).toContain(JSON.stringify(MALFORMED));
});
