// @ts-check
// Two OpenAPI documents nobody here wrote (from the pinned @readme/oas-examples): each is
// scaffolded into a temp folder, installed offline from the pnpm store, built and tested with the
// scaffolded repo's own commands (its README's two: build, then lint and test: contract tests against Prism, the docs build with its offline
// check, the samples' typecheck, publint/attw on the packages). One at a time: two cores.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scaffold } from "../src/scaffold.js";

const require = createRequire(import.meta.url);
const FIXTURES = [
  { file: "@readme/oas-examples/3.0/json/petstore.json", scope: "@petstore", name: "petstore", openapi: "3.0" },
  { file: "@readme/oas-examples/3.1/json/train-travel.json", scope: undefined, name: undefined, openapi: "3.1" },
];

// Only what a developer's shell would have: no turbo or pnpm variables of the run that started us.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(TURBO_|npm_|PNPM_|VITEST|NODE_OPTIONS$)/i.test(key)),
);
Object.assign(env, { TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", CI: "true" });

const ANSI_COLOR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/**
 * @param {string} cwd
 * @param {string[]} args
 */
function pnpm(cwd, args) {
  const started = performance.now();
  const run = spawnSync("pnpm", args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const output = `${run.stdout}${run.stderr}`.replace(ANSI_COLOR, "");
  return { status: run.status, output, seconds: (performance.now() - started) / 1000 };
}

/** @type {string} */
let work;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "scaffold-e2e-"));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.each(FIXTURES)("$file", (fixture) => {
  const spec = require.resolve(fixture.file);
  /** @type {string} */
  let out;
  /** @type {Record<string, any>} */
  let document;
  /** @type {Record<string, number>} */
  const seconds = {};

  beforeAll(async () => {
    document = JSON.parse(await readFile(spec, "utf8"));
    out = join(work, fixture.name ?? "from-title");
    const started = performance.now();
    /** @type {string[]} */
    const lines = [];
    await scaffold({ spec, out, scope: fixture.scope, name: fixture.name, log: (line) => lines.push(line) });
    seconds.scaffold = (performance.now() - started) / 1000;
    expect(lines.join("\n")).toContain(`(OpenAPI ${document.openapi})`);
  });

  afterAll(() => {
    console.log(
      `${fixture.file}: ${Object.entries(seconds)
        .map(([stage, s]) => `${stage} ${s.toFixed(1)} s`)
        .join(", ")}`,
    );
  });

  it(`is OpenAPI ${fixture.openapi} and nothing of Hatch's is copied`, async () => {
    expect(String(document.openapi).startsWith(fixture.openapi)).toBe(true);
    expect(existsSync(join(out, "spec/openapi.yaml"))).toBe(true);
    expect(existsSync(join(out, "spec/overlays/10-sdk-names.yaml"))).toBe(false);
    expect(existsSync(join(out, "spec/api-changes"))).toBe(false);
    const files = (await readdir(out, { recursive: true })).filter((path) => !/node_modules|\.turbo/.test(path));
    for (const path of files.filter((name) => /\.(ts|js|json|yaml|md)$/.test(name))) {
      const text = await readFile(join(out, path), "utf8");
      expect(text, path).not.toMatch(/usehatchapp|@hatch-api\/|HATCH_|createHatchClient/);
    }
  });

  it("installs offline from the store with the lockfile it wrote", () => {
    const install = pnpm(out, ["install", "--frozen-lockfile", "--offline"]);
    seconds.install = install.seconds;
    expect(install.status, install.output).toBe(0);
  });

  it("builds: lint and bundle, types, SDK, samples, contract bindings, client, docs", async () => {
    const build = pnpm(out, ["build"]);
    seconds.build = build.seconds;
    expect(build.status, build.output.slice(-4000)).toBe(0);
    expect(existsSync(join(out, "packages/docs/dist/index.html"))).toBe(true);
    expect(existsSync(join(out, "packages/client/dist/index.cjs"))).toBe(true);
    // Every operation of the document is an SDK method.
    const sdk = (await readdir(join(out, "packages/client/src/generated"))).filter((name) => name.endsWith(".ts"));
    const generated = (
      await Promise.all(sdk.map((name) => readFile(join(out, "packages/client/src/generated", name), "utf8")))
    ).join("\n");
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(/** @type {Record<string, any>} */ (item))) {
        if (operation?.operationId)
          expect(generated).toContain(`operationId: ${JSON.stringify(operation.operationId)}`);
      }
    }
  });

  it("passes its lint: Redocly, Biome, tsc over every package", () => {
    const lint = pnpm(out, ["lint"]);
    seconds.lint = lint.seconds;
    expect(lint.status, lint.output.slice(-6000)).toBe(0);
  });

  it("passes its tests: every operation and status against Prism, the samples' typecheck, the packages' checks", () => {
    const test = pnpm(out, ["test"]);
    seconds.test = test.seconds;
    expect(test.status, test.output.slice(-6000)).toBe(0);
    const contract = /contract-tests:test:\s+Tests\s+(\d+) passed \((\d+)\)/.exec(test.output);
    expect(contract, "the contract tests ran").not.toBeNull();
    expect(contract?.[1]).toBe(contract?.[2]);
    expect(test.output).toMatch(/docs:typecheck: \$ tsc --noEmit -p tsconfig\.samples\.json/);
    expect(test.output).toMatch(/client:test: .*All good!/);
  });
});
