// @ts-check
// The toolchain as a user gets it, end to end. Every non-private @sdkit/* package of this workspace
// is packed and published to one Verdaccio on 127.0.0.1; repos are scaffolded by the scaffold's
// bin and install the toolchain from there (`@sdkit:registry` in a user npmrc outside the repo;
// every other package from the warm pnpm store). Then, as their READMEs say:
// - Lantern Bookings (a small document of our own, test/fixtures): set up and build, lint and test,
//   its name and nobody else's in the client, README and declarations; then a patch release of the
//   toolchain that changes every generated file's header, the README's upgrade command, a rebuild:
//   the new header is in the generated code and the lockfile is the only file that changed.
// - Train Travel (OpenAPI 3.1, from the pinned @readme/oas-examples, nobody here wrote it), with
//   the client renamed in sdk.config.json as a user may: set up and build, lint and test.
// One repo at a time: two cores.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assertLoopbackRegistry } from "@hatch-api/registry-test/loopback-guard";
import { isolatedRegistryEnv } from "@hatch-api/registry-test/registry-env";
import {
  bumpPatch,
  listToolchainPackages,
  packToolchain,
  publishFolders,
  replaceInPackage,
} from "@hatch-api/registry-test/toolchain";
import { startVerdaccio } from "@hatch-api/registry-test/verdaccio";
import { exec } from "@hatch-api/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOOLCHAIN_PACKAGES } from "../src/toolchain-versions.js";

const require = createRequire(import.meta.url);
const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SCAFFOLD_BIN = fileURLToPath(new URL("../bin/scaffold.js", import.meta.url));
const LANTERN = fileURLToPath(new URL("../test/fixtures/lantern-bookings.yaml", import.meta.url));
const TRAIN_TRAVEL = require.resolve("@readme/oas-examples/3.1/json/train-travel.json");
/** What the patch release writes into every generated file's first line. */
const PATCH_MARKER = "toolchain patch release";
/** Words of the toolchain's first user that no other API's SDK may contain. */
const HATCH_WORDS = /hatch|usehatchapp|\bcontacts?\b/i;

/**
 * A README command is a whole repo's install and build, or its lint and test (Prism included):
 * minutes on the shared two-core machine, not the seconds vitest's default is sized for.
 */
const REPO_COMMAND_MS = 300_000;

const ANSI_COLOR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

const run = /** @type {{
  scratch: string,
  registry?: import("@hatch-api/registry-test/verdaccio").LocalRegistry,
  npmrc: string,
  publishEnv: NodeJS.ProcessEnv,
  devEnv: NodeJS.ProcessEnv,
  folders: Map<string, string>,
  versions: Map<string, string>,
  seconds: Record<string, number>,
}} */ ({ seconds: {}, versions: new Map() });

/**
 * Runs a command line as a developer would type it, in `cwd`, with the developer's environment.
 *
 * @param {string} cwd
 * @param {string} command
 * @param {NodeJS.ProcessEnv} [env]
 */
async function sh(cwd, command, env = run.devEnv) {
  const result = await exec("bash", ["-c", command], { cwd, env, timeoutMs: 900_000 });
  return { status: result.code, output: result.output.replace(ANSI_COLOR, ""), seconds: result.ms / 1000 };
}

/**
 * The ```sh blocks of a README section, in order.
 *
 * @param {string} readme
 * @param {string} heading the section's `## ` heading, up to its first word boundary
 */
