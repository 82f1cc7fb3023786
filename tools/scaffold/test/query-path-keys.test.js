// @ts-check
// Path keys with a query string (`/search/articles?query={query}`), as four public documents of the
// corpus write them, stopped generation: the generators read a key as a path, found a template no
// path parameter fills, and refused it. The scaffold moves each such key to its path in an overlay,
// its query items becoming query parameters, and leaves the keys it cannot move as written, saying why.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { buildModel } from "@sdkit/codegen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { moveQueryKeys, planQueryKeyFixes, QUERY_KEYS_OVERLAY, queryKeyOverlay } from "../src/index.js";
import { scaffolded } from "./support/scaffolded.js";

const ok = { 200: { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };
const string = { type: "string" };

/**
 * A document with each way the corpus writes a query into a path key, and the ways that cannot move.
 *
 * @returns {Record<string, any>}
 */
function document() {
  return {
    openapi: "3.0.3",
    info: { title: "Keys API", version: "1.0.0", license: { name: "MIT", url: "https://mit.test" } },
    servers: [{ url: "https://api.keys.test" }],
    tags: [{ name: "keys", description: "Keys" }],
    paths: {
      // Declared as a query parameter of the same name (medium.com).
      "/search/articles?query={query}": {
        get: {
          operationId: "searchArticles",
          tags: ["keys"],
          parameters: [{ name: "query", in: "query", required: true, schema: string }],
          responses: ok,
        },
      },
      // Declared as path parameters, one left undeclared (icons8.com).
      "/icons/latest?term={term}&amount={amount}": {
        get: {
          operationId: "latestIcons",
          tags: ["keys"],
          parameters: [{ name: "amount", in: "path", required: true, style: "simple", schema: { type: "integer" } }],
          responses: ok,
        },
      },
      // Declared on one method only, joining a path that already has another method (staging-ecotaco.com).
      "/rides?page={page}&per_page={per_page}": {
        parameters: [{ name: "page", in: "path", required: true, schema: { type: "integer" } }],
        get: {
          operationId: "listRides",
          tags: ["keys"],
          parameters: [{ name: "per_page", in: "path", required: true, schema: { type: "integer" } }],
          responses: ok,
        },
      },
      "/rides": {
        summary: "Rides",
        parameters: [{ name: "X-Trace", in: "header", schema: string }],
        post: { operationId: "createRide", tags: ["keys"], responses: ok },
      },
      // A path parameter with a query parameter of another name, through a $ref (clicksend.com).
      "/lists/{listId}/export?file={filename}": {
        get: {
          operationId: "exportList",
          tags: ["keys"],
          parameters: [
            { name: "listId", in: "path", required: true, schema: string },
            { $ref: "#/components/parameters/Filename" },
          ],
          responses: ok,
        },
      },
      "/files/{filename}": {
        get: {
          operationId: "getFile",
          tags: ["keys"],
          parameters: [{ $ref: "#/components/parameters/Filename" }],
          responses: ok,
        },
      },
      // Literal values (freetv-app.com).
      "/services?funcs=GetLatestNews&mobile=1": {
        get: { operationId: "latestNews", tags: ["keys"], responses: ok },
      },
      // Cannot move: the query tells operations on one path apart (flickr.com, weatherbit.io).
      "/rest?method=photos.get": { get: { operationId: "photosGet", tags: ["keys"], responses: ok } },
      "/rest?method=photos.delete": { get: { operationId: "photosDelete", tags: ["keys"], responses: ok } },
      "/alerts": { get: { operationId: "alerts", tags: ["keys"], responses: ok } },
      "/alerts?city={city}": {
        get: {
          operationId: "alertsByCity",
          tags: ["keys"],
          parameters: [{ name: "city", in: "path", required: true, schema: string }],
          responses: ok,
        },
      },
      // Cannot move: a query item named by a template (clicksend.com).
      "/numbers/{country}?{kind}=1": {
        get: {
          operationId: "searchNumbers",
          tags: ["keys"],
          parameters: [
            { name: "country", in: "path", required: true, schema: string },
            { name: "kind", in: "path", required: true, schema: string },
          ],
          responses: ok,
        },
      },
    },
    components: {
      parameters: { Filename: { name: "filename", in: "path", required: true, schema: string } },
    },
  };
}

describe("planQueryKeyFixes", () => {
  it("moves the keys it can and keeps the others, each with the reason", () => {
    const plan = planQueryKeyFixes(document());
    expect(plan.fixes.map((fix) => [fix.key, fix.path])).toEqual([
      ["/search/articles?query={query}", "/search/articles"],
      ["/icons/latest?term={term}&amount={amount}", "/icons/latest"],
      ["/rides?page={page}&per_page={per_page}", "/rides"],
      ["/lists/{listId}/export?file={filename}", "/lists/{listId}/export"],
      ["/services?funcs=GetLatestNews&mobile=1", "/services"],
    ]);
    expect(plan.fixes[4]?.query).toEqual([
      { name: "funcs", value: "GetLatestNews" },
      { name: "mobile", value: "1" },
    ]);
    expect(plan.kept).toEqual([
      {
        key: "/rest?method=photos.get",
        reason: "another key serves GET /rest too: the query tells the operations apart",
      },
      {
        key: "/rest?method=photos.delete",
        reason: "another key serves GET /rest too: the query tells the operations apart",
      },
      {
        key: "/alerts?city={city}",
        reason: "another key serves GET /alerts too: the query tells the operations apart",
      },
      { key: "/numbers/{country}?{kind}=1", reason: 'its query item "{kind}=1" is named by a template' },
    ]);
    expect(planQueryKeyFixes({ openapi: "3.1.0", paths: { "/a": { get: {} } } })).toEqual({ fixes: [], kept: [] });
  });
});

describe("moveQueryKeys (what the overlay does)", () => {
  const spec = document();
  moveQueryKeys(spec, planQueryKeyFixes(spec).fixes);
  /** @param {string} path @param {string} method */
  const parameters = (path, method) => spec.paths[path]?.[method]?.parameters;

  it("keys each moved item by its path; the keys it keeps stay as written", () => {
    expect(Object.keys(spec.paths).filter((key) => key.includes("?"))).toEqual([
      "/rest?method=photos.get",
      "/rest?method=photos.delete",
      "/alerts?city={city}",
      "/numbers/{country}?{kind}=1",
    ]);
    for (const path of ["/search/articles", "/icons/latest", "/rides", "/lists/{listId}/export", "/services"]) {
      expect(spec.paths[path], path).toBeDefined();
    }
  });

  it("turns templated items into query parameters, keeping what was declared for them", () => {
    expect(parameters("/search/articles", "get")).toEqual([
      { name: "query", in: "query", required: true, schema: string },
    ]);
    expect(parameters("/icons/latest", "get")).toEqual([
      { name: "amount", in: "query", required: true, schema: { type: "integer" } },
      {
        name: "term",
        in: "query",
        required: true,
        description: "The {term} of the path as the document wrote it.",
        schema: string,
      },
    ]);
    // Renamed to the item's name; the component, which another path uses as it is, untouched.
    expect(parameters("/lists/{listId}/export", "get")).toEqual([
      { name: "listId", in: "path", required: true, schema: string },
      { name: "file", in: "query", required: true, schema: string },
    ]);
    expect(spec.components.parameters.Filename).toEqual({
      name: "filename",
      in: "path",
      required: true,
      schema: string,
    });
  });

  it("joins a path already there without touching its own method, summary or parameters", () => {
    expect(spec.paths["/rides"].summary).toBe("Rides");
    expect(spec.paths["/rides"].parameters).toEqual([{ name: "X-Trace", in: "header", schema: string }]);
    expect(spec.paths["/rides"].post).toEqual({ operationId: "createRide", tags: ["keys"], responses: ok });
    expect(parameters("/rides", "get")).toEqual([
      { name: "page", in: "query", required: true, schema: { type: "integer" } },
      { name: "per_page", in: "query", required: true, schema: { type: "integer" } },
    ]);
  });

  it("makes a literal item a required parameter of that one value", () => {
    expect(parameters("/services", "get")).toEqual([
      expect.objectContaining({
        name: "funcs",
        in: "query",
        required: true,
        schema: { type: "string", enum: ["GetLatestNews"] },
      }),
      expect.objectContaining({ name: "mobile", in: "query", required: true, schema: { type: "string", enum: ["1"] } }),
    ]);
  });

  it("leaves a document the generators read: every moved operation models", () => {
    const model = buildModel(spec);
    const byId = new Map(model.operations.map((operation) => [operation.op.operation.operationId, operation]));
    expect(byId.get("latestIcons")?.op.path).toBe("/icons/latest");
    expect(byId.get("latestIcons")?.queryParams.map((parameter) => parameter.name)).toEqual(["amount", "term"]);
    expect(byId.get("exportList")?.pathParams.map((parameter) => parameter.name)).toEqual(["listId"]);
    expect(byId.get("exportList")?.queryParams.map((parameter) => parameter.name)).toEqual(["file"]);
    // As written, the same operations do not model.
    expect(() => buildModel(document())).toThrow(/the path template names \{/);
  });
});

describe("scaffolding a document with query strings in its path keys", () => {
  /** @type {Awaited<ReturnType<typeof scaffolded>>} */
  let repo;
  beforeAll(async () => {
    repo = await scaffolded(document(), "keys");
  });
  afterAll(async () => {
    await repo?.remove();
  });

  it("writes the overlay, says what moved and what stayed, and leaves the document as written", async () => {
    const line = repo.report.find((text) => text.startsWith(QUERY_KEYS_OVERLAY));
    expect(line).toContain("5 path key(s) with a query string (the first: /search/articles?query={query})");
    expect(repo.report).toContain(
      'Note: the path key /numbers/{country}?{kind}=1 keeps its query string (its query item "{kind}=1" is named by a template); the generators may refuse it.',
    );
    const written = YAML.parse(await readFile(join(repo.out, "spec/openapi.yaml"), "utf8"));
    expect(written.paths["/search/articles?query={query}"]).toBeDefined();
    const overlay = YAML.parse(await readFile(join(repo.out, QUERY_KEYS_OVERLAY), "utf8"));
    expect(overlay.actions).toHaveLength(10);
    expect(overlay.actions[1]).toEqual({ target: "$['paths']['/search/articles?query={query}']", remove: true });
    expect(queryKeyOverlay(document(), [], "Keys API")).toBeUndefined();
  });

  it("builds a bundle keyed by paths (what the mock, generators and tests read), as moveQueryKeys does", async () => {
    const built = await repo.built();
    const expected = document();
    moveQueryKeys(expected, planQueryKeyFixes(expected).fixes);
    expect(Object.keys(built.paths).sort()).toEqual(Object.keys(expected.paths).sort());
    for (const path of ["/search/articles", "/icons/latest", "/rides", "/lists/{listId}/export", "/services"]) {
      for (const method of ["get", "post"]) {
        expect(built.paths[path][method]?.parameters, `${method} ${path}`).toEqual(
          expected.paths[path][method]?.parameters,
        );
      }
    }
  });
});
