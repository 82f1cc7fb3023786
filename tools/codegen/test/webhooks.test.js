// @ts-check
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderTarget } from "../src/generate.js";
import { buildModel } from "../src/model.js";
import { shapesOf } from "../src/webhooks.js";
import { tinySpec } from "./helpers.js";

const SDK_OPTIONS = {
  typesModule: "@acme/types",
  sdkConfig: fileURLToPath(new URL("./fixtures/acme.sdk.config.json", import.meta.url)),
};

/** A Standard Webhooks envelope whose `type` is `name`. @param {string} name */
const envelope = (name) => ({
  type: "object",
  required: ["type", "data"],
  properties: { type: { type: "string", enum: [name] }, data: { $ref: "#/components/schemas/Message" } },
});
/** A webhook's Path Item: a POST of `schema`. @param {unknown} schema */
const hook = (schema, media = "application/json") => ({
  post: { requestBody: { content: { [media]: { schema } } }, responses: { 200: { description: "ok" } } },
});
const components = {
  schemas: { Message: { type: "object", required: ["id"], properties: { id: { type: "string" } } } },
};
const listThings = { "GET /things": { operationId: "listThings", tags: ["things"] } };

/** A 3.1 document with `webhooks`, and the same as 3.0 with `x-webhooks`. */
function documents() {
  const webhooks = {
    "message.received": hook(envelope("message.received")),
    "message.failed": hook(envelope("message.failed")),
    "legacy-form": hook({ type: "object" }, "application/x-www-form-urlencoded"),
  };
  return {
    "3.1 webhooks": { ...tinySpec(listThings, { components, webhooks }), openapi: "3.1.0" },
    "3.0 x-webhooks": tinySpec(listThings, { components, "x-webhooks": webhooks }),
  };
}