function shellBlocks(readme, heading) {
  const section =
    new RegExp(`^## ${heading}\\b[^\\n]*\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, "m").exec(readme)?.[1] ?? "";
  return [...section.matchAll(/^[ \t]*```sh\n([\s\S]*?)^[ \t]*```/gm)].map((match) =>
    /** @type {string} */ (match[1]).trim(),
  );
}

/**
 * Every file under `dir` (relative paths), without node_modules, .git and turbo's cache.
 *
 * @param {string} dir
 */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .filter((path) => !/(^|\/)(node_modules|\.git|\.turbo)\//.test(path))
    .sort();
}

beforeAll(async () => {
  const started = performance.now();
  run.scratch = await mkdtemp(join(tmpdir(), "scaffold-e2e-"));
  run.registry = await startVerdaccio(join(run.scratch, "verdaccio"));
  const registry = assertLoopbackRegistry(run.registry.url);
  const host = new URL(registry).host;
  // One user npmrc: the toolchain's scope from the local registry (as a team with its own registry
  // would configure it), and the token to publish there. Nothing is written into the repos.
  run.npmrc = join(run.scratch, "npmrc");
  await writeFile(run.npmrc, `@sdkit:registry=${registry}\n//${host}/:_authToken=${run.registry.token}\n`);
  run.publishEnv = await isolatedRegistryEnv({
    registry,
    token: run.registry.token,
    userconfig: run.npmrc,
    dir: run.scratch,
  });

  // A developer's shell: none of the turbo, pnpm or vitest variables of the run that started us.
  run.devEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(TURBO_|npm_|PNPM_|VITEST|NODE_OPTIONS$)/i.test(key)),
  );
  Object.assign(run.devEnv, {
    TURBO_TELEMETRY_DISABLED: "1",
    REDOCLY_TELEMETRY: "off",
    CI: "true",
    npm_config_userconfig: run.npmrc,
    // Every third-party package is in the pnpm store already: no need to ask the registry.
    pnpm_config_prefer_offline: "true",
    // pnpm installs only releases older than a day (minimumReleaseAge, 1440 minutes by default);
    // these were published seconds ago. A team's `pnpm up` gets a patch release the next day.
    pnpm_config_minimum_release_age: "0",
  });

  const packages = await listToolchainPackages(REPO_ROOT);
  run.folders = await packToolchain(packages, { dest: join(run.scratch, "release") });
  await publishFolders(run.folders, { registry, env: run.publishEnv });
  for (const pkg of packages) run.versions.set(pkg.name, pkg.version);
  run.seconds["publish toolchain"] = (performance.now() - started) / 1000;
});

afterAll(async () => {
  console.log(
    `scaffold e2e: ${Object.entries(run.seconds)
      .map(([stage, s]) => `${stage} ${s.toFixed(1)} s`)
      .join(", ")}`,
  );
  await run.registry?.stop();
  if (run.scratch) await rm(run.scratch, { recursive: true, force: true });
});

it("publishes the whole toolchain, the scaffold included, and nothing else", () => {
  const names = [...run.versions.keys()];
  expect(names).toEqual(expect.arrayContaining([...TOOLCHAIN_PACKAGES, "@sdkit/scaffold"]));
  expect(names.every((name) => name.startsWith("@sdkit/"))).toBe(true);
});

