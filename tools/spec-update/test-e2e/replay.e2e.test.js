// @ts-check
// Hatch's next ten documents, replayed: each adopted with `spec:update --yes` (verification tier
// below), versioned with `version-packages`, published to a real Verdaccio on 127.0.0.1 and
// upgraded to by a consumer project whose code was written against the first release.
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { runCommand } from "@sdkit/cli-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertLoopbackRegistry } from "../../registry-test/src/loopback-guard.js";
import { isolatedRegistryEnv } from "../../registry-test/src/registry-env.js";
import { collectThirdPartyDependencies, seedRegistry } from "../../registry-test/src/seed-dependencies.js";
import { startVerdaccio } from "../../registry-test/src/start-verdaccio.js";
import { writePublishUserconfig } from "../../release/src/npmrc.js";
import { specUpdate } from "../src/spec-update.js";
import { versionPackages } from "../src/version.js";
import { historyDocuments } from "./support/history.js";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const FIXTURES = fileURLToPath(new URL("./fixtures/replay/", import.meta.url));
const TSC = join(REPO, "tools/spec-update/node_modules/typescript/bin/tsc");
const PUBLIC = ["types", "client"];

/**
 * The replay's verification tier, run by spec:update after it writes the change: the packages a
 * consumer installs rebuilt from the new spec (bundle, generated types and SDK, tsdown), their API
 * reports regenerated, then the API report test that the reports match the built packages. The
 * consumer's compile after each publish is the type check. Run once, on the last version: the
 * contract tests (Prism serving the spec) and the API report package's other tests (code
 * conventions, words in the toolchain's published files), which read only tracked tooling files
 * that no step changes. The full `turbo run build` + `turbo run test` of buildSteps is what a
 * maintainer runs; ten of those do not fit CI.
 */
const BUILD_CLIENT = ["exec", "turbo", "run", "build", "--filter=@hatch-api/client", "--filter=@hatch-api/types"];
/** @type {Array<[string, string[]]>} */
const REPLAY_STEPS = [
  ["pnpm", BUILD_CLIENT],
  ["pnpm", ["exec", "turbo", "run", "api:report", "--filter=@hatch-api/api-report"]],
  ["pnpm", ["--filter", "@hatch-api/api-report", "exec", "vitest", "run", "test-e2e/api-report.test.js"]],
];

const state = /** @type {{
  scratch: string,
  repo: string,
  consumer: string,
  registry?: import("../../registry-test/src/start-verdaccio.js").LocalRegistry,
  userconfig?: { path: string, remove(): Promise<void> },
  env: NodeJS.ProcessEnv,
  outputs: string[],
  profile: Array<{ phase: string, command: string, seconds: number, cached: string }>,
  adoption?: { name: string, done: Promise<Adoption> },
  rows: Array<{ name: string, change: string, bump: string, version: string, compiles: string, adopt: number, release: number, consumer: number, seconds: number }>,
}} */ (/** @type {unknown} */ ({ outputs: [], profile: [], rows: [] }));

/** @typedef {{ result: Awaited<ReturnType<typeof specUpdate>>, output: string, seconds: number }} Adoption */

const quietEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", REDOCLY_TELEMETRY: "off", CI: "1" };

/**
 * A runner for one phase of the replay ("v3 adopt", "v3 release", ...): runs a command, capturing
 * its output (kept for the failure message) and its time (the profile printed at the end).
 *
 * @param {string} phase
 * @returns {import("@sdkit/cli-kit").Runner}
 */
const runAs = (phase) => async (command, args, options) => {
  const started = performance.now();
  const result = await runCommand(command, args, { ...options, env: options.env ?? quietEnv, capture: true });
  state.outputs.push(`$ ${command} ${args.join(" ")} (exit ${result.code})\n${result.output}`);
  // Where the minutes go: each command's time, and turbo's own count of cache hits.
  state.profile.push({
    phase,
    command: `${command} ${args.join(" ")}`,
    seconds: (performance.now() - started) / 1000,
    cached: /Cached:\s+(\d+ cached, \d+ total)/.exec(stripVTControlCharacters(result.output))?.[1] ?? "",
  });
  return result;
};

/**
 * @param {string} phase @param {string} command @param {string[]} args @param {string} cwd
 * @param {NodeJS.ProcessEnv} [env]
 */
