// @ts-check
import { spawnSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { readSdkConfig, resolveSecurity, validateSdkConfig } from "../src/sdk-config.js";
import { acmeConfig, scratch } from "../test/helpers.js";
import { petstore } from "../test/petstore.js";

const cli = fileURLToPath(new URL("../src/cli.js", import.meta.url));
const hatchConfigFile = fileURLToPath(new URL("../../../sdk.config.json", import.meta.url));

/**
 * A valid config for a made-up API, changed per test.
 *
 * @returns {import("../src/sdk-config.js").SdkConfig}
 */
function acme() {
  return acmeConfig({ baseUrl: "https://api.acme.test/v2", security: [] });
}

/** @param {unknown} value */
function problems(value) {
  try {
    validateSdkConfig(value, "sdk.config.json");
  } catch (error) {
    return /** @type {Error} */ (error).message;
  }
  throw new Error("expected the config to be refused");
}

/** @type {Awaited<ReturnType<typeof scratch>>} */
let work;
beforeEach(async () => {
  work = await scratch("sdk-config");
});
afterEach(async () => {
  await work.remove();
});

describe("validation", () => {
  it("accepts Hatch's own config and a config without rate limit or credentials", async () => {
    const hatch = await readSdkConfig(hatchConfigFile);
    expect(hatch.packages.client).toBe("@hatch-api/client");
    expect(validateSdkConfig(acme(), "sdk.config.json").rateLimit).toBe(false);
  });

  it("names an unknown field and the fields allowed there", () => {
    const config = { ...acme(), env: { ...acme().env, apikey: "X" } };
    expect(problems(config)).toContain("sdk.config.json: invalid SDK config");
    expect(problems(config)).toContain("#/env/apikey: unknown field (allowed: apiKey, baseUrl, log)");
  });

  it("names a missing field", () => {
    const { userAgent: _dropped, ...config } = acme();
    expect(problems(config)).toContain("#/userAgent: is required");
  });

  it("reports every bad field at once, each by pointer with what it must be", () => {
    const config = {
      ...acme(),
      env: { apiKey: "acme-key", baseUrl: "ACME_BASE_URL", log: "ACME_LOG" },
      baseUrl: "api.acme.test",
    };
    const message = problems(config);
    expect(message).toContain('#/env/apiKey: "acme-key" is not valid');
    expect(message).toContain(
      '#/baseUrl: "api.acme.test" is not valid (The default API origin, an absolute http(s) URL.)',
    );
  });

  it("explains a bad rate limit once, in words", () => {
    const message = problems({ ...acme(), rateLimit: { limit: 0, intervalMs: 1000 } });
    expect(message).toContain("#/rateLimit: must be false or { limit, intervalMs } with positive integers");
    expect(message.match(/#\/rateLimit/g)).toHaveLength(1);
  });

  it("refuses a package outside the scope, and one env var for both settings", () => {
    const config = {
      ...acme(),
      packages: { types: "@acme/types", client: "@other/client" },
      env: { apiKey: "ACME", baseUrl: "ACME", log: "ACME_LOG" },
    };
    const message = problems(config);
    expect(message).toContain('#/packages/client: "@other/client" is not in the scope @acme (#/scope)');
    expect(message).toContain("#/env/baseUrl: must differ from #/env/apiKey");
  });

  it("refuses client names that are reserved words, TypeScript's own types, or clash", () => {
    const reserved = problems({ ...acme(), client: { factory: "delete", type: "string", variable: "class" } });
    expect(reserved).toContain('#/client/factory: "delete" is a reserved word');
    expect(reserved).toContain('#/client/type: "string" is a reserved word');
    expect(reserved).toContain('#/client/variable: "class" is a reserved word');
    const clash = problems({ ...acme(), client: { factory: "AcmeOptions", type: "Acme", variable: "AcmeOptions" } });
    expect(clash).toContain("#/client/factory: must differ from #/client/type and its options type AcmeOptions");
    expect(clash).toContain("#/client/variable: must differ from #/client/factory");
    expect(problems({ ...acme(), client: { ...acme().client, type: "9Lives" } })).toContain(
      '#/client/type: "9Lives" is not valid',
    );
  });

  it("names the file when it is not JSON", async () => {
    const file = join(work.dir, "sdk.config.json");
    await writeFile(file, "{ name: acme }");
    await expect(readSdkConfig(file)).rejects.toThrow(`${file}: is not valid JSON`);
  });
});

describe("security schemes", () => {
  const spec = {
    components: {
      securitySchemes: {
        token: { type: "http", scheme: "Bearer" },
        basic: { type: "http", scheme: "basic" },
        header: { type: "apiKey", in: "header", name: "X-Api-Key" },
        query: { $ref: "#/components/x-schemes/query" },
        cookie: { type: "apiKey", in: "cookie", name: "sid" },
        oauth: { type: "oauth2", flows: {} },
      },
      "x-schemes": { query: { type: "apiKey", in: "query", name: "api_key" } },
    },
  };
  const files = { configFile: "sdk.config.json", specFile: "openapi.json" };

  it("resolves each kind the client sends, in the config's order", () => {
    const config = { ...acme(), security: ["query", "token", "basic", "header"] };
    expect(resolveSecurity(config, spec, files)).toEqual([
      { name: "query", type: "apiKey", in: "query", parameter: "api_key" },
      { name: "token", type: "http", scheme: "bearer" },
      { name: "basic", type: "http", scheme: "basic" },
      { name: "header", type: "apiKey", in: "header", parameter: "X-Api-Key" },
    ]);
  });

  it("names an undeclared scheme with the declared ones", () => {
    expect(() => resolveSecurity({ ...acme(), security: ["token", "bearerAuth"] }, spec, files)).toThrow(
      'sdk.config.json #/security/1: security scheme "bearerAuth" is not declared in openapi.json#/components/securitySchemes (declared: token, basic, header, query, cookie, oauth)',
    );
  });

  it("sends an OAuth 2 scheme as a bearer access token", () => {
    expect(resolveSecurity({ ...acme(), security: ["oauth"] }, spec, files)).toEqual([
      { name: "oauth", type: "http", scheme: "bearer" },
    ]);
  });

  it("refuses an API key in a cookie, which the client cannot send", () => {
    expect(() => resolveSecurity({ ...acme(), security: ["cookie"] }, spec, files)).toThrow(
      'sdk.config.json #/security/0: security scheme "cookie" is apiKey in cookie',
    );
  });
});

describe("--sdk-config", () => {
  /** @param {object} config */
  async function writeConfig(config) {
    const file = join(work.dir, "sdk.config.json");
    await writeFile(file, JSON.stringify(config));
    return file;
  }
  it("makes the sdk target write client.ts with the config's values and the spec's schemes", async () => {
    const spec = await work.writeSpec(petstore);
    const sdkConfig = await writeConfig({ ...acme(), security: ["key"] });
    const out = join(work.dir, "sdk");
    await generate("sdk", { spec, out, sdkConfig });
    const text = await readFile(join(out, "client.ts"), "utf8");
    expect(text.split("\n")[0]).toBe("// generated from openapi.json by @sdkit/codegen, do not edit");
    expect(text).toContain('export const DEFAULT_BASE_URL: "https://api.acme.test/v2" = "https://api.acme.test/v2";');
    expect(text).toContain("export const DEFAULT_RATE_LIMIT: false = false;");
    expect(text).toContain('security: [{"name":"key","type":"apiKey","in":"header","parameter":"X-Api-Key"}],');
    // The types module came from the config too.
    expect(await readFile(join(out, "pets.ts"), "utf8")).toContain('from "@acme/types"');
  });

  it("makes the sdk target declare the factory, types and errors under the config's names", async () => {
    const spec = await work.writeSpec(petstore);
    const sdkConfig = await writeConfig(acme());
    const out = join(work.dir, "sdk");
    await generate("sdk", { spec, out, sdkConfig });
    const text = await readFile(join(out, "client.ts"), "utf8");
    expect(text).toContain("export function createAcmeClient(options: AcmeClientOptions = {}): AcmeClient {");
    expect(text).toContain("export interface AcmeClientOptions {");
    expect(text).toContain("export interface AcmeClient extends Client<paths");
    expect(text).toMatch(/export class AcmeApiError extends AcmeError \{\n {2}override name = "AcmeApiError";/);
    // Without a config, the sdk target refuses to run rather than leave the names out.
    await expect(generate("sdk", { spec, out, typesModule: "@acme/types" })).rejects.toThrow(
      "the sdk target needs --sdk-config",
    );
  });

  it("supplies the samples' names, and a flag still wins over the config", async () => {
    const spec = await work.writeSpec(petstore);
    const sdkConfig = await writeConfig(acme());
    const out = join(work.dir, "samples");
    await generate("samples", { spec, out, sdkConfig, clientVariable: "client" });
    const sample = await readFile(join(out, "createPet.ts"), "utf8");
    expect(sample).toContain('import { createAcmeClient } from "@acme/client"');
    expect(sample).toContain("process.env.ACME_API_KEY");
    expect(sample).toContain("const client = createAcmeClient(");
  });

  it("CLI: a bad config exits 1 naming the field, and leaves the previous output", async () => {
    const spec = await work.writeSpec(petstore);
    const out = join(work.dir, "sdk");
    await mkdir(out);
    await writeFile(join(out, "keep.ts"), "previous");
    const sdkConfig = await writeConfig({ ...acme(), retry: { maxRetries: -1, timeoutMs: 5000 } });
    const run = spawnSync(process.execPath, [cli, "sdk", "--spec", spec, "--out", out, "--sdk-config", sdkConfig], {
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${sdkConfig}: invalid SDK config`);
    expect(run.stderr).toContain("#/retry/maxRetries: must be >= 0");
    expect(await readFile(join(out, "keep.ts"), "utf8")).toBe("previous");
  });
});
