// @ts-check
import { readFileSync } from "node:fs";
import { parse } from "yaml";

/**
 * Ten successive upstream documents in the style of Hatch's published one, written for the replay:
 * its shapes (a 3.0.0 document, controller-name operationIds, `source` and `data` not required, only
 * the success and 422 responses declared, an undeclared tag, inline error objects), in our words.
 * Each version is the previous one plus one change; `bump` is what our SDK-centred policy makes of
 * it, `compiles` whether code written against the first release still compiles against it (with
 * the consumer on the current major), `breaks` the name the compiler error must give when not.
 *
 * @typedef {object} Version
 * @property {string} name
 * @property {string} change what Hatch changed, for the table
 * @property {"none" | "patch" | "minor" | "major"} bump
 * @property {boolean} compiles
 * @property {string} [breaks]
 * @property {boolean} [surface] false when the SDK's API report does not change (a deprecation)
 * @property {(document: Record<string, any>) => void} edit
 */

const controller = (/** @type {string} */ action) => `HatchWeb.V1.Integrations.ContactController.${action}`;
const errorBody = () => ({
  content: { "application/json": { schema: { $ref: "#/components/schemas/JsonErrorResponse" } } },
});
/** A contact as Hatch's read operations return it (our words, Hatch's shapes: nothing required). */
const contactRecord = () => ({
  type: "object",
  properties: {
    id: { type: "string", description: "Identifier of the contact in Hatch." },
    firstName: { type: "string", nullable: true, description: "Given name." },
    lastName: { type: "string", nullable: true, description: "Family name." },
    email: { type: "string", format: "email", nullable: true, description: "Email address." },
    phoneNumber: { type: "string", nullable: true, description: "Phone number." },
  },
});

/** @type {Version[]} */
export const HISTORY = [
  { name: "v1", change: "today's wire", bump: "none", compiles: true, edit: () => {} },
  {
    name: "v2",
    change: "+ GET /v1/contacts/{id}",
    bump: "minor",
    compiles: true,
    edit: (document) => {
      document.paths["/v1/contacts/{id}"] = {
        get: {
          operationId: controller("show"),
          summary: "Read one contact.",
          tags: ["contacts"],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            200: {
              description: "The contact",
              content: {
                "application/json": { schema: { type: "object", properties: { data: contactRecord() } } },
              },
            },
            404: { description: "No such contact", ...errorBody() },
          },
        },
      };
    },
  },
  {
    name: "v3",
    change: "+ DELETE /v1/contacts/{id} (204/404)",
    bump: "minor",
    compiles: true,
    edit: (document) => {
      document.paths["/v1/contacts/{id}"].delete = {
        operationId: controller("delete"),
        summary: "Remove a contact.",
        tags: ["contacts"],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { 204: { description: "Removed" }, 404: { description: "No such contact", ...errorBody() } },
      };
    },
  },
  {
    name: "v4",
    change: "+ paginated GET /v1/contacts",
    bump: "minor",
    compiles: true,
    edit: (document) => {
      document.paths["/v1/contacts"].get = {
        operationId: controller("index"),
        summary: "Page through contacts.",
        tags: ["contacts"],
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } },
          { name: "cursor", in: "query", schema: { type: "string" } },
        ],
        responses: {
          200: {
            description: "One page",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    data: { type: "array", items: contactRecord() },
                    links: { type: "object", properties: { next: { type: "string", nullable: true } } },
                  },
                },
              },
            },
          },
        },
      };
    },
  },
  {
    name: "v5",
    change: "+ messages tag, POST /v1/messages (201)",
    bump: "minor",
    compiles: true,
    edit: (document) => {
      document.paths["/v1/messages"] = {
        post: {
          operationId: "HatchWeb.V1.Integrations.MessageController.create",
          summary: "Send a message to a contact.",
          tags: ["messages"],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    contactId: { type: "string", description: "Who receives it." },
                    body: { type: "string", description: "The text." },
                    channel: { type: "string", description: "How it is sent." },
                  },
                },
              },
            },
          },
          responses: {
            201: {
              description: "Queued",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      data: {
                        type: "object",
                        properties: {
                          id: { type: "string" },
                          status: { type: "string", enum: ["queued", "sent"] },
                        },
                      },
                    },
                  },
                },
              },
            },
            422: { description: "Refused", ...errorBody() },
          },
        },
      };
    },
  },
  {
    name: "v6",
    change: "+ optional request field companyName",
    bump: "minor",
    compiles: true,
    edit: (document) => {
      document.components.schemas.UpsertContactParams.properties.companyName = {
        type: "string",
        nullable: true,
        description: "The business the contact works for.",
      };
    },
  },
  {
    name: "v7",
    change: "externalContactID deprecated",
    bump: "minor",
    compiles: true,
    surface: false,
    edit: (document) => {
      document.components.schemas.UpsertContactParams.properties.externalContactID.deprecated = true;
    },
  },
  {
    name: "v8",
    change: "request field externalContactID removed",
    bump: "major",
    compiles: false,
    breaks: "externalContactID",
    edit: (document) => {
      delete document.components.schemas.UpsertContactParams.properties.externalContactID;
    },
  },
  {
    name: "v9",
    change: "new enum value `delivered` in a response",
    bump: "major",
    compiles: true,
    edit: (document) => {
      const data =
        document.paths["/v1/messages"].post.responses[201].content["application/json"].schema.properties.data;
      data.properties.status.enum = ["queued", "sent", "delivered"];
    },
  },
  {
    name: "v10",
    change: "request field channel narrowed to sms | email",
    bump: "major",
    compiles: true,
    edit: (document) => {
      const schema = document.paths["/v1/messages"].post.requestBody.content["application/json"].schema;
      schema.properties.channel = { type: "string", enum: ["sms", "email"], description: "How it is sent." };
    },
  },
];

/**
 * Our spec (the replay's frozen base) rewritten the way Hatch publishes it: the differences that
 * spec/upstream-differences.yaml lists, put back.
 *
 * @param {string} ourSpecPath
 */
export function hatchStyle(ourSpecPath) {
  const document = /** @type {Record<string, any>} */ (parse(readFileSync(ourSpecPath, "utf8")));
  document.openapi = "3.0.0";
  document.info = { title: "Hatch", version: "1.0" };
  delete document.tags;
  const ids = { post: controller("upsert (2)"), put: controller("upsert") };
  for (const [method, id] of Object.entries(ids)) {
    const operation = document.paths["/v1/contacts"][method];
    operation.operationId = id;
    for (const status of ["401", "429", "5XX"]) delete operation.responses[status];
  }
  const params = document.components.schemas.UpsertContactParams;
  params.required = (params.required ?? []).filter((/** @type {string} */ name) => name !== "source");
  if (params.required.length === 0) delete params.required;
  const result = document.components.schemas.UpsertContactResult;
  delete result.required;
  delete result.properties.data.required;
  // Hatch names its security scheme differently; the wire model compares what it is, not its name.
  document.components.securitySchemes = { authorization: { type: "http", scheme: "bearer" } };
  document.security = [{ authorization: [] }];
  return document;
}

/**
 * The documents of the history, each built on the one before.
 *
 * @param {string} ourSpecPath
 * @returns {Array<Version & { document: Record<string, any> }>}
 */
export function historyDocuments(ourSpecPath) {
  const document = hatchStyle(ourSpecPath);
  return HISTORY.map((version) => {
    version.edit(document);
    return { ...version, document: structuredClone(document) };
  });
}