async function ok(phase, command, args, cwd, env) {
  const result = await runAs(phase)(command, args, { cwd, env });
  if (result.code !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${result.output}`);
  return result.output;
}

/** @param {string} cwd @param {string} message */
function commit(cwd, message) {
  const git = (/** @type {string[]} */ ...args) => execFileSync("git", args, { cwd, stdio: "pipe" });
  git("add", "-A");
  git("-c", "user.name=replay", "-c", "user.email=replay@example.com", "commit", "-q", "--allow-empty", "-m", message);
}

/** A copy of the repository's tracked files, starting from the replay's frozen spec, at 1.0.0. */
function copyRepo() {
  const dir = join(state.scratch, "repo");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: REPO,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    try {
      if (!statSync(join(REPO, file)).isFile()) continue;
    } catch {
      continue;
    }
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(REPO, file), join(dir, file));
  }
  cpSync(join(FIXTURES, "base-spec.yaml"), join(dir, "spec/openapi.yaml"));
  cpSync(join(FIXTURES, "upstream-differences.yaml"), join(dir, "spec/upstream-differences.yaml"));
  for (const path of ["spec/upstream-prose.json", "spec/released", "spec/api-changes"]) {
    rmSync(join(dir, path), { recursive: true, force: true });
  }
  for (const name of readdirSync(join(dir, ".changeset"))) {
    if (name.endsWith(".md") && name !== "README.md") rmSync(join(dir, ".changeset", name));
  }
  for (const name of PUBLIC) {
    const manifest = join(dir, "packages", name, "package.json");
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace(/"version": "[^"]+"/, '"version": "1.0.0"'));
    rmSync(join(dir, "packages", name, "CHANGELOG.md"), { force: true });
  }
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
  return dir;
}

/**
 * The turbo cache of the repository the test runs in (a linked git worktree shares the main
 * checkout's): the copy starts with its entries, so the toolchain's own builds, whose inputs the
 * copy does not change, are cache hits there too. Absent (nothing built yet): the copy builds them.
 */
function sourceTurboCache() {
  const commonDir = execFileSync("git", ["rev-parse", "--path-format=absolute", "--git-common-dir"], {
    cwd: REPO,
    encoding: "utf8",
  }).trim();
  return [join(REPO, ".turbo/cache"), join(dirname(resolve(commonDir)), ".turbo/cache")].find((dir) => existsSync(dir));
}

/** The copy's dependencies installed, and the first release (the frozen spec) built and committed. */
async function prepareRepo() {
  state.repo = copyRepo();
  const cache = sourceTurboCache();
  if (cache) cpSync(cache, join(state.repo, ".turbo/cache"), { recursive: true });
  await ok("setup", "pnpm", ["install", "--offline", "--frozen-lockfile"], state.repo);
  for (const [command, args] of REPLAY_STEPS.slice(0, 2)) await ok("setup", command, args, state.repo);
  await ok("setup", "pnpm", ["exec", "turbo", "run", "bundle", "--filter=@hatch-api/spec"], state.repo);
  mkdirSync(join(state.repo, "spec/released"), { recursive: true });
  cpSync(join(state.repo, "spec/dist/openapi.json"), join(state.repo, "spec/released/openapi.json"));
  commit(state.repo, "replay: first release");
}

/** Verdaccio on 127.0.0.1, holding the third-party packages the SDK's packages depend on. */
async function prepareRegistry() {
  state.registry = await startVerdaccio(join(state.scratch, "verdaccio"));
  const registry = assertLoopbackRegistry(state.registry.url);
  state.userconfig = await writePublishUserconfig(registry);
  state.env = await isolatedRegistryEnv({
    registry,
    token: state.registry.token,
    userconfig: state.userconfig.path,
    dir: state.scratch,
  });
  const workspace = new Set(["@hatch-api/types", "@hatch-api/client"]);
  const thirdParty = await collectThirdPartyDependencies(
    PUBLIC.map((name) => join(REPO, "packages", name)),
    (name) => workspace.has(name),
  );
  await seedRegistry(thirdParty, { registry, env: state.env, packDir: state.scratch });
}

/**
 * Installs the newest client of the major (the next version's adoption may be under way meanwhile,
 * never its publish) and type-checks the consumer. The compile is incremental: the unchanged
 * consumer code and the DOM lib are not checked again.
 *
 * @param {number} major @param {string} phase
 */
async function upgradeConsumer(major, phase) {
  const manifest = { name: "replay-consumer", version: "1.0.0", private: true, type: "module" };
  writeFileSync(join(state.consumer, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  // `npm install <name>@<range>` takes the newest version in the range (a bare `npm install` keeps
  // the locked one); --prefer-online skips npm's cached registry metadata from the last step.
  await ok(
    phase,
    "npm",
    ["install", `@hatch-api/client@^${major}.0.0`, "--prefer-online", "--no-audit", "--no-fund", "--ignore-scripts"],
    state.consumer,
    state.env,
  );
  const installed = JSON.parse(
    readFileSync(join(state.consumer, "node_modules/@hatch-api/client/package.json"), "utf8"),
  ).version;
  const compiled = await runAs(phase)(
    process.execPath,
    [TSC, "-p", "tsconfig.json", "--incremental", "--tsBuildInfoFile", join(state.scratch, "consumer.tsbuildinfo")],
    { cwd: state.consumer },
  );
  return { installed: String(installed), code: compiled.code, output: compiled.output };
}

/** @param {string} root */
const clientVersion = (root) =>
  String(JSON.parse(readFileSync(join(root, "packages/client/package.json"), "utf8")).version);

/**
 * Adopts one upstream document in the copy and commits the result. Started while the consumer
 * upgrades to the previous release (they share nothing: the copy versus the registry and the
 * consumer's folder); its test awaits it.
 *
 * @param {import("./support/history.js").Version & { document: Record<string, any> }} version
 * @returns {Promise<Adoption>}
 */
async function adopt(version) {
  const started = performance.now();
  state.outputs.length = 0;
  const from = join(state.scratch, "history", `${version.name}.json`);
  mkdirSync(dirname(from), { recursive: true });
  writeFileSync(from, JSON.stringify(version.document, null, 2));
  /** @type {string[]} */
  const log = [];
  let result;
  try {
    result = await specUpdate({
      root: state.repo,
      from,
      yes: true,
      run: runAs(`${version.name} adopt`),
      steps: REPLAY_STEPS,
      log: (text) => log.push(text),
    });
  } catch (error) {
    throw new Error(
      `${/** @type {Error} */ (error).message}\n${log.join("\n")}\n${state.outputs.join("\n").slice(-6000)}`,
    );
  }
  commit(state.repo, `spec:update ${version.name}`);
  return { result, output: log.join("\n"), seconds: (performance.now() - started) / 1000 };
}

/** Marks a background promise as handled (its test awaits and reports it), then hands it back. */
function background(/** @type {Promise<any>} */ promise) {
  promise.catch(() => {});
  return promise;
}

/** The last version's once-only tests, started while the consumer upgrades to its release. */
const lastVersionTests = () =>
  background(
    (async () => {
      const started = performance.now();
      await ok(
        "last version",
        "pnpm",
        ["exec", "turbo", "run", "test", "--filter=@hatch-api/contract-tests", "--filter=@hatch-api/api-report"],
        state.repo,
      );
      return (performance.now() - started) / 1000;
    })(),
  );

const history = historyDocuments(join(FIXTURES, "base-spec.yaml"));
/** @type {Promise<number> | undefined} */
let contracts;

beforeAll(async () => {
  state.scratch = mkdtempSync(join(tmpdir(), "spec-update-replay-"));
  // The copy's install and first build, and the registry's start and seeding, are independent.
  const prepared = await Promise.allSettled([prepareRepo(), prepareRegistry()]);
  const failed = prepared.find((result) => result.status === "rejected");
  if (failed && failed.status === "rejected") throw failed.reason;
  await ok("setup", "pnpm", ["exec", "changeset", "publish"], state.repo, state.env);

  state.consumer = join(state.scratch, "consumer");
  mkdirSync(state.consumer);
  for (const file of ["usage.ts", "tsconfig.json"])
    cpSync(join(FIXTURES, "consumer", file), join(state.consumer, file));
  const v1 = /** @type {(typeof history)[number]} */ (history[0]);
  state.adoption = { name: v1.name, done: background(adopt(v1)) };
  const first = await upgradeConsumer(1, "setup");
  if (first.code !== 0) throw new Error(`the consumer does not compile against 1.0.0:\n${first.output}`);
}, 600_000);

afterAll(async () => {
  // A background adoption or last-version run still going (a test failed) finishes before the copy goes.
  await Promise.allSettled([state.adoption?.done, contracts]);
  const results = await Promise.allSettled([state.registry?.stop(), state.userconfig?.remove()]);
  if (state.rows.length) {
    console.log(
      [
        "| version | Hatch's change | bump | released | consumer compiles | adopt s | release s | consumer s | seconds |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ...state.rows.map(
          (row) =>
            `| ${row.name} | ${row.change.replaceAll("|", "\\|")} | ${row.bump} | ${row.version} | ${row.compiles} | ${row.adopt.toFixed(1)} | ${row.release.toFixed(1)} | ${row.consumer.toFixed(1)} | ${row.seconds.toFixed(1)} |`,
        ),
      ].join("\n"),
    );
    console.log(
      state.profile
        .map((entry) => `${entry.seconds.toFixed(1).padStart(6)} s  ${entry.phase}: ${entry.command} ${entry.cached}`)
        .join("\n"),
    );
    // Timings on a shared machine mean little without its load.
    console.log(
      `load average at the end: ${loadavg()
        .map((load) => load.toFixed(2))
        .join(", ")}`,
    );
  }
  if (state.scratch) rmSync(state.scratch, { recursive: true, force: true });
  const failed = results.find((result) => result.status === "rejected");
  if (failed && failed.status === "rejected") throw failed.reason;
}, 600_000);

describe("Hatch's next ten documents, each adopted, released and upgraded to", () => {
  it.each(
    history.map((version, index) => /** @type {[string, typeof version, number]} */ ([version.name, version, index])),
  )(
    "%s",
    async (_name, version, index) => {
      const started = performance.now();
      const before = clientVersion(state.repo);
      // Started by the previous version's test; not started when that test failed before its publish.
      if (state.adoption?.name !== version.name)
        throw new Error(`${version.name} was not adopted: an earlier step failed`);
      const { result, output, seconds: adoptSeconds } = await state.adoption.done;
      expect(result.report.bump, output).toBe(version.bump);
      if (version.bump !== "none") {
        expect(result.applied).toBe(true);
        // The SDK's public API report is regenerated inside the change and the report says how it
        // changed (a deprecation shows in the types' doc comments, not in the API report).
        expect(output).toContain(
          version.surface === false
            ? "Public API of the SDK packages: unchanged."
            : "Public API of the SDK packages (tools/api-report/reports):",
        );
      }

      const releaseStarted = performance.now();
      let released = before;
      if (version.bump !== "none") {
        const phase = `${version.name} release`;
        const versioned = await versionPackages({ root: state.repo, run: runAs(phase), log: () => {} });
        released = String(versioned.version);
        expect(versioned.changesFile).toBe(`spec/api-changes/${released}.json`);
        // The version is built into the client (its user agent): rebuild before publishing.
        await ok(phase, "pnpm", BUILD_CLIENT, state.repo);
        commit(state.repo, `version ${released}`);
        await ok(phase, "pnpm", ["exec", "changeset", "publish"], state.repo, state.env);
      }
      const releaseSeconds = (performance.now() - releaseStarted) / 1000;
      // The repository's next job (the next adoption, or the once-only tests after the last one)
      // runs while the consumer upgrades to this release.
      const next = history[index + 1];
      if (next) state.adoption = { name: next.name, done: background(adopt(next)) };
      else contracts = lastVersionTests();

      const consumerStarted = performance.now();
      const major = Number(released.split(".")[0]);
      const consumer = await upgradeConsumer(major, `${version.name} consumer`);
      expect(consumer.installed).toBe(released);
      if (version.compiles) {
        expect(consumer.code, consumer.output).toBe(0);
      } else {
        // The first major: the compiler names the field Hatch removed, at the line that sets it.
        expect(consumer.code).not.toBe(0);
        expect(consumer.output).toMatch(new RegExp(`usage\\.ts\\(\\d+,\\d+\\): error TS\\d+: .*${version.breaks}`));
        // The customer fixes their code (drops the field); later releases compile again.
        const usage = join(state.consumer, "usage.ts");
        writeFileSync(
          usage,
          readFileSync(usage, "utf8")
            .split("\n")
            .filter((line) => !line.includes(String(version.breaks)))
            .join("\n"),
        );
        const fixed = await upgradeConsumer(major, `${version.name} consumer`);
        expect(fixed.code, fixed.output).toBe(0);
      }
      state.rows.push({
        name: version.name,
        change: version.change,
        bump: version.bump,
        version: released,
        compiles: version.compiles ? "yes" : `no: ${version.breaks}`,
        adopt: adoptSeconds,
        release: releaseSeconds,
        consumer: (performance.now() - consumerStarted) / 1000,
        seconds: (performance.now() - started) / 1000,
      });
    },
    600_000,
  );

  it("the last version passes the contract tests (the client against Prism serving the spec) and every API report test", async () => {
    expect(contracts, "the last version's test starts the contract tests").toBeDefined();
    const seconds = await contracts;
    console.log(`contract and API report tests on the last version: ${Number(seconds).toFixed(1)} s`);
  });

  it("records every version's API changes for the docs changelog", () => {
    const released = state.rows.filter((row) => row.bump !== "none");
    expect(released.length).toBe(history.filter((version) => version.bump !== "none").length);
    for (const row of released) {
      const record = JSON.parse(readFileSync(join(state.repo, "spec/api-changes", `${row.version}.json`), "utf8"));
      expect(record).toMatchObject({ version: row.version, bump: row.bump });
      expect(record.changes.length).toBeGreaterThan(0);
    }
  });
});
