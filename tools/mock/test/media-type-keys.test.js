// @ts-check
import { expect, it } from "vitest";
import { wellFormedContentKeys } from "../src/media-type-keys.js";

const document = () => ({
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {
    "/imports": {
      post: {
        operationId: "importDockerfile",
        requestBody: { $ref: "#/components/requestBodies/Dockerfile" },
        responses: {
          200: {
            description: "ok",
            content: { "text/html; level": { schema: { type: "string" } }, "application/json": { schema: {} } },
          },
          400: {
            description: "both spellings declared",
            content: { "text/plain": { example: "declared" }, "text/plain; utf-8": { example: "malformed" } },
          },
        },
      },
    },
  },
  components: {
    requestBodies: { Dockerfile: { content: { "text/plain; utf-8": { schema: { type: "string" } } } } },
  },
});

it("writes malformed keys of request bodies (also through $ref) and responses well-formed, in order", () => {
  const spec = document();
  expect(wellFormedContentKeys(spec)).toBe(2);
  expect(Object.keys(spec.components.requestBodies.Dockerfile.content)).toEqual(["text/plain"]);
  expect(Object.keys(spec.paths["/imports"].post.responses[200].content)).toEqual(["text/html", "application/json"]);
});

it("leaves a malformed key whose well-formed spelling the document declares too", () => {
  const spec = document();
  wellFormedContentKeys(spec);
  expect(spec.paths["/imports"].post.responses[400].content).toEqual({
    "text/plain": { example: "declared" },
    "text/plain; utf-8": { example: "malformed" },
  });
});
