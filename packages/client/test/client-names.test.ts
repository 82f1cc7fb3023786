import { readFile } from "node:fs/promises";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { declareAsExported } from "../exported-names.ts";
import { createSdkClient } from "../src/client.js";
import { SDK_CONFIG } from "../src/generated/sdk-config.js";
import * as entry from "../src/index.js";

// sdk.config.json `client` names the factory and the types; the core declares them under neutral
// names (createSdkClient, SdkClient, SdkClientOptions) that users never see.
const { factory, type } = SDK_CONFIG.client;
const fetch = async () => new Response("{}");

describe("the configured names", () => {
  it("are what the entry exports the core's factory as", () => {
    expect((entry as Record<string, unknown>)[factory]).toBe(createSdkClient);
    expect(Object.keys(entry).filter((name) => /SdkClient/.test(name))).toEqual([]);
  });

  it("are what the client's messages and inspection call it", () => {
    expect(() => createSdkClient({ apiKey: "", fetch })).toThrow(`${factory}: missing`);
    expect(() => createSdkClient({ apiKey: "k", fetch, maxRetries: -1 })).toThrow(`${factory}: \`maxRetries\``);
    expect(() => createSdkClient({ apiKey: "k", fetch, auth: [] })).toThrow(`${factory}: \`auth\` must name`);
    expect(inspect(createSdkClient({ apiKey: "k", fetch }))).toMatch(new RegExp(`^${type} \\{`));
  });

  it.each(["index.d.ts", "index.d.cts"])("are the declarations' own names in the built dist/%s", async (file) => {
    const declarations = await readFile(new URL(`../dist/${file}`, import.meta.url), "utf8");
    expect(declarations).toContain(`declare function ${factory}(options?: ${type}Options): ${type};`);
    expect(declarations).toContain(`interface ${type} extends`);
    expect(declarations).toContain(`interface ${type}Options {`);
    expect(declarations).not.toMatch(/SdkClient/);
  });
});

describe("declareAsExported", () => {
  it("renames a declaration exported under another name, and every reference to it", () => {
    const code = [
      "interface Core { readonly name: string }",
      "declare function createCore(options?: CoreOptions): Core;",
      "interface CoreOptions { core?: Core }",
      "export { type Core as Acme, type CoreOptions as AcmeOptions, createCore as createAcme };",
    ].join("\n");
    expect(declareAsExported(code)).toBe(
      [
        "interface Acme { readonly name: string }",
        "declare function createAcme(options?: AcmeOptions): Acme;",
        "interface AcmeOptions { core?: Acme }",
        "export { type Acme, type AcmeOptions, createAcme };",
      ].join("\n"),
    );
  });

  it("keeps a property, a parameter and a type parameter of the same spelling", () => {
    const code = [
      "interface Core { Core: string; method<Core>(Core: Core): void }",
      "declare const value: { Core: number };",
      "export { type Core as Acme, value };",
    ].join("\n");
    expect(declareAsExported(code)).toBe(
      [
        "interface Acme { Core: string; method<Core>(Core: Core): void }",
        "declare const value: { Core: number };",
        "export { type Acme, value };",
      ].join("\n"),
    );
  });

  it("leaves an alias whose name is taken, one exported twice, and an import", () => {
    const taken = "interface Core {}\ndeclare const Acme: number;\nexport { type Core as Acme };";
    expect(declareAsExported(taken)).toBe(taken);
    const twice = "interface Core {}\nexport { type Core as Acme, type Core as Other };";
    expect(declareAsExported(twice)).toBe(twice);
    const imported = 'import { Client } from "openapi-fetch";\nexport { type Client as Acme };';
    expect(declareAsExported(imported)).toBe(imported);
  });
});
