import { describe, expect, it } from "vitest";
import { CONTRACT_USERNAME, contractAuth } from "../src/auth.js";
import type { OpenApiDocument } from "../src/spec.js";

// The contract suite authenticates as each document's security schemes say (an API using HTTP
// basic failed 847 of 848 contract tests when the suite sent a bearer key and no username).
const document = (schemes: Record<string, unknown>, security: unknown[], operationSecurity?: unknown[]) =>
  ({
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    security,
    components: { securitySchemes: schemes },
    paths: {
      "/a": { get: { operationId: "a", responses: {}, ...(operationSecurity ? { security: operationSecurity } : {}) } },
    },
  }) as unknown as OpenApiDocument;

describe("contractAuth", () => {
  it("HTTP basic: a username, the key as password", () => {
    const result = contractAuth(document({ basic: { type: "http", scheme: "Basic" } }, [{ basic: [] }]), "k");
    expect(result).toEqual({
      auth: [{ type: "basic", username: CONTRACT_USERNAME }],
      headers: ["authorization"],
      query: [],
    });
  });

  it("API keys in a header, the query and a cookie; OAuth 2 as a bearer token", () => {
    const result = contractAuth(
      document(
        {
          header: { type: "apiKey", in: "header", name: "X-Api-Key" },
          query: { type: "apiKey", in: "query", name: "api_key" },
          cookie: { type: "apiKey", in: "cookie", name: "session" },
          oauth: { type: "oauth2", flows: {} },
        },
        [{ header: [] }, { query: [] }],
        [{ cookie: [] }, { oauth: ["read"] }],
      ),
      "k",
    );
    expect(result.auth).toEqual([
      { type: "apiKey", in: "header", name: "X-Api-Key" },
      { type: "apiKey", in: "query", name: "api_key" },
      { type: "bearer" },
      { type: "apiKey", in: "header", name: "Cookie", value: "session=k" },
    ]);
    expect(result.headers).toEqual(["x-api-key", "authorization", "cookie"]);
    expect(result.query).toEqual(["api_key"]);
  });

  it("one scheme per header: bearer and basic both want Authorization, the first required wins", () => {
    const result = contractAuth(
      document({ bearer: { type: "http", scheme: "bearer" }, basic: { type: "http", scheme: "basic" } }, [
        { bearer: [] },
        { basic: [] },
      ]),
      "k",
    );
    expect(result.auth).toEqual([{ type: "bearer" }]);
  });

  it("no security required: the client's own default", () => {
    expect(contractAuth(document({ basic: { type: "http", scheme: "basic" } }, []), "k").auth).toBeUndefined();
  });
});