describe("webhooks", () => {
  it.each(Object.entries(documents()))("%s: the model lists the JSON webhooks with their shapes", (_, spec) => {
    const model = buildModel(spec, "openapi.json");
    expect(model.webhooks.map((webhook) => [webhook.name, webhook.typeName, webhook.shapes])).toEqual([
      [
        "message.received",
        "MessageReceivedWebhookEvent",
        [{ type: "object", required: ["type", "data"], consts: { type: "message.received" } }],
      ],
      [
        "message.failed",
        "MessageFailedWebhookEvent",
        [{ type: "object", required: ["type", "data"], consts: { type: "message.failed" } }],
      ],
    ]);
    expect(model.webhookUnion).toBe("WebhookEvent");
  });

  it.each(Object.entries(documents()))("%s: types and SDK declare the union and unwrap", async (_, spec) => {
    const types = await renderTarget("types", spec, { file: "openapi.json" });
    const aliases = types.get("aliases.ts") ?? "";
    expect(aliases).toContain('import type { components, paths, webhooks } from "./openapi.js";');
    expect(aliases).toContain(
      'export type MessageReceivedWebhookEvent = NonNullable<NonNullable<webhooks["message.received"]["post"]>["requestBody"]>["content"]["application/json"];',
    );
    expect(aliases).toMatch(
      /export type WebhookEvent =\n {2}\| MessageReceivedWebhookEvent\n {2}\| MessageFailedWebhookEvent;/,
    );
    // openapi-typescript types the 3.0 extension as it types 3.1's webhooks.
    expect(types.get("openapi.ts")).toMatch(/export interface webhooks \{\n\s+"message\.received": \{/);

    const sdk = await renderTarget("sdk", spec, { file: "openapi.json", ...SDK_OPTIONS });
    expect(sdk.get("webhook-events.ts")).toContain('import type { WebhookEvent } from "@acme/types";');
    expect(sdk.get("webhook-events.ts")).toContain('{ name: "message.failed", shapes: [');
    expect(sdk.get("resources.ts")).toContain("  readonly webhooks: Webhooks;");
    expect(sdk.get("client.ts")).toContain("export class WebhookVerificationError extends AcmeError {");
    expect(sdk.get("index.ts")).toContain('export type { Webhooks } from "./webhook-events.js";');
    expect(sdk.has("core/webhooks.ts")).toBe(true);
  });

  it("a document without webhooks: no union, no webhook module, no webhook core files", async () => {
    const spec = tinySpec(listThings);
    expect(buildModel(spec).webhookUnion).toBeUndefined();
    const sdk = await renderTarget("sdk", spec, { file: "openapi.json", ...SDK_OPTIONS });
    expect([...sdk.keys()].filter((name) => /webhook/i.test(name))).toEqual([]);
    expect([...sdk.values()].some((text) => /webhook/i.test(text))).toBe(false);
    const types = await renderTarget("types", spec, { file: "openapi.json" });
    expect(types.get("aliases.ts")).not.toMatch(/webhook/i);
  });

  it("names stay unique: a schema called WebhookEvent pushes the union to WebhookEvent2", () => {
    const spec = tinySpec(listThings, {
      components: { schemas: { ...components.schemas, WebhookEvent: { type: "object" } } },
      "x-webhooks": { ping: hook({ type: "object" }) },
    });
    const model = buildModel(spec);
    expect([model.webhooks[0]?.typeName, model.webhookUnion]).toEqual(["PingWebhookEvent", "WebhookEvent2"]);
  });

  it("takes an extension among the webhooks (x-sdk-exclude: true) for what it is, not a webhook", async () => {
    const spec = tinySpec(listThings, {
      components,
      "x-webhooks": { "x-sdk-exclude": true, ping: hook({ type: "object" }) },
    });
    expect(buildModel(spec, "openapi.json").webhooks.map((webhook) => webhook.name)).toEqual(["ping"]);
    const types = await renderTarget("types", spec, { file: "openapi.json" });
    expect(types.get("aliases.ts")).toContain("PingWebhookEvent");
    expect(types.get("aliases.ts")).not.toContain("x-sdk-exclude");
  });

  it.each([
    [{ "x-webhooks": [] }, /#\/x-webhooks: must be an object of Path Item Objects/],
    [{ webhooks: { "a/b": "post" } }, /#\/webhooks\/a~1b: must be a Path Item Object/],
  ])("refuses %j with the pointer", (extra, message) => {
    expect(() => buildModel(tinySpec(listThings, extra), "openapi.json")).toThrow(message);
  });

  it("leaves out webhooks without a JSON body (valid documents generate), and takes the first with one", () => {
    const model = buildModel(
      tinySpec(listThings, {
        webhooks: {
          summaryOnly: { summary: "no operation" },
          deleted: { delete: { responses: { 204: { description: "gone" } } } },
          // ReadMe's 3.1 example: a DELETE without a body, then the POST of the event.
          newPet: { delete: { responses: { 204: { description: "gone" } } }, ...hook({ type: "object" }) },
        },
      }),
    );
    expect(model.webhooks.map((webhook) => [webhook.name, webhook.method])).toEqual([["newPet", "post"]]);
  });

  it("a tag called webhooks gives way to unwrap (webhooksResource); an x-sdk-resource of that name is refused", async () => {
    const derived = tinySpec(
      { "GET /hooks": { operationId: "listHooks", tags: ["webhooks"] } },
      { "x-webhooks": { ping: hook({ type: "object" }) } },
    );
    const sdk = await renderTarget("sdk", derived, { file: "openapi.json", ...SDK_OPTIONS });
    expect(sdk.has("webhooksResource.ts")).toBe(true);
    const chosen = tinySpec(
      { "GET /hooks": { operationId: "listHooks", tags: ["hooks"], "x-sdk-resource": "webhooks" } },
      { "x-webhooks": { ping: hook({ type: "object" }) } },
    );
    await expect(renderTarget("sdk", chosen, { file: "openapi.json", ...SDK_OPTIONS })).rejects.toThrow(
      /x-sdk-resource "webhooks" is the client's webhooks.unwrap .*: choose another name/,
    );
  });
});

describe("docs samples", () => {
  const SAMPLE_OPTIONS = {
    file: "openapi.json",
    clientPackage: "@acme/client",
    clientFactory: "createAcme",
    clientVariable: "acme",
    apiKeyEnv: "ACME_API_KEY",
  };

  it.each(Object.entries(documents()))("%s: one handler sample per JSON webhook", async (_, spec) => {
    const files = await renderTarget("samples", spec, SAMPLE_OPTIONS);
    const names = [...files.keys()].filter((name) => name.startsWith("webhook"));
    expect(names).toEqual(["webhook%3Amessage%2Ereceived.ts", "webhook%3Amessage%2Efailed.ts"]);
    const sample = files.get("webhook%3Amessage%2Ereceived.ts") ?? "";
    expect(sample).toContain('import { createAcme, WebhookVerificationError } from "@acme/client";');
    expect(sample).toContain("await acme.webhooks.unwrap(await request.text(), request.headers, {");
    expect(sample).toContain("secret: process.env.ACME_WEBHOOK_SECRET");
  });

  it("an operation with an idempotency key passes one in its sample, and says why", async () => {
    const spec = tinySpec({
      "POST /sends": {
        operationId: "createSend",
        tags: ["sends"],
        "x-sdk-idempotency-key": true,
        requestBody: { content: { "application/json": { schema: { type: "object", example: { to: "a" } } } } },
      },
      "POST /plain": { operationId: "createPlain", tags: ["plain"] },
    });
    const files = await renderTarget("samples", spec, SAMPLE_OPTIONS);
    expect(files.get("createSend.ts")).toContain(
      "// Sent with an Idempotency-Key header: every retry reuses it, so the API applies the call once.",
    );
    expect(files.get("createSend.ts")).toContain(
      'acme.sends.create({ to: "a" }, {\n  idempotencyKey: "<an id your system keeps for this request>",\n});',
    );
    expect(files.get("createPlain.ts")).not.toMatch(/idempotency/i);
  });
});

describe("event shapes from schemas", () => {
  const spec = { components };
  it("allOf merges, oneOf gives alternatives, only one-value enums and consts name an event", () => {
    expect(
      shapesOf(spec, {
        allOf: [
          { $ref: "#/components/schemas/Message" },
          { type: "object", required: ["kind"], properties: { kind: { const: "a" }, state: { enum: ["x", "y"] } } },
        ],
      }),
    ).toEqual([{ type: "object", required: ["id", "kind"], consts: { kind: "a" } }]);
    expect(
      shapesOf(spec, {
        oneOf: [
          { type: "object", required: ["a"], properties: { v: { const: 1 } } },
          { type: "object", required: ["b"] },
        ],
      }),
    ).toEqual([
      { type: "object", required: ["a"], consts: { v: 1 } },
      { type: "object", required: ["b"] },
    ]);
    // A branch that accepts anything makes the choice accept anything.
    expect(shapesOf(spec, { oneOf: [{ type: "object", required: ["a"] }, {}] })).toEqual([]);
    expect(shapesOf(spec, { type: ["object", "null"], required: ["a"] })).toEqual([{ required: ["a"] }]);
    expect(shapesOf(spec, { type: "array", items: {} })).toEqual([{ type: "array" }]);
    expect(shapesOf(spec, undefined)).toEqual([]);
  });
});
