// @ts-check
import { spawnSync } from "node:child_process";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readTree } from "@hatch-api/test-support";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generate, renderTarget } from "../src/generate.js";
import { scratch, tinySpec } from "../test/helpers.js";
import { petstore } from "../test/petstore.js";

const cli = fileURLToPath(new URL("../src/cli.js", import.meta.url));

const TARGET_OPTIONS = {
  types: {},
  sdk: {
    typesModule: "@acme/types",
    sdkConfig: fileURLToPath(new URL("../test/fixtures/acme.sdk.config.json", import.meta.url)),
  },
  samples: {
    clientPackage: "@acme/client",
    clientFactory: "createAcme",
    clientVariable: "acme",
    apiKeyEnv: "ACME_KEY",
  },
  contract: {
    clientPackage: "@acme/client",
    clientType: "AcmeClient",
    clientFactory: "createAcme",
    apiKeyEnv: "ACME_KEY",
    providerUrlEnv: "ACME_CONTRACT_BASE_URL",
  },
};

/** @type {Awaited<ReturnType<typeof scratch>>} */
let work;
beforeEach(async () => {
  work = await scratch("generate");
});
afterEach(async () => {
  await work.remove();
});

describe("every target", () => {
  it.each(Object.keys(TARGET_OPTIONS))(
    "%s: a rebuild is byte-identical and every file carries the header",
    async (target) => {
      const spec = await work.writeSpec(petstore);
      const options = TARGET_OPTIONS[/** @type {keyof typeof TARGET_OPTIONS} */ (target)];
      const out = join(work.dir, "generated");
      await generate(/** @type {any} */ (target), { spec, out, ...options });
      const first = readTree(out);
      await generate(/** @type {any} */ (target), { spec, out, ...options });
      expect(readTree(out)).toEqual(first);
      expect(Object.keys(first).length).toBeGreaterThan(0);
      for (const [name, text] of Object.entries(first)) {
        // JSON has no comments: a generated .json file carries the header as its `generated` field.
        const header = name.endsWith(".json") ? `// ${JSON.parse(text).generated}` : text.split("\n")[0];
        expect(header, name).toMatch(/^(\/\/|#) generated from openapi\.json by @sdkit\/codegen, do not edit$/);
      }
    },
  );
});

describe("atomic output", () => {
  it("a spec that fails to generate leaves the previous output as it was, and no staging folder", async () => {
    const out = join(work.dir, "generated");
    await generate("samples", { spec: await work.writeSpec(petstore), out, ...TARGET_OPTIONS.samples });
    const before = readTree(out);
    const broken = tinySpec({ "GET /a": { tags: ["a"] } });
    await expect(
      generate("samples", { spec: await work.writeSpec(broken), out, ...TARGET_OPTIONS.samples }),
    ).rejects.toThrow(/#\/paths\/~1a\/get: GET \/a has no operationId/);
    expect(readTree(out)).toEqual(before);
    expect((await readdir(work.dir)).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("files the new generation does not produce are removed", async () => {
    const out = join(work.dir, "generated");
    await mkdir(out, { recursive: true });
    await writeFile(join(out, "removedOperation.ts"), "stale");
    await generate("samples", { spec: await work.writeSpec(petstore), out, ...TARGET_OPTIONS.samples });
    expect(Object.keys(readTree(out))).not.toContain("removedOperation.ts");
  });
});

describe("samples", () => {
  it("names files after unsafe operationIds safely and fills parameters from the examples", async () => {
    const files = await renderTarget("samples", petstore, { file: "openapi.json", ...TARGET_OPTIONS.samples });
    expect([...files.keys()].sort()).toEqual([
      "createPet.sh",
      "createPet.ts",
      "getPetBio.sh",
      "getPetBio.ts",
      "getPetPhoto.sh",
      "getPetPhoto.ts",
      "pets%2Fget%2Eone.sh",
      "pets%2Fget%2Eone.ts",
      "uploadPhoto.sh",
      "uploadPhoto.ts",
    ]);
    const curl = files.get("pets%2Fget%2Eone.sh");
    expect(curl).toContain('curl --request GET "https://api.example.com/pets/p%201?include-owner=true"');
    expect(curl).toContain('--header "X-Api-Key: $ACME_KEY"');
    const ts = files.get("pets%2Fget%2Eone.ts");
    expect(ts).toContain('import { createAcme } from "@acme/client";');
    expect(ts).toContain("const acme = createAcme({ apiKey: process.env.ACME_KEY });");
    expect(ts).toContain('const result = await acme.pets.get("p 1", { "include-owner": true });');
    // A body example is built from the schema's property examples; quotes survive the shell.
    // (with the defaulted property too: a sample shows what the server would assume).
    expect(files.get("createPet.sh")).toContain(`--data '{\n    "name": "Rex'\\''s",\n    "status": "available"\n  }'`);
    expect(files.get("createPet.ts")).toContain('await acme.pets.create({ name: "Rex\'s", status: "available" });');
  });
});

describe("types", () => {
  it("aliases every schema and each operation's body, parameters, response and error statuses", async () => {
    const files = await renderTarget("types", petstore, { file: "openapi.json" });
    const aliases = files.get("aliases.ts") ?? "";
    for (const name of [
      "Pet",
      "PetList",
      "PetsGetOnePathParams",
      "PetsGetOneQueryParams",
      "PetsGetOneHeaderParams",
      "PetsGetOneResponse",
      "PetsGetOneErrorStatus",
      "CreatePetRequestBody",
      "CreatePetResponse",
      "CreatePetErrorStatus",
    ]) {
      expect(aliases).toContain(`export type ${name} =`);
    }
    expect(aliases).toContain('export type PetList = components["schemas"]["pet-list"];');
    expect(aliases).toContain("export type CreatePetResponse = undefined;");
    expect(aliases).toContain("A pet. *\\/ not the end of the comment");
    expect(files.get("openapi.ts")).toContain("export interface paths");
  });

  it("a schema keeps its name; an operation alias that would clash with it takes another prefix", async () => {
    const spec = /** @type {any} */ (structuredClone(petstore));
    spec.components.schemas.CreatePetResponse = { type: "object" };
    const aliases = (await renderTarget("types", spec, { file: "openapi.json" })).get("aliases.ts") ?? "";
    expect(aliases).toContain('export type CreatePetResponse = components["schemas"]["CreatePetResponse"];');
    expect(aliases).toContain("export type CreatePetOperationResponse = undefined;");
    expect(aliases).toContain("export type CreatePetOperationRequestBody =");
    expect(aliases.match(/export type CreatePetResponse =/g)).toHaveLength(1);
  });
});

describe("sdk", () => {
  it("one method per operation: path parameters first, then the query, then options with the headers", async () => {
    const files = await renderTarget("sdk", petstore, { file: "openapi.json", ...TARGET_OPTIONS.sdk });
    expect([...files.keys()].filter((name) => !name.startsWith("core/")).sort()).toEqual([
      "client.ts",
      "index.ts",
      "pets.ts",
      "resources.ts",
    ]);
    expect([...files.keys()]).toContain("core/transport.ts");
    const pets = files.get("pets.ts") ?? "";
    expect(pets).toContain(
      'get(petId: PetsGetOnePathParams["petId"], query?: PetsGetOneQueryParams, options?: PetsGetOptions): Promise<PetsGetOneResponse>;',
    );
    expect(pets).toContain("headers?: PetsGetOneHeaderParams;");
    expect(pets).toContain("create(body: CreatePetRequestBody, options?: PetsCreateOptions): Promise<void>;");
    expect(pets).toContain("export type PetsGetError = ErrorFor<PetsGetOneErrorStatus>;");
    expect(pets).toContain('from "@acme/types"');
    expect(pets).toContain('from "./core/operation.js"');
    expect(pets).toContain('import type { ErrorFor } from "./client.js";');
    // The configured names: no other API's word.
    expect(pets).toMatch(/@throws \{AcmeApiError\}/);
    expect(files.get("client.ts")).toContain("export function createAcme(options: AcmeClientOptions = {}): AcmeClient");
  });

  it("x-sdk-unwrap must name a property the success schema requires", async () => {
    const spec = structuredClone(petstore);
    /** @type {any} */ (spec.paths["/pets/{petId}"]).get["x-sdk-unwrap"] = "data";
    await expect(renderTarget("sdk", spec, { file: "openapi.json", ...TARGET_OPTIONS.sdk })).rejects.toThrow(
      /#\/paths\/~1pets~1\{petId\}\/get\/x-sdk-unwrap: the 200 body schema .* does not require "data"/,
    );
  });
});

describe("x-sdk-match-keys", () => {
  it("lists the operations that match by body keys, for the client's default resend rule", async () => {
    const spec = /** @type {any} */ (structuredClone(petstore));
    spec.paths["/pets"].post["x-sdk-match-keys"] = ["name"];
    const files = await renderTarget("sdk", spec, { file: "openapi.json", ...TARGET_OPTIONS.sdk });
    expect(files.get("client.ts")).toContain('matchKeys: [{"method":"POST","path":"/pets","keys":["name"]}],');
    const without = await renderTarget("sdk", petstore, { file: "openapi.json", ...TARGET_OPTIONS.sdk });
    expect(without.get("client.ts")).toContain("matchKeys: [],");
  });

  it.each([
    [["nickname"], /x-sdk-match-keys: "nickname" not a property of the request body/],
    [[], /x-sdk-match-keys: must be a non-empty list of request body properties/],
    ["name", /x-sdk-match-keys: must be a non-empty list/],
  ])("refuses %j with the pointer", async (keys, message) => {
    const spec = /** @type {any} */ (structuredClone(petstore));
    spec.paths["/pets"].post["x-sdk-match-keys"] = keys;
    await expect(renderTarget("sdk", spec, { file: "openapi.json", ...TARGET_OPTIONS.sdk })).rejects.toThrow(
      new RegExp(`#/paths/~1pets/post/${message.source}`),
    );
  });

  it("needs a JSON request body", async () => {
    const spec = /** @type {any} */ (structuredClone(petstore));
    spec.paths["/pets/{petId}"].get["x-sdk-match-keys"] = ["name"];
    await expect(renderTarget("sdk", spec, { file: "openapi.json", ...TARGET_OPTIONS.sdk })).rejects.toThrow(
      /get\/x-sdk-match-keys: the operation declares no JSON request body to match by/,
    );
  });
});

describe("contract", () => {
  it("says how to provoke each declared status, and why one cannot be", async () => {
    const files = await renderTarget("contract", petstore, { file: "openapi.json", ...TARGET_OPTIONS.contract });
    const text = files.get("operations.ts") ?? "";
    expect(text).toContain('prefer: "code=404"');
    expect(text).toMatch(/declared: "default",\n\s+waived: "`default` stands for statuses the spec does not list/);
    expect(text).toContain('client.GET("/pets/{petId}", { params: { path: { petId: "p 1" }');
    expect(text).toContain("client.pets.get(");
  });

  it("asks Prism for the first example that fits the schema, or a generated body when none does", async () => {
    const spec = /** @type {any} */ (structuredClone(petstore));
    const ok = spec.paths["/pets/{petId}"].get.responses[200].content["application/json"];
    const answer = (/** @type {string} */ text) => /prefer: "(code=200[^"]*)"/.exec(text)?.[1];
    const render = async () =>
      (await renderTarget("contract", spec, { file: "openapi.json", ...TARGET_OPTIONS.contract })).get("operations.ts");
    ok.examples = { broken: { value: { tag: "no name" } }, good: { value: { name: "Rex" } } };
    expect(answer((await render()) ?? "")).toBe("code=200, example=good");
    ok.examples = { broken: { value: { tag: "no name" } } };
    expect(answer((await render()) ?? "")).toBe("code=200, dynamic=true");
    delete ok.examples;
    ok.example = { name: 7 };
    expect(answer((await render()) ?? "")).toBe("code=200, dynamic=true");
    ok.example = { name: "Rex" };
    expect(answer((await render()) ?? "")).toBe("code=200");
  });

  it("gives the suites the client's factory, types and error classes under fixed names", async () => {
    const files = await renderTarget("contract", petstore, { file: "openapi.json", ...TARGET_OPTIONS.contract });
    const text = files.get("client.ts") ?? "";
    expect(text).toMatch(
      /export \{\n {2}createAcme as createSdkClient,\n[^}]*AuthenticationError,[^}]*\} from "@acme\/client";/,
    );
    // The status map, as the client applies it, from the classes the client exports (it keeps its
    // own map internal): the named statuses, ServerError for any other 5xx, the API error class else.
    expect(text).toContain("export const errorClasses");
    expect(text).toMatch(/const named[^\n]*422: ValidationError/);
    expect(text).toContain('"5XX": ServerError');
    expect(text).toContain("Object.getPrototypeOf(AuthenticationError)");
    expect(text).toContain(
      'export type { AcmeClient as SdkClient, AcmeClientOptions as SdkClientOptions } from "@acme/client";',
    );
    // Only client.ts names the client package: the bindings take it from there.
    expect(files.get("operations.ts")).toContain('import type { SdkClient } from "./client.js";');
    expect(files.get("operations.ts")).not.toContain("@acme/client");
  });

  it("writes one entry file per suite of @sdkit/contract and a global setup: no hand-written test", async () => {
    const files = await renderTarget("contract", petstore, {
      file: "/repo/spec/dist/openapi.json",
      specFromOut: "../../../spec/dist/openapi.json",
      ...TARGET_OPTIONS.contract,
    });
    // This Petstore declares a 422 but no 401 or 429: those two suites would be empty files
    // (contract-suites.test.js).
    expect([...files.keys()].filter((name) => name.endsWith(".test.ts")).sort()).toEqual([
      "coverage-gate.test.ts",
      "declared-statuses.test.ts",
      "success.test.ts",
      "validation.test.ts",
    ]);
    expect(files.get("success.test.ts")).toContain('import { successTests } from "@sdkit/contract";');
    expect(files.get("success.test.ts")).toContain("await successTests(subject);");
    const setup = files.get("global-setup.ts") ?? "";
    expect(setup).toContain('specPath: new URL("../../../spec/dist/openapi.json", import.meta.url)');
    expect(setup).toContain('apiKeyEnv: "ACME_KEY"');
    expect(setup).toContain('providerUrlEnv: "ACME_CONTRACT_BASE_URL"');
  });
});

describe("the CLI", () => {
  /** @param {string[]} args */
  const run = (args) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });

  it("writes a target and says what it wrote", async () => {
    const spec = await work.writeSpec(petstore);
    const out = join(work.dir, "out");
    const result = run([
      "samples",
      "--spec",
      spec,
      "--out",
      out,
      "--client-package",
      "p",
      "--client-factory",
      "f",
      "--client-variable",
      "v",
      "--api-key-env",
      "K",
    ]);
    expect(result.status, result.stderr).toBe(0);
    // A TypeScript and a curl sample per operation.
    const operations = Object.values(petstore.paths).flatMap((item) => Object.keys(item)).length;
    expect(result.stdout).toMatch(new RegExp(`openapi-codegen samples: ${2 * operations} files in .*out`));
  });

  it("exits 1 with the file and pointer of a bad spec, without a stack trace", async () => {
    const spec = await work.writeSpec(tinySpec({ "GET /a": { tags: ["a"] } }));
    const result = run(["types", "--spec", spec, "--out", join(work.dir, "out")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${spec} #/paths/~1a/get: GET /a has no operationId`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    [["sdk", "--spec", "x.json", "--out", "o"], /the sdk target needs --types-module, --sdk-config/],
    [["bogus", "--spec", "x.json", "--out", "o"], /unknown target "bogus"/],
    [["types", "--out", "o"], /usage: openapi-codegen/],
  ])("%j fails with a usage message", async (args, message) => {
    const spec = await work.writeSpec(petstore, "x.json");
    const result = run(args.map((arg) => (arg === "x.json" ? spec : arg === "o" ? join(work.dir, "o") : arg)));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it.each([
    ["not JSON", "{ openapi", /is not valid JSON/],
    ["Swagger 2", JSON.stringify({ swagger: "2.0", paths: {} }), /#\/openapi: must be OpenAPI 3\.x/],
  ])("%s: names the file", async (_name, body, message) => {
    const spec = await work.writeSpec(body);
    const result = run(["types", "--spec", spec, "--out", join(work.dir, "out")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(spec);
    expect(result.stderr).toMatch(message);
  });
});
