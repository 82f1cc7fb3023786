// @ts-check
// Two OpenAPI documents nobody here wrote (from the pinned @readme/oas-examples): each is
// scaffolded into a temp folder, then set up, built, linted and tested by the two commands of the
// scaffolded README's Quick start, run exactly as written there (so the test breaks when they do):
// bootstrap and build; lint, then the tests: contract tests against Prism, the docs build with its
// offline check, the samples' typecheck, publint/attw on the packages. One at a time: two cores.
// Train Travel's sdk.config.json is edited before the first build, as a user may: other names for
// the client's factory and type than the scaffold derived, which the whole repo must follow.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scaffold } from "../src/scaffold.js";

const require = createRequire(import.meta.url);
const FIXTURES = [
  { file: "@readme/oas-examples/3.0/json/petstore.json", scope: "@petstore", name: "petstore", openapi: "3.0" },
  {
    file: "@readme/oas-examples/3.1/json/train-travel.json",
    scope: undefined,
    name: undefined,
    openapi: "3.1",
    client: { factory: "openTrainTravel", type: "TrainTravelApi", variable: "travel" },
  },
];

// Only what a developer's shell would have: no turbo or pnpm variables of the run that started us.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(TURBO_|npm_|PNPM_|VITEST|NODE_OPTIONS$)/i.test(key)),
);
Object.assign(env, { TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", CI: "true" });
// Except one: bootstrap.sh installs online (`pnpm install --frozen-lockfile`, as on a fresh
// machine); every package is already in the pnpm store, so prefer it over asking the registry,
// which this machine may not reach. pnpm 11+ reads settings from `pnpm_config_*` variables only
// (an `npm_config_prefer_offline` would be ignored).
env.pnpm_config_prefer_offline = "true";

const ANSI_COLOR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/**
 * Runs a shell command line as a developer would type it, in `cwd`.
 *
 * @param {string} cwd
 * @param {string} command
 */
function sh(cwd, command) {
  const started = performance.now();
  const run = spawnSync("bash", ["-c", command], { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const output = `${run.stdout}${run.stderr}`.replace(ANSI_COLOR, "");
  return { status: run.status, output, seconds: (performance.now() - started) / 1000 };
}

/**
 * The commands of the README's "Quick start": each ```sh block there, in order.
 *
 * @param {string} readme
 */
function quickStart(readme) {
  const section = /^## Quick start\b[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? "";
  return [...section.matchAll(/^[ \t]*```sh\n([\s\S]*?)^[ \t]*```/gm)].map((match) =>
    /** @type {string} */ (match[1]).trim(),
  );
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
  /** @type {string[]} */
  let commands = [];

  beforeAll(async () => {
    document = JSON.parse(await readFile(spec, "utf8"));
    out = join(work, fixture.name ?? "from-title");
    const started = performance.now();
    /** @type {string[]} */
    const lines = [];
    await scaffold({ spec, out, scope: fixture.scope, name: fixture.name, log: (line) => lines.push(line) });
    seconds.scaffold = (performance.now() - started) / 1000;
    expect(lines.join("\n")).toContain(`(OpenAPI ${document.openapi})`);
    if (fixture.client) {
      // Value for value, so that the file stays as Biome formatted it.
      const file = join(out, "sdk.config.json");
      let text = await readFile(file, "utf8");
      const derived = JSON.parse(text).client;
      for (const key of /** @type {const} */ (["factory", "type", "variable"])) {
        text = text.replace(
          `"${key}": ${JSON.stringify(derived[key])}`,
          `"${key}": ${JSON.stringify(fixture.client[key])}`,
        );
      }
      await writeFile(file, text);
      expect(JSON.parse(text).client).toEqual(fixture.client);
    }
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
      expect(text, path).not.toMatch(/usehatchapp|@hatch-api\/|HATCH_|HatchClient/);
    }
  });

  it("its README's Quick start is two shell commands, for the pnpm on PATH", async () => {
    commands = quickStart(await readFile(join(out, "README.md"), "utf8"));
    expect(commands, "README.md: set up and build, then lint and test").toHaveLength(2);
    // bootstrap.sh installs pnpm globally with npm when the one on PATH is not the pinned one:
    // not something a test may do, so it stops here instead.
    const pinned = JSON.parse(await readFile(join(out, "package.json"), "utf8")).packageManager;
    expect(`pnpm@${sh(out, "pnpm --version").output.trim()}`, "pnpm on PATH").toBe(pinned);
  });

  it("README step 1 sets up and builds: lint and bundle, types, SDK, samples, contract bindings, client, docs", async () => {
    const command = /** @type {string} */ (commands[0]);
    const build = sh(out, command);
    seconds[command] = build.seconds;
    expect(build.status, build.output.slice(-4000)).toBe(0);
    expect(existsSync(join(out, "packages/docs/dist/index.html"))).toBe(true);
    expect(existsSync(join(out, "packages/client/dist/index.cjs"))).toBe(true);
    // The client is declared under sdk.config.json's names, not the core's neutral ones.
    const { client } = JSON.parse(await readFile(join(out, "sdk.config.json"), "utf8"));
    const declarations = await readFile(join(out, "packages/client/dist/index.d.ts"), "utf8");
    expect(declarations).toContain(
      `declare function ${client.factory}(options?: ${client.type}Options): ${client.type};`,
    );
    expect(declarations).not.toMatch(/SdkClient/);
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

  // The template's README promises it: no task's inputs include another task's outputs, so a
  // second build of a fresh clone replays every task from turbo's cache.
  it("builds a second time from turbo's cache alone (FULL TURBO)", () => {
    const again = sh(out, "pnpm build");
    seconds["pnpm build again"] = again.seconds;
    expect(again.status, again.output.slice(-4000)).toBe(0);
    const missed = again.output.split("\n").filter((line) => /cache miss/.test(line));
    expect(again.output, `tasks that ran again:\n${missed.join("\n")}`).toContain("FULL TURBO");
  });

  it("README step 2 lints and tests: Redocly, Biome, tsc; every operation and status against Prism, the samples' typecheck, the packages' checks", () => {
    const command = /** @type {string} */ (commands[1]);
    const check = sh(out, command);
    seconds[command] = check.seconds;
    expect(check.status, check.output.slice(-6000)).toBe(0);
    const contract = /contract-tests:test:\s+Tests\s+(\d+) passed \((\d+)\)/.exec(check.output);
    expect(contract, "the contract tests ran").not.toBeNull();
    expect(contract?.[1]).toBe(contract?.[2]);
    expect(check.output).toMatch(/docs:typecheck: \$ tsc --noEmit -p tsconfig\.samples\.json/);
    expect(check.output).toMatch(/client:test: .*All good!/);
  });
});
