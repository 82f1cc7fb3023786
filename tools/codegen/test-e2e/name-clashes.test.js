// @ts-check
import { spawnSync } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { generate, renderTarget } from "../src/generate.js";
import { buildModel } from "../src/model.js";
import { tinySpec } from "../test/helpers.js";

// Real documents name things freely: a schema called like an operation's generated alias, two
// operationIds with the same words, ids with `#` or a leading digit, two resources whose
// PascalCase names meet. Every such document must generate code that compiles, with the clashes
// resolved the same way on every run (never an error).
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const acmeConfig = fileURLToPath(new URL("../test/fixtures/acme.sdk.config.json", import.meta.url));
const work = join(packageDir, ".tmp", `name-clashes-${process.pid}`);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const json = {
  content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } },
};
const clashing = tinySpec(
  {
    // The operation's `<Op>Response` alias meets the schema `CreateAnswerResponse`.
    "POST /answers": {
      operationId: "createAnswer",
      tags: ["answers"],
      requestBody: json,
      responses: { 200: { description: "ok", ...json } },
    },
    "GET /assistants": { operationId: "listAssistants", tags: ["assistants"] },
    // `#` and a leading digit in operationIds; two ids with the same words.
    "POST /oauth2/token": { operationId: "post_oauth2_token#refresh", tags: ["auth"] },
    "PUT /oauth2/token": { operationId: "post_oauth2_token#grant", tags: ["auth"] },
    "GET /2fa": { operationId: "2fa-status", tags: ["auth"] },
    "GET /a-b": { operationId: "a-b", tags: ["misc"] },
    "GET /a_b": { operationId: "a_b", tags: ["misc"] },
    // Two resources whose method types meet: credentialList.sip and credential.listSip.
    "GET /credential-lists/sip": { operationId: "sip", tags: ["credentialList"] },
    "GET /credentials/sip": { operationId: "listSip", tags: ["credential"] },
    // Two derived method names on one resource: contacts.get twice.
    "GET /contacts": { operationId: "getContacts", tags: ["contacts"] },
    "GET /contact": { operationId: "getContact", tags: ["contacts"] },
  },
  {
    components: {
      schemas: {
        CreateAnswerResponse: { type: "object", properties: { answer: { type: "string" } } },
        ListAssistantsResponse: { type: "object", properties: { data: { type: "array", items: {} } } },
        "2fa": { type: "string" },
        operations: { type: "string" },
      },
    },
  },
);

