// @ts-check

import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { applyWireChanges } from "../src/apply-changes.js";
import { diffWireModels } from "../src/wire-diff.js";
import { wireModel } from "../src/wire-model.js";

/**
 * A small document of our own: POST /notes with a request body { text, channel } and a 201
 * response { data: { id, state } }, with examples showing every field.
 *
 * @param {(document: Record<string, any>) => void} [edit]
 */
function notes(edit = () => {}) {
  const document = {
    openapi: "3.0.3",
    info: { title: "Notes", version: "1" },
    tags: [{ name: "notes", description: "Notes." }],
    paths: {
      "/notes": {
        post: {
          operationId: "createNote",
          tags: ["notes"],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { text: { type: "string" }, channel: { type: "string" }, pinned: { type: "boolean" } },
                },
                examples: { full: { value: { text: "hi", channel: "sms", pinned: true } } },
              },
            },
          },
          responses: {
            201: {
              description: "Created",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      data: {
                        type: "object",
                        properties: { id: { type: "string" }, state: { type: "string", enum: ["queued", "sent"] } },
                      },
                    },
                  },
                  example: { data: { id: "n1", state: "queued" } },
                },
              },
            },
          },
        },
      },
    },
  };
  edit(document);
  return document;
}

const requestSchema = (/** @type {Record<string, any>} */ document) =>
  document.paths["/notes"].post.requestBody.content["application/json"].schema;
const responseData = (/** @type {Record<string, any>} */ document) =>
  document.paths["/notes"].post.responses[201].content["application/json"].schema.properties.data;

/** @param {Record<string, any>} upstream */
function adopt(upstream) {
  const ours = notes();
  const ourModel = wireModel(ours, "ours.yaml");
  const upstreamModel = wireModel(upstream, "theirs.yaml");
  const changes = diffWireModels(ourModel, upstreamModel);
  const result = applyWireChanges({
    text: stringify(ours),
    ours: ourModel,
    upstream,
    upstreamModel,
    changes,
    differences: [],
    source: "theirs.yaml",
  });
  return { changes, spec: /** @type {Record<string, any>} */ (parse(result.text)) };
}

describe("wire fields beyond type, format, nullable and required", () => {
  it("a deprecation is a wire change, adopted as `deprecated: true`", () => {
    const { changes, spec } = adopt(notes((document) => (requestSchema(document).properties.pinned.deprecated = true)));
    expect(changes.map((change) => change.text)).toEqual([
      "The upstream document deprecates the request property `pinned` in POST /notes.",
    ]);
    expect(requestSchema(spec).properties.pinned.deprecated).toBe(true);
  });

  it("a new enum value in a response is a wire change, adopted into our enum", () => {
    const { changes, spec } = adopt(
      notes((document) => {
        responseData(document).properties.state.enum = ["queued", "sent", "delivered"];
      }),
    );
    expect(changes.map((change) => change.text)).toEqual([
      "The upstream document changes the allowed values of the response property `data.state` from queued, sent to delivered, queued, sent in POST /notes (201).",
    ]);
    expect(responseData(spec).properties.state.enum).toEqual(["delivered", "queued", "sent"]);
  });

  it("a request field narrowed to an enum is a wire change", () => {
    const { changes, spec } = adopt(
      notes((document) => {
        requestSchema(document).properties.channel.enum = ["sms", "email"];
      }),
    );
    expect(changes.map((change) => `${change.field} ${change.from} → ${change.to}`)).toEqual([
      'enum null → ["email","sms"]',
    ]);
    expect(requestSchema(spec).properties.channel.enum).toEqual(["email", "sms"]);
  });

  it("a removed property leaves our examples, request and response side", () => {
    const removedRequest = adopt(notes((document) => delete requestSchema(document).properties.channel)).spec;
    expect(removedRequest.paths["/notes"].post.requestBody.content["application/json"].examples.full.value).toEqual({
      text: "hi",
      pinned: true,
    });
    const removedResponse = adopt(notes((document) => delete responseData(document).properties.state)).spec;
    expect(removedResponse.paths["/notes"].post.responses[201].content["application/json"].example).toEqual({
      data: { id: "n1" },
    });
  });
});
