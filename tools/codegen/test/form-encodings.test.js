// @ts-check
// A form body whose document declares how fields are written (`encoding`: deepObject, a style
// not exploded) is encoded so by the SDK's methods and the contract bindings alike: the
// descriptor names the core's `formEncoder` with the declared encodings, and the output compiles.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { declaredFormEncodings } from "../src/form-encodings.js";
import { renderTarget } from "../src/generate.js";
import { CONTRACT_OPTIONS, tinySpec, typeErrors } from "./helpers.js";

const FORM = "application/x-www-form-urlencoded";

const schema = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string" },
    metadata: { type: "object", additionalProperties: { type: "string" } },
    items: { type: "array", items: { type: "object", properties: { price: { type: "string" } } } },
    tags: { type: "array", items: { type: "string" } },
  },
};

/** @param {Record<string, unknown>} [encoding] */
const document = (encoding) =>
  tinySpec({
    "POST /customers": {
      operationId: "createCustomer",
      tags: ["customers"],
      requestBody: { required: true, content: { [FORM]: { schema, ...(encoding ? { encoding } : {}) } } },
    },
  });

const stripeLike = {
  metadata: { style: "deepObject", explode: true },
  items: { style: "deepObject", explode: true },
  tags: { style: "form", explode: true },
};

describe("declaredFormEncodings", () => {
  it("keeps the fields whose declared encoding is not the default, as written", () => {
    expect(declaredFormEncodings(FORM, { schema, encoding: stripeLike })).toEqual({
      metadata: { style: "deepObject", explode: true },
      items: { style: "deepObject", explode: true },
    });
    expect(
      declaredFormEncodings(`${FORM}; charset=utf-8`, {
        encoding: { a: { explode: false }, b: { style: "pipeDelimited" }, c: { style: "form" } },
      }),
    ).toEqual({ a: { explode: false }, b: { style: "pipeDelimited" } });
  });

  it("has nothing to say for defaults, unknown styles, other media types or no encoding", () => {
    expect(declaredFormEncodings(FORM, { encoding: { a: { style: "form", explode: true }, b: {} } })).toBeUndefined();
    expect(declaredFormEncodings(FORM, { encoding: { a: { style: "matrix" } } })).toBeUndefined();
    expect(declaredFormEncodings("multipart/form-data", { encoding: stripeLike })).toBeUndefined();
    expect(declaredFormEncodings(FORM, { schema })).toBeUndefined();
    expect(declaredFormEncodings(FORM, undefined)).toBeUndefined();
  });
});

describe("a form body with declared encodings", () => {
  it("is encoded by formEncoder with them in the SDK's descriptor, and the SDK compiles", async () => {
    const spec = document(stripeLike);
    const sdkConfig = fileURLToPath(new URL("./fixtures/acme.sdk.config.json", import.meta.url));
    const sdk = await renderTarget("sdk", spec, { file: "openapi.json", typesModule: "@acme/types", sdkConfig });
    const resource = [...sdk.entries()].find(
      ([name, source]) => name.endsWith(".ts") && source.includes("createCustomer"),
    );
    expect(resource, "a resource module has the operation").toBeDefined();
    const source = String(resource?.[1]);
    expect(source).toContain('import { formEncoder } from "./core/body-encoding.js";');
    expect(source).toContain(
      'encodeBody: formEncoder({"metadata":{"style":"deepObject","explode":true},"items":{"style":"deepObject","explode":true}})',
    );

    /** @type {Map<string, string>} */
    const files = new Map();
    for (const [name, text] of await renderTarget("types", spec, { file: "openapi.json" }))
      if (name.endsWith(".ts")) files.set(`types/${name}`, text);
    files.set("types/index.ts", 'export * from "./openapi.js";\nexport * from "./aliases.js";\n');
    for (const [name, text] of sdk) if (name.endsWith(".ts")) files.set(`sdk/${name}`, text);
    expect(await typeErrors(files, { "@acme/client": "sdk/index.ts", "@acme/types": "types/index.ts" })).toEqual([]);
  });

  it("is encoded the same way by the contract bindings", async () => {
    const files = await renderTarget("contract", document(stripeLike), CONTRACT_OPTIONS);
    const operations = String(files.get("operations.ts"));
    expect(operations).toMatch(/^import \{ formEncoder \} from "\.\/core\/body-encoding\.js";$/m);
    expect(operations).toContain('bodySerializer: (body: unknown) => formEncoder({"metadata":{"style":"deepObject"');
    expect(String(files.get("core/body-encoding.ts"))).toMatch(/^export function formEncoder\(/m);
  });

  it("without declared encodings, keeps the default encoder", async () => {
    const files = await renderTarget("contract", document(), CONTRACT_OPTIONS);
    const operations = String(files.get("operations.ts"));
    expect(operations).toContain("bodySerializer: (body: unknown) => encodeForm(body)");
    expect(operations).not.toContain("formEncoder");
  });
});
