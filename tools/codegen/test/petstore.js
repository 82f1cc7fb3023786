// @ts-check
import { tinySpec } from "./helpers.js";

/**
 * A document with path, query and header parameters, a body, an unsafe operationId, a 204, and an
 * optional body before a required query parameter.
 */
export const petstore = tinySpec(
  {
    "GET /pets/{petId}": {
      operationId: "pets/get.one",
      tags: ["pets"],
      "x-sdk-method": "get",
      summary: "Get a pet",
      parameters: [
        { name: "petId", in: "path", required: true, schema: { type: "string" }, example: "p 1" },
        { name: "include-owner", in: "query", schema: { type: "boolean" }, example: true },
        { name: "X-Trace", in: "header", schema: { type: "string" } },
      ],
      responses: {
        200: { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
        404: { description: "missing", content: { "application/json": { schema: { type: "object" } } } },
        default: { description: "other" },
      },
    },
    "POST /pets": {
      operationId: "createPet",
      tags: ["pets"],
      requestBody: {
        required: true,
        content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
      },
      responses: { 204: { description: "created" }, 422: { description: "bad" } },
    },
    // Success bodies that are not JSON: text (GitHub's zen) and a file.
    "GET /pets/{petId}/bio": {
      operationId: "getPetBio",
      tags: ["pets"],
      "x-sdk-method": "bio",
      parameters: [{ name: "petId", in: "path", required: true, schema: { type: "string" } }],
      responses: { 200: { description: "ok", content: { "text/plain": { schema: { type: "string" } } } } },
    },
    "GET /pets/{petId}/photo": {
      operationId: "getPetPhoto",
      tags: ["pets"],
      "x-sdk-method": "photo",
      parameters: [{ name: "petId", in: "path", required: true, schema: { type: "string" } }],
      responses: {
        200: { description: "ok", content: { "image/png": { schema: { type: "string", format: "binary" } } } },
      },
    },
    // Like GitHub's release-asset upload: an optional body beside a required query parameter.
    "POST /pets/{petId}/photos": {
      operationId: "uploadPhoto",
      tags: ["pets"],
      parameters: [
        { name: "petId", in: "path", required: true, schema: { type: "string" } },
        { name: "name", in: "query", required: true, schema: { type: "string" } },
      ],
      requestBody: { content: { "application/json": { schema: { type: "object" } } } },
      responses: { 204: { description: "uploaded" } },
    },
  },
  {
    servers: [{ url: "https://api.example.com/" }],
    security: [{ key: [] }],
    components: {
      securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Api-Key" } },
      schemas: {
        Pet: {
          type: "object",
          description: "A pet. */ not the end of the comment",
          required: ["name"],
          properties: {
            name: { type: "string", example: "Rex's" },
            tag: { type: "string", nullable: true },
            // Optional in the types although it has a default: `pets.create({ name })` compiles.
            status: { type: "string", default: "available" },
          },
        },
        "pet-list": { type: "array", items: { $ref: "#/components/schemas/Pet" } },
      },
    },
  },
);