describe("Lantern Bookings, a document of our own: scaffold, build, test, upgrade", () => {
  /** @type {string} */
  let out;
  /** @type {string} */
  let readme;

  beforeAll(async () => {
    out = join(run.scratch, "lantern-bookings");
    const scaffolded = await sh(run.scratch, `node ${SCAFFOLD_BIN} --spec ${LANTERN} --out ${out}`);
    run.seconds["lantern: scaffold"] = scaffolded.seconds;
    expect(scaffolded.status, scaffolded.output).toBe(0);
    expect(scaffolded.output).toContain("(OpenAPI 3.0.3)");
    readme = await readFile(join(out, "README.md"), "utf8");
    // The repo as its team commits it, so that `git status` shows what an upgrade changes.
    const committed = await sh(
      out,
      "git init -q -b main && git add -A && git -c user.name=t -c user.email=t@example.invalid commit -qm scaffolded",
    );
    expect(committed.status, committed.output).toBe(0);
  });

  it("writes the API's files only: no toolchain source, the toolchain as ~ ranges of the released versions", async () => {
    const files = await listFiles(out);
    expect(files.filter((path) => /\.(c|m)?[jt]s$/.test(path))).toEqual([
      "packages/cli/tsdown.config.ts",
      "packages/client/src/index.ts",
      "packages/client/tsdown.config.ts",
      "packages/contract-tests/vitest.config.ts",
      "packages/docs/sample-env.d.ts",
      "packages/mcp/tsdown.config.ts",
      "packages/types/src/index.ts",
      "packages/types/tsdown.config.ts",
    ]);
    expect(files).toEqual(
      expect.arrayContaining([
        "spec/openapi.yaml",
        "spec/overlays/00-operation-names.yaml",
        "spec/redocly.yaml",
        "sdk.config.json",
        "pnpm-lock.yaml",
        "README.md",
        ".ci/run",
      ]),
    );
    const workspace = await readFile(join(out, "pnpm-workspace.yaml"), "utf8");
    for (const name of TOOLCHAIN_PACKAGES) {
      expect(workspace).toContain(`${JSON.stringify(name)}: "~${run.versions.get(name)}"`);
    }
  });

  it(
    "README step 1 installs from the registry and builds: spec, types, client, samples, bindings, docs",
    async () => {
      const [command] = shellBlocks(readme, "Quick start");
      const build = await sh(out, /** @type {string} */ (command));
      run.seconds["lantern: setup+build"] = build.seconds;
      expect(build.status, build.output.slice(-4000)).toBe(0);
      expect(existsSync(join(out, "packages/client/dist/index.cjs"))).toBe(true);
      expect(existsSync(join(out, "packages/docs/dist/index.html"))).toBe(true);
      // The generated command-line tool, under the API's own name (sdk.config.json's cli.bin).
      const help = await sh(out, "node packages/cli/dist/bin.mjs --help");
      expect(help.status, help.output).toBe(0);
      expect(help.output).toContain("Usage: lantern-bookings <resource> <command>");
      // The generated MCP server (sdk.config.json's mcp.bin) answers an MCP client's first requests on stdio.
      const requests = [
        {
          jsonrpc: "2.0",
          id: 1,
          method: "initialize",
          params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "0" } },
        },
        { jsonrpc: "2.0", method: "notifications/initialized" },
        { jsonrpc: "2.0", id: 2, method: "tools/list" },
      ];
      const lines = requests.map((request) => JSON.stringify(request)).join("\n");
      const mcp = await sh(out, `printf '%s\\n' '${lines}' | node packages/mcp/dist/bin.mjs`);
      expect(mcp.status, mcp.output).toBe(0);
      expect(mcp.output).toContain('"name":"lantern-bookings-mcp"');
      expect(mcp.output).toMatch(/"tools":\[\{"name":"[a-z0-9_]+"/);
      const lock = await readFile(join(out, "pnpm-lock.yaml"), "utf8");
      expect(lock).toContain(`'@sdkit/codegen@${run.versions.get("@sdkit/codegen")}'`);
    },
    REPO_COMMAND_MS,
  );

  it("builds a second time from turbo's cache alone (FULL TURBO)", async () => {
    const again = await sh(out, "pnpm build");
    expect(again.status, again.output.slice(-4000)).toBe(0);
    expect(again.output, again.output.slice(-2000)).toContain("FULL TURBO");
  });

  it(
    "README step 2 lints and tests: every operation and declared status against Prism, the samples, the packages",
    async () => {
      const [, command] = shellBlocks(readme, "Quick start");
      const check = await sh(out, /** @type {string} */ (command));
      run.seconds["lantern: lint+test"] = check.seconds;
      expect(check.status, check.output.slice(-6000)).toBe(0);
      const contract = /contract-tests:test:\s+Tests\s+(\d+) passed \((\d+)\)/.exec(check.output);
      expect(contract, "the contract tests ran").not.toBeNull();
      expect(contract?.[1]).toBe(contract?.[2]);
    },
    REPO_COMMAND_MS,
  );

  it("names the client, its errors, its README and its declarations after Lantern Bookings only", async () => {
    const declarations = await readFile(join(out, "packages/client/dist/index.d.ts"), "utf8");
    expect(declarations).toMatch(/declare function createLanternBookingsClient\(/);
    expect(declarations).toMatch(/LanternBookings\w*Error/);
    /** @type {string[]} */
    const found = [];
    const checked = [
      "README.md",
      ...(await listFiles(join(out, "packages/client/dist"))).map((path) => `packages/client/dist/${path}`),
      ...(await listFiles(join(out, "packages/client/src"))).map((path) => `packages/client/src/${path}`),
      ...(await listFiles(join(out, "packages/types/dist"))).map((path) => `packages/types/dist/${path}`),
      ...(await listFiles(join(out, "packages/docs/dist")))
        .filter((path) => /\.(md|txt)$/.test(path))
        .map((path) => `packages/docs/dist/${path}`),
    ];
    for (const path of checked) {
      const lines = (await readFile(join(out, path), "utf8")).split("\n");
      lines.forEach((line, index) => {
        if (HATCH_WORDS.test(line)) found.push(`${path}:${index + 1}: ${line.trim().slice(0, 160)}`);
      });
    }
    expect(found).toEqual([]);
  });

  // Publishing the toolchain's packages, then the repo's upgrade (an install and a build): as long
  // as the other README commands here.
  it(
    "takes a toolchain patch release with the README's upgrade command: new generated output, only the lockfile changed",
    async () => {
      const started = performance.now();
      const next = await bumpPatch(run.folders);
      await replaceInPackage(
        /** @type {string} */ (run.folders.get("@sdkit/codegen")),
        "do not edit",
        `do not edit (${PATCH_MARKER})`,
      );
      await publishFolders(run.folders, { registry: assertLoopbackRegistry(run.registry?.url), env: run.publishEnv });
      run.seconds["publish patch release"] = (performance.now() - started) / 1000;

      const [upgrade] = shellBlocks(readme, "Upgrading the toolchain");
      expect(upgrade).toMatch(/^pnpm .*\bup\b/);
      // The patch release was published seconds ago; the pnpm cache still holds the registry's
      // earlier answer (prefer-offline), which a developer's next-day `pnpm up` would not.
      const upgraded = await sh(out, /** @type {string} */ (upgrade), {
        ...run.devEnv,
        pnpm_config_prefer_offline: "false",
      });
      run.seconds["lantern: upgrade+build"] = upgraded.seconds;
      expect(upgraded.status, upgraded.output.slice(-4000)).toBe(0);

      const status = await sh(out, "git status --porcelain");
      expect(status.output.split("\n").filter(Boolean)).toEqual([" M pnpm-lock.yaml"]);
      const lock = await readFile(join(out, "pnpm-lock.yaml"), "utf8");
      expect(lock).toContain(`'@sdkit/codegen@${next.get("@sdkit/codegen")}'`);
      const generated = await readFile(join(out, "packages/client/src/generated/index.ts"), "utf8");
      expect(generated.split("\n")[0]).toContain(PATCH_MARKER);
      const samples = await listFiles(join(out, "packages/docs/samples/generated"));
      const sample = await readFile(
        join(out, "packages/docs/samples/generated", /** @type {string} */ (samples[0])),
        "utf8",
      );
      expect(sample).toContain(PATCH_MARKER);
    },
    REPO_COMMAND_MS,
  );
});

describe("Train Travel 3.1, a document nobody here wrote, its client renamed in sdk.config.json", () => {
  const client = { factory: "openTrainTravel", type: "TrainTravelApi", variable: "travel" };
  /** @type {string} */
  let out;
  /** @type {string} */
  let readme;

  beforeAll(async () => {
    out = join(run.scratch, "train-travel");
    const scaffolded = await sh(run.scratch, `node ${SCAFFOLD_BIN} --spec ${TRAIN_TRAVEL} --out ${out}`);
    run.seconds["train travel: scaffold"] = scaffolded.seconds;
    expect(scaffolded.status, scaffolded.output).toBe(0);
    readme = await readFile(join(out, "README.md"), "utf8");
    // Value for value, so that the file stays as Biome formatted it.
    const file = join(out, "sdk.config.json");
    let text = await readFile(file, "utf8");
    const derived = JSON.parse(text).client;
    for (const key of /** @type {const} */ (["factory", "type", "variable"])) {
      text = text.replace(`"${key}": ${JSON.stringify(derived[key])}`, `"${key}": ${JSON.stringify(client[key])}`);
    }
    await writeFile(file, text);
    expect(JSON.parse(text).client).toEqual(client);
  }, REPO_COMMAND_MS);

  it(
    "README step 1 builds, and the client is declared under the configured names",
    async () => {
      const [command] = shellBlocks(readme, "Quick start");
      const build = await sh(out, /** @type {string} */ (command));
      run.seconds["train travel: setup+build"] = build.seconds;
      expect(build.status, build.output.slice(-4000)).toBe(0);
      const declarations = await readFile(join(out, "packages/client/dist/index.d.ts"), "utf8");
      expect(declarations).toMatch(new RegExp(`declare function ${client.factory}\\(`));
      expect(declarations).toContain(`${client.type}Options`);
      const document = JSON.parse(await readFile(TRAIN_TRAVEL, "utf8"));
      const generated = (await listFiles(join(out, "packages/client/src/generated")))
        .filter((path) => path.endsWith(".ts"))
        .map((path) => join(out, "packages/client/src/generated", path));
      const source = (await Promise.all(generated.map((path) => readFile(path, "utf8")))).join("\n");
      for (const item of Object.values(document.paths)) {
        for (const operation of Object.values(/** @type {Record<string, any>} */ (item))) {
          if (operation?.operationId) expect(source).toContain(JSON.stringify(operation.operationId));
        }
      }
    },
    REPO_COMMAND_MS,
  );

  it(
    "README step 2 lints and tests",
    async () => {
      const [, command] = shellBlocks(readme, "Quick start");
      const check = await sh(out, /** @type {string} */ (command));
      run.seconds["train travel: lint+test"] = check.seconds;
      expect(check.status, check.output.slice(-6000)).toBe(0);
      const contract = /contract-tests:test:\s+Tests\s+(\d+) passed \((\d+)\)/.exec(check.output);
      expect(contract, "the contract tests ran").not.toBeNull();
      expect(contract?.[1]).toBe(contract?.[2]);
    },
    REPO_COMMAND_MS,
  );
});
