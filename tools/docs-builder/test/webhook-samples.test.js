// @ts-check
import { webhookSampleName } from "@sdkit/codegen";
import { describe, expect, it } from "vitest";
import { injectCodeSamples } from "../src/code-samples.js";

const hook = {
  post: {
    requestBody: { content: { "application/json": { schema: { type: "object" } } } },
    responses: { 200: { description: "ok" } },
  },
};
/** A document with one operation and one webhook, under `key`. @param {string} key @param {string} version */
const spec = (key, version) => ({
  openapi: version,
  info: { title: "t", version: "1" },
  paths: { "/things": { get: { operationId: "listThings", responses: { 200: { description: "ok" } } } } },
  [key]: { "thing.created": hook },
});
const file = (/** @type {string} */ source) => ({ source, file: "x", generated: true });
const where = { specPath: "openapi.json", samplesDir: "samples" };
const operationSamples = /** @type {const} */ ([
  "listThings",
  new Map([
    [".ts", file("ts")],
    [".sh", file("sh")],
  ]),
]);

describe("webhook samples", () => {
  it.each([
    ["webhooks", "3.1.0"],
    ["x-webhooks", "3.0.3"],
  ])("%s: the webhook's TypeScript sample goes on its operation as x-codeSamples", (key, version) => {
    const samples = new Map([
      operationSamples,
      [webhookSampleName("thing.created"), new Map([[".ts", file("handler")]])],
    ]);
    const docs = injectCodeSamples(spec(key, version), samples, where);
    expect(docs[key]["thing.created"].post["x-codeSamples"]).toEqual([
      { lang: "typescript", label: "TypeScript", source: "handler" },
    ]);
    expect(docs.paths["/things"].get["x-codeSamples"]).toHaveLength(2);
  });

  it("a webhook without its sample is reported with where it goes", () => {
    expect(() => injectCodeSamples(spec("x-webhooks", "3.0.3"), new Map([operationSamples]), where)).toThrow(
      /openapi\.json#\/x-webhooks\/thing\.created\/post \(webhook thing\.created\) has no TypeScript sample: .*samples\/webhook%3Athing%2Ecreated\.ts/,
    );
  });
});
