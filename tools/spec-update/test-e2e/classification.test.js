// @ts-check
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDifferences } from "../src/differences.js";
import { dryRun } from "../test/support/dry-run.js";
import { contactParams, hatchVariant, removeHatchDocuments } from "../test/support/hatch-document.js";
import { startServer } from "../test/support/http-server.js";
import { FIXTURES, REPO } from "../test/support/paths.js";
import { removeTempRepos } from "../test/support/temp-repo.js";

afterAll(() => {
  removeHatchDocuments();
  removeTempRepos();
});

describe("spec/upstream-differences.yaml", () => {
  it("is valid: every entry has an id, a known kind and a reason", async () => {
    const differences = await loadDifferences(join(REPO, "spec/upstream-differences.yaml"));
    expect(differences.length).toBeGreaterThan(0);
    for (const difference of differences) expect(difference.reason.length).toBeGreaterThan(20);
  });
});

/**
 * @param {import("../src/classify.js").ApiChange[]} changes
 * @param {string} rule
 */
const withRule = (changes, rule) => changes.filter((change) => change.rule.includes(rule));

describe("spec:update --dry-run classifies what Hatch changed, as it affects our SDK", () => {
  it("reports no wire change for a document with today's wire content", async () => {
    const { result, output } = await dryRun(`${FIXTURES}hatch-today.yaml`);
    expect(result?.report.wireChanges).toEqual([]);
    expect(result?.report.bump).toBe("none");
    expect(result?.applied).toBe(false);
    expect(output).toContain("No wire change");
    // Our deliberate differences are explained, not reported.
    const listed = new Set(result?.report.listed.map((item) => item.difference));
    expect(listed).toEqual(new Set(["source-required", "declared-error-responses"]));
  });

  it("reads Hatch's document from a URL as well (a local server on 127.0.0.1)", async () => {
    const server = await startServer({
      "/openapi.yaml": (_request, response) =>
        response.writeHead(200).end(readFileSync(`${FIXTURES}hatch-new-field-and-operation.yaml`)),
    });
    try {
      const { result } = await dryRun(`${server.url}/openapi.yaml`);
      expect(result?.report.source).toBe(`${server.url}/openapi.yaml`);
      expect(result?.report.bump).toBe("minor");
    } finally {
      await server.close();
    }
  });

  it("treats a prose- and example-only rewrite as no wire change (our prose is our own)", async () => {
    const from = hatchVariant((document) => {
      document.paths["/v1/contacts"].post.summary = "Create or update a contact, reworded";
      contactParams(document).properties.phoneNumber.description = "Phone, any format";
      contactParams(document).properties.phoneNumber.example = "+1 555 0100";
    });
    const { result, output } = await dryRun(from);
    expect(result?.report.wireChanges).toEqual([]);
    expect(output).toContain("No wire change");
  });

  it("rates a new optional request field minor", async () => {
    const from = hatchVariant((document) => {
      contactParams(document).properties.companyName = { type: "string", nullable: true };
    });
    const { result, output } = await dryRun(from);
    expect(result?.report.bump).toBe("minor");
    const added = withRule(result?.report.changes ?? [], "new-optional-request-property");
    expect(added.map((change) => change.operation).sort()).toEqual(["POST /v1/contacts", "PUT /v1/contacts"]);
    expect(added[0]).toMatchObject({ level: "minor", kind: "added", target: "request body: companyName" });
    expect(output).toMatch(/minor\s+POST \/v1\/contacts\s+request body: companyName/);
    expect(output).toContain("Bump: minor");
    expect(output).toContain("#/components/schemas/UpsertContactParams/properties/companyName/description");
  });

  it("rates a new operation minor, and lists its placeholders", async () => {
    const from = hatchVariant((document) => {
      document.paths["/v1/contacts/{id}"] = {
        delete: {
          operationId: "HatchWeb.Api.V1.ContactController.delete",
          tags: ["Contacts"],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            200: {
              description: "Deleted",
              content: { "application/json": { schema: { $ref: "#/components/schemas/ContactResponse" } } },
            },
          },
        },
      };
    });
    const { result } = await dryRun(from);
    expect(result?.report.bump).toBe("minor");
    expect(withRule(result?.report.changes ?? [], "endpoint-added")[0]).toMatchObject({
      operation: "DELETE /v1/contacts/{id}",
      level: "minor",
    });
    expect(result?.report.placeholders).toEqual(
      expect.arrayContaining([
        "/paths/~1v1~1contacts~1{id}/delete/summary",
        "/paths/~1v1~1contacts~1{id}/delete/description",
      ]),
    );
  });

  it("rates a new optional query parameter and a new error status minor, with placeholders for both", async () => {
    const from = hatchVariant((document) => {
      const post = document.paths["/v1/contacts"].post;
      post.parameters = [{ name: "dryRun", in: "query", schema: { type: "boolean" } }];
      post.responses["409"] = {
        description: "Conflict",
        content: { "application/json": { schema: { $ref: "#/components/schemas/JsonErrorResponse" } } },
      };
    });
    const { result } = await dryRun(from);
    expect(result?.report.bump).toBe("minor");
    expect(result?.report.changes.map(({ level, operation, target }) => ({ level, operation, target }))).toEqual([
      { level: "minor", operation: "POST /v1/contacts", target: "parameter: dryRun (query)" },
      { level: "minor", operation: "POST /v1/contacts", target: "response 409" },
    ]);
    expect(result?.report.placeholders).toEqual([
      "/paths/~1v1~1contacts/post/parameters/0/description",
      "/paths/~1v1~1contacts/post/responses/409/description",
    ]);
  });

  it("rates a removed request field major (oasdiff only warns), and drops it from our examples too", async () => {
    const from = hatchVariant((document) => {
      delete contactParams(document).properties.status;
    });
    const { result, error, output } = await dryRun(from);
    expect(error).toBeUndefined();
    expect(output).toMatch(/MAJOR\s+POST \/v1\/contacts\s+request body: status: Removed the request property `status`/);
    expect(output).toContain("request-property-removed (WARN)");
    expect(output).toContain("Bump: major");
    expect(result?.report.bump).toBe("major");
  });

  // Hatch's fixture mirrors our examples: a type change they no longer match makes the candidate
  // fail our lint; the report still comes first.
  it("prints the report before a lint failure (our example no longer matches the new type)", async () => {
    const from = hatchVariant((document) => {
      contactParams(document).properties.phoneNumber = { type: "integer", nullable: true };
    });
    const { error, output } = await dryRun(from);
    expect(output).toMatch(/MAJOR\s+POST \/v1\/contacts\s+request body: phoneNumber/);
    expect(output).toContain("Bump: major");
    expect(error?.message).toMatch(/fails lint, so nothing was written/);
    expect(error?.message).toMatch(/phoneNumber/);
  });

  it("rates a newly required request field major", async () => {
    const from = hatchVariant((document) => {
      contactParams(document).required = ["phoneNumber"];
    });
    const { result, error } = await dryRun(from);
    expect(error).toBeUndefined();
    expect(result?.report.bump).toBe("major");
    expect(withRule(result?.report.changes ?? [], "request-property-became-required")[0]).toMatchObject({
      level: "major",
      target: "request body: phoneNumber",
    });
  });

  it("rates a changed field type major", async () => {
    const from = hatchVariant((document) => {
      contactParams(document).properties.details = { type: "string" };
    });
    const { result } = await dryRun(from);
    expect(result?.report.bump).toBe("major");
    expect(withRule(result?.report.changes ?? [], "type-changed")[0]).toMatchObject({
      level: "major",
      target: "request body: details",
    });
  });

  it("rates a removed response field major", async () => {
    const from = hatchVariant((document) => {
      const data = document.components.schemas.ContactResponse.properties.data;
      data.properties = { uuid: { type: "string" } };
      data.required = ["uuid"];
    });
    const { output } = await dryRun(from);
    expect(output).toMatch(/MAJOR\s+POST \/v1\/contacts\s+response 200: data\/id/);
    expect(output).toContain("Bump: major");
  });

  it("rates a removed operation major", async () => {
    const from = hatchVariant((document) => {
      delete document.paths["/v1/contacts"].put;
    });
    const { result } = await dryRun(from);
    expect(result?.report.bump).toBe("major");
    expect(withRule(result?.report.changes ?? [], "api-removed-without-deprecation")[0]).toMatchObject({
      operation: "PUT /v1/contacts",
      level: "major",
      kind: "removed",
    });
  });

  it("reads OpenAPI 3.1 JSON the same way (type arrays for nullable)", async () => {
    const from = hatchVariant(
      (document) => {
        document.openapi = "3.1.0";
        for (const property of Object.values(contactParams(document).properties)) {
          if (property.nullable) {
            property.type = [property.type, "null"];
            delete property.nullable;
          }
        }
      },
      { json: true },
    );
    const { result } = await dryRun(from);
    expect(result?.report.wireChanges).toEqual([]);
  });

  it("reports a listed difference Hatch has since fixed as now agreeing", async () => {
    const from = hatchVariant((document) => {
      contactParams(document).required = ["source"];
      document.tags = [{ name: "contacts" }];
      document.paths["/v1/contacts"].post.responses["401"] = {
        description: "Unauthorized",
        content: { "application/json": { schema: { $ref: "#/components/schemas/JsonErrorResponse" } } },
      };
    });
    const { result, output } = await dryRun(from);
    expect(result?.report.wireChanges.map((change) => change.text)).toEqual([]);
    expect(result?.report.agreements.map((agreement) => agreement.id).sort()).toEqual([
      "declared-error-responses",
      "declared-tag",
      "source-required",
      "source-required",
    ]);
    expect(output).toContain("Now agrees");
    expect(output).toContain("POST /v1/contacts: the upstream document now declares the 401 response too.");
  });
});
