import {
  changelogVersions,
  compareVersionsDescending,
  operationsMarkdown,
  referenceRoutes,
  referenceSpec,
} from "@sdkit/docs";
import { describe, expect, it } from "vitest";

/** A document unlike Hatch's: parameters, allOf, arrays of objects, oneOf, no tags on one operation. */
const petstore = {
  openapi: "3.0.3",
  info: { title: "Pets", version: "2.0.0", description: "# Guide\n\nLong guide text." },
  tags: [{ name: "Pet Store" }],
  security: [{ key: [] }],
  paths: {
    "/pets/{petId}": {
      parameters: [{ $ref: "#/components/parameters/PetId" }],
      get: {
        operationId: "getPet",
        summary: "Get a pet",
        tags: ["Pet Store"],
        parameters: [{ name: "fields", in: "query", schema: { type: "array", items: { type: "string" } } }],
        responses: {
          "200": {
            description: "The pet",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
          },
          "404": { description: "No such pet" },
        },
      },
      patch: {
        operationId: "updatePet",
        summary: "Update a pet",
        requestBody: {
          content: {
            "application/json": {
              schema: {
                allOf: [
                  { $ref: "#/components/schemas/Named" },
                  {
                    type: "object",
                    required: ["tags"],
                    properties: {
                      tags: { type: "array", items: { type: "object", properties: { label: { type: "string" } } } },
                      owner: { oneOf: [{ type: "object", properties: { personId: { type: "integer" } } }] },
                    },
                  },
                ],
              },
            },
          },
        },
        responses: { default: { description: "An error" } },
      },
    },
  },
  components: {
    securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } },
    parameters: { PetId: { name: "petId", in: "path", required: true, schema: { type: "string", format: "uuid" } } },
    schemas: {
      Named: { type: "object", required: ["name"], properties: { name: { type: "string", enum: ["a", "b"] } } },
      Pet: {
        allOf: [
          { $ref: "#/components/schemas/Named" },
          { properties: { parent: { $ref: "#/components/schemas/Pet" } } },
        ],
      },
    },
  },
};

describe("operations as Markdown", () => {
  it("covers parameters (path-level too), merged allOf fields, arrays, oneOf variants, statuses and auth of any document", () => {
    const markdown = operationsMarkdown(petstore);
    expect(markdown).toContain("`GET /pets/{petId}` (operationId `getPet`)");
    expect(markdown).toContain("| `petId` | path | string (uuid) | yes |");
    expect(markdown).toContain("| `fields` | query | array of string | no |");
    expect(markdown).toContain('| `name` | string, one of "a", "b" | yes |');
    expect(markdown).toContain("| `tags` | array of object | yes |");
    expect(markdown).toContain("| `tags[].label` | string | no |");
    expect(markdown).toContain("| `owner.personId` | integer | no |");
    // A recursive schema stops instead of looping.
    expect(markdown).toContain("| `parent` | object | no |");
    for (const status of ["200", "404", "default"]) expect(markdown).toContain(`\n#### ${status}\n`);
    expect(markdown).toContain("Authentication: API key in the header `X-Key`.");
    // Document order: GET before PATCH.
    expect(markdown.indexOf("getPet")).toBeLessThan(markdown.indexOf("updatePet"));
  });

  it("keeps the guide out of Redoc's copy of the spec and lists Redoc's routes per tag", () => {
    const spec = referenceSpec(petstore);
    expect(spec.info.description).not.toContain("Long guide text");
    expect(spec.info.description).toContain("[guide](index.html)");
    expect(petstore.info.description).toContain("Long guide text");
    expect(referenceRoutes(petstore).map((route) => route.route)).toEqual([
      "/pet-store",
      "/pet-store/getpet",
      "/other",
      "/other/updatepet",
    ]);
  });
});

describe("changelog helpers", () => {
  it("splits a Changesets changelog by version and orders versions newest first", () => {
    const versions = changelogVersions("# pkg\n\n## 1.10.0\n\n- b\n\n## 1.9.0\n\n### Patch Changes\n\n- a\n");
    expect([...versions.keys()]).toEqual(["1.10.0", "1.9.0"]);
    expect(versions.get("1.9.0")).toBe("### Patch Changes\n\n- a");
    expect(["1.9.0", "1.10.0-rc.1", "0.2.0", "1.10.0"].sort(compareVersionsDescending)).toEqual([
      "1.10.0",
      "1.10.0-rc.1",
      "1.9.0",
      "0.2.0",
    ]);
  });
});
