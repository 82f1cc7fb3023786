// @ts-check
import { spawnSync } from "node:child_process";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { petstore } from "../test/petstore.js";

// The generated SDK of any document is typed from the generated types: path, query and header
// parameters, the body, the response and the error classes, proven by compiling a usage file.
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const work = join(packageDir, ".tmp", `typed-sdk-${process.pid}`);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/**
 * Runs tsc over every .ts file of `dir` with the repo's compiler options.
 *
 * @param {string} dir
 * @param {{ types?: string[], paths?: Record<string, string[]> }} [options] `paths` maps package names to files
 */
async function typecheck(dir, { types = [], paths = {} } = {}) {
  const config = join(dir, "tsconfig.json");
  await writeFile(
    config,
    JSON.stringify({
      extends: fileURLToPath(new URL("../../../tsconfig.base.json", import.meta.url)),
      // allowJs: the workspace packages the harness imports are JavaScript with JSDoc types.
      compilerOptions: { noEmit: true, allowJs: true, types, paths },
      include: ["**/*.ts"],
    }),
  );
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  return spawnSync(process.execPath, [tsc, "-p", config], { encoding: "utf8" });
}

const acmeConfig = fileURLToPath(new URL("../test/fixtures/acme.sdk.config.json", import.meta.url));

/**
 * The types target, and the entry a types package adds to its aliases (openapi-typescript's names).
 *
 * @param {string} spec
 * @param {string} out
 */
async function generateTypes(spec, out) {
  await generate("types", { spec, out });
  await writeFile(
    join(out, "index.ts"),
    'export type * from "./aliases.js";\nexport type { components, operations, paths } from "./openapi.js";\n',
  );
}

it("compiles a usage of the generated SDK, and refuses wrongly typed calls", async () => {
  const dir = join(work, "typed");
  await mkdir(dir, { recursive: true });
  const spec = join(dir, "openapi.json");
  await writeFile(spec, JSON.stringify(petstore));
  await generateTypes(spec, join(dir, "types"));
  await generate("sdk", { spec, out: join(dir, "sdk"), typesModule: "../types/index.js", sdkConfig: acmeConfig });
  await cp(join(packageDir, "test/fixtures/typed-sdk"), dir, { recursive: true });
  const result = await typecheck(dir);
  expect(`${result.stdout}${result.stderr}`).toBe("");
  expect(result.status).toBe(0);
});

// sdk.config.json decides the client's public names: with other `client.factory` and `client.type`
// than the scaffold would derive, the client's entry exports the core under them, and the samples
// and contract bindings generated from the same config compile against that entry.
it("exports the client under the SDK config's names, which the samples and contract bindings use", async () => {
  const dir = join(work, "names");
  await mkdir(dir, { recursive: true });
  const spec = join(dir, "openapi.json");
  await writeFile(spec, JSON.stringify(petstore));
  const sdkConfig = join(dir, "sdk.config.json");
  await writeFile(
    sdkConfig,
    JSON.stringify({
      name: "acme",
      title: "Acme",
      scope: "@acme",
      packages: { types: "@acme/types", client: "@acme/client" },
      client: { factory: "openAcme", type: "AcmeApi", variable: "api" },
      env: { apiKey: "ACME_KEY", baseUrl: "ACME_URL", log: "ACME_LOG" },
      baseUrl: "https://api.example.com",
      rateLimit: false,
      userAgent: "@acme/client",
      retry: { maxRetries: 2, timeoutMs: 30000 },
      security: ["key"],
    }),
  );
  await generateTypes(spec, join(dir, "types"));
  await generate("sdk", { spec, sdkConfig, out: join(dir, "sdk"), typesModule: "../types/index.js" });
  await generate("samples", { spec, sdkConfig, out: join(dir, "samples") });
  await generate("contract", { spec, sdkConfig, out: join(dir, "contract") });
  await cp(join(packageDir, "test/fixtures/client-names"), dir, { recursive: true });

  const names = await readFile(join(dir, "sdk", "client.ts"), "utf8");
  expect(names).toContain("export function openAcme(options: AcmeApiOptions = {}): AcmeApi {");
  expect(names).toContain("export interface AcmeApi extends Client<paths");
  expect(names).toContain("export interface AcmeApiOptions {");
  expect(await readFile(join(dir, "samples", "createPet.ts"), "utf8")).toContain(
    'import { openAcme } from "@acme/client"',
  );

  // "@acme/client" is the entry (fixtures/client-names/index.ts), as a user's project resolves it;
  // the contract entry files compile against the harness's own types (tools/contract-harness).
  const harness = fileURLToPath(new URL("../../contract-harness/src/", import.meta.url));
  const result = await typecheck(dir, {
    types: ["node"],
    paths: {
      "@acme/client": ["./index.ts"],
      "@sdkit/contract": [`${harness}index.ts`],
      "@sdkit/contract/vitest": [`${harness}vitest.ts`],
    },
  });
  expect(`${result.stdout}${result.stderr}`).toBe("");
  expect(result.status).toBe(0);
});