describe("clashing names", () => {
  it("are resolved deterministically: the document's schema names win, generated ones give way", async () => {
    const model = buildModel(clashing, "openapi.json");
    const byId = (/** @type {string} */ id) => model.byId.get(id);
    expect(byId("createAnswer")?.typeName).toBe("CreateAnswerOperation");
    expect(byId("listAssistants")?.typeName).toBe("ListAssistantsOperation");
    expect(byId("post_oauth2_token#refresh")?.typeName).toBe("PostOauth2TokenRefresh");
    expect(byId("2fa-status")?.typeName).toBe("Op2faStatus");
    expect([byId("a-b")?.typeName, byId("a_b")?.typeName]).toEqual(["AB", "ABOperation"]);
    expect([byId("a-b")?.identifier, byId("a_b")?.identifier]).toEqual(["a_b", "a_b2"]);
    expect(byId("2fa-status")?.identifier).toBe("_2fa_status");
    expect([byId("sip")?.sdkTypeBase, byId("listSip")?.sdkTypeBase]).toEqual([
      "CredentialListSip",
      "CredentialListSip2",
    ]);
    expect([byId("getContacts")?.sdkMethod, byId("getContact")?.sdkMethod]).toEqual(["get", "getContact"]);
    expect(Object.fromEntries(model.schemaAliases)).toEqual({
      CreateAnswerResponse: "CreateAnswerResponse",
      ListAssistantsResponse: "ListAssistantsResponse",
      "2fa": "Schema2fa",
      operations: "operations2",
    });
    // Same input, same names.
    const again = buildModel(structuredClone(clashing), "openapi.json");
    expect([...again.byId.values()].map((m) => [m.typeName, m.identifier, m.sdkTypeBase])).toEqual(
      [...model.byId.values()].map((m) => [m.typeName, m.identifier, m.sdkTypeBase]),
    );
  });

  it("generate types and an SDK that compile", async () => {
    const dir = join(work, "compile");
    await mkdir(dir, { recursive: true });
    const spec = join(dir, "openapi.json");
    await writeFile(spec, JSON.stringify(clashing));
    await generate("types", { spec, out: join(dir, "types") });
    // The entry a types package adds to its aliases (openapi-typescript's names), as the client imports them.
    await writeFile(
      join(dir, "types", "index.ts"),
      'export type * from "./aliases.js";\nexport type { components, operations, paths } from "./openapi.js";\n',
    );
    // The sdk target re-emits the client core next to the resources; the config names the client.
    await generate("sdk", { spec, out: join(dir, "sdk"), typesModule: "../types/index.js", sdkConfig: acmeConfig });
    await writeFile(
      join(dir, "usage.ts"),
      [
        'import type { CreateAnswerResponse, CreateAnswerOperationResponse, PostOauth2TokenRefreshResponse } from "./types/aliases.js";',
        'import { createResources } from "./sdk/resources.js";',
        "const sdk = createResources(async () => undefined as never);",
        "// The schema keeps its name; the operation's response alias is the body it declares.",
        'const answer: CreateAnswerResponse = { answer: "42" };',
        'const created: CreateAnswerOperationResponse = { id: "a" };',
        "const refreshed: PostOauth2TokenRefreshResponse = undefined;",
        "void sdk.contacts.getContact();",
        "void sdk.credential.listSip();",
        "export { answer, created, refreshed };",
        "",
      ].join("\n"),
    );
    const config = join(dir, "tsconfig.json");
    await writeFile(
      config,
      JSON.stringify({
        extends: fileURLToPath(new URL("../../../tsconfig.base.json", import.meta.url)),
        compilerOptions: { noEmit: true, types: [] },
        include: ["**/*.ts"],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const result = spawnSync(process.execPath, [tsc, "-p", config], { encoding: "utf8" });
    expect(`${result.stdout}${result.stderr}`).toBe("");
    expect(result.status).toBe(0);
  });

  it("a document whose schemas are named like TypeScript's own types (`string`) generates types and an SDK that compile", async () => {
    const dir = join(work, "reserved");
    await mkdir(dir, { recursive: true });
    const spec = fileURLToPath(new URL("../test/fixtures/reserved-names.json", import.meta.url));
    await generate("types", { spec, out: join(dir, "types") });
    await writeFile(
      join(dir, "types", "index.ts"),
      'export type * from "./aliases.js";\nexport type { components, operations, paths } from "./openapi.js";\n',
    );
    await generate("sdk", { spec, out: join(dir, "sdk"), typesModule: "../types/index.js", sdkConfig: acmeConfig });
    await writeFile(
      join(dir, "usage.ts"),
      [
        'import type { String, String2, Thing } from "./types/aliases.js";',
        'import { createResources } from "./sdk/resources.js";',
        "const sdk = createResources(async () => undefined as never);",
        "// `string` is the document's string schema under its alias; `String` its own object schema.",
        'const name: String2 = "x";',
        "const wrapper: String = { text: name };",
        "const thing: Thing = { name, size: 1, gone: true };",
        "void sdk.things.delete(name);",
        "export { thing, wrapper };",
        "",
      ].join("\n"),
    );
    const config = join(dir, "tsconfig.json");
    await writeFile(
      config,
      JSON.stringify({
        extends: fileURLToPath(new URL("../../../tsconfig.base.json", import.meta.url)),
        compilerOptions: { noEmit: true, types: [] },
        include: ["**/*.ts"],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const result = spawnSync(process.execPath, [tsc, "-p", config], { encoding: "utf8" });
    expect(`${result.stdout}${result.stderr}`).toBe("");
    expect(result.status).toBe(0);
  });

  it("two x-sdk-method names the document chose on one name stay an error naming both", async () => {
    const spec = tinySpec({
      "GET /a": { operationId: "a", tags: ["t"], "x-sdk-method": "same" },
      "GET /b": { operationId: "b", tags: ["t"], "x-sdk-method": "same" },
    });
    await expect(renderTarget("types", spec, { file: "openapi.json" })).rejects.toThrow(
      /two operations map to the SDK method t\.same: a .* and b .* \(different paths\)/,
    );
  });
});

describe("request examples carry the declared types", () => {
  it("a property example that breaks its schema (an array for a string enum) is not used", async () => {
    const include = { type: "string", enum: ["members", "notes"], example: ["members", "notes"] };
    const spec = tinySpec({
      "POST /projects": {
        operationId: "duplicateProject",
        tags: ["projects"],
        parameters: [
          { name: "opt_fields", in: "query", schema: { type: "array", items: { type: "string" } }, example: "a,b" },
        ],
        requestBody: {
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["include", "name"],
                properties: { include, name: { type: "string", example: "New" } },
              },
            },
          },
        },
      },
    });
    const { requestExample } = await import("../src/targets/samples.js");
    const model = buildModel(spec, "openapi.json");
    const example = requestExample(spec, /** @type {any} */ (model.byId.get("duplicateProject")));
    expect(example.body).toEqual({ include: "members", name: "New" });
    expect(example.query).toEqual({ opt_fields: ["string"] });
  });
});

describe("request examples of allOf schemas", () => {
  it("give a value to a property required beside allOf but declared in one of its parts", async () => {
    const { schemaExample } = await import("../src/examples.js");
    const spec = {
      components: {
        schemas: { Base: { type: "object", properties: { name: { type: "string", example: "Doc" } } } },
      },
    };
    const schema = {
      type: "object",
      required: ["signers"],
      allOf: [
        { $ref: "#/components/schemas/Base" },
        { properties: { signers: { type: "array", items: { type: "string", format: "email" } } } },
      ],
    };
    expect(schemaExample(spec, schema)).toEqual({ name: "Doc", signers: ["user@example.com"] });
  });
});

describe("a request example when none conforms", () => {
  it("is the one built from the schema, which keeps the declared types, not the document's", async () => {
    const { mediaExample } = await import("../src/examples.js");
    const media = {
      schema: { type: "object", minProperties: 3, required: ["hour"], properties: { hour: { type: "string" } } },
      example: { hour: 840 },
    };
    expect(mediaExample({}, media)).toEqual({ hour: "string" });
  });
});
