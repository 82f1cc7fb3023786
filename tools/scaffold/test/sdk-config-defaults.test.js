// @ts-check
import { describe, expect, it } from "vitest";
import { lintConfig, summarizeLint } from "../src/lint-report.js";
import { baseUrlOf, defaultSdkConfig, nameFromTitle, securityOf } from "../src/sdk-config-defaults.js";

describe("the first sdk.config.json of a scaffolded repo", () => {
  const spec = {
    openapi: "3.1.0",
    info: { title: "Train Travel API", version: "1" },
    servers: [{ url: "https://{region}.trains.test/v1/", variables: { region: { default: "eu" } } }],
    security: [{ token: [] }],
    paths: { "/a": { get: { security: [{ key: [] }, { cookie: [] }] } } },
    components: {
      securitySchemes: {
        unused: { type: "http", scheme: "basic" },
        key: { type: "apiKey", in: "query", name: "api_key" },
        token: { type: "oauth2", flows: {} },
        cookie: { type: "apiKey", in: "cookie", name: "sid" },
      },
    },
  };

  it("takes its names from the title, and its scope from --scope", () => {
    expect(nameFromTitle(spec)).toBe("train-travel");
    const { config } = defaultSdkConfig({ spec, scope: "@acme" });
    expect(config.packages).toEqual({
      types: "@acme/types",
      client: "@acme/client",
      cli: "@acme/cli",
      mcp: "@acme/mcp",
    });
    expect(config.cli).toEqual({ bin: "train-travel" });
    expect(config.mcp).toEqual({ bin: "train-travel-mcp" });
    expect(config.client).toEqual({
      factory: "createTrainTravelClient",
      type: "TrainTravelClient",
      variable: "trainTravel",
    });
    expect(config.env).toEqual({
      apiKey: "TRAIN_TRAVEL_API_KEY",
      baseUrl: "TRAIN_TRAVEL_BASE_URL",
      log: "TRAIN_TRAVEL_LOG",
    });
    expect(config.rateLimit).toBe(false);
  });

  it("names the samples' variable after the API unless that is a reserved word", () => {
    expect(defaultSdkConfig({ spec, name: "delete" }).config.client).toEqual({
      factory: "createDeleteClient",
      type: "DeleteClient",
      variable: "deleteClient",
    });
  });

  it("takes the base URL from the first server, variables filled in", () => {
    expect(baseUrlOf(spec)).toEqual({ baseUrl: "https://eu.trains.test/v1" });
    expect(baseUrlOf({ servers: [{ url: "/v1" }] }).note).toContain('"/v1" is not an absolute http(s) URL');
    expect(baseUrlOf({}).note).toContain("declares no server");
  });

  it("sends the schemes the document requires that the client can send, and reports the others", () => {
    expect(securityOf(spec)).toEqual({ security: ["key", "token"], unsupported: ["cookie (apiKey in cookie)"] });
    const { notes } = defaultSdkConfig({ spec });
    expect(notes.join("\n")).toContain("cookie (apiKey in cookie)");
  });
});

describe("the lint report", () => {
  const report = {
    problems: [
      { ruleId: "security-defined", severity: "error", location: [{ pointer: "#/paths/~1a/get" }] },
      { ruleId: "security-defined", severity: "error", location: [{ pointer: "#/paths/~1b/get" }] },
      { ruleId: "operation-4xx-response", severity: "warn", location: [{ pointer: "#/paths/~1a/get/responses" }] },
    ],
  };

  it("counts each rule with its first place, errors first", () => {
    const { lines } = summarizeLint(report);
    expect(lines[0]).toBe("Redocly recommended: 2 error(s) in 1 rule(s), 1 warning(s) in 1 rule(s):");
    expect(lines[1]).toBe("  error security-defined ×2 (first at #/paths/~1a/get)");
    expect(lines[2]).toBe("  warn  operation-4xx-response ×1 (first at #/paths/~1a/get/responses)");
  });

  it("keeps recommended and turns only the failed error rules into warnings", () => {
    const config = lintConfig(summarizeLint(report));
    expect(config).toContain("extends:\n  - recommended");
    expect(config).toContain("  security-defined: warn # 2 problem(s), first at #/paths/~1a/get");
    expect(config).not.toContain("operation-4xx-response");
    expect(lintConfig(summarizeLint({ problems: [] }))).not.toContain("rules:");
  });
});
