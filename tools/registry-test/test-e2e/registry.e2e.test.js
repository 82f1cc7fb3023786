// @ts-check
// End to end: version with changesets, publish to a real Verdaccio on 127.0.0.1, install from it in a
// fresh consumer, and use the client from ESM, CJS and TypeScript against a Prism mock.
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writePublishUserconfig } from "@hatch-api/release";
import { exec, execOk } from "@hatch-api/test-support";
import { writeFileAtomic } from "@sdkit/bundle";
import { startMock } from "@sdkit/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsumer } from "../src/consumer.js";
import { assertLoopbackRegistry } from "../src/loopback-guard.js";
import {
  findBrokenSourceMaps,
  findImportedPackages,
  findTestFiles,
  findUnexpectedFiles,
} from "../src/package-contents.js";
import { isolatedRegistryEnv } from "../src/registry-env.js";
import { scanForSecrets } from "../src/secret-scan.js";
import { collectThirdPartyDependencies, seedRegistry } from "../src/seed-dependencies.js";
import { startVerdaccio } from "../src/start-verdaccio.js";
import { fetchJson, fetchPublished, unpack } from "../src/tarball.js";
import { nextMinorForFixedGroup } from "../src/versions.js";
import { commitAll, copyWorkspace } from "../src/workspace-copy.js";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));
const CHANGESET = join(PACKAGE_ROOT, "node_modules", ".bin", "changeset");
const TSC = join(PACKAGE_ROOT, "node_modules", ".bin", "tsc");
const METRICS_FILE = join(PACKAGE_ROOT, "test-results", "registry-metrics.json");

const CLIENT = "@hatch-api/client";
/** The toolchain's packages (@sdkit/*) are public too, versioned in a fixed group of their own. @param {string} name */
const isToolchain = (name) => name.startsWith("@sdkit/");
const TYPES = "@hatch-api/types";
/** The generated command-line package: released with the SDK, on the client. */
const CLI = "@hatch-api/cli";
const SUMMARY = "Registry test release: upsert contacts from a freshly installed client.";
// Not a real key: Prism only checks that a bearer token is present.
const API_KEY = "registry-test-placeholder-key";

/** Everything beforeAll prepares; the tests only read it. */
const run = /** @type {{
  scratch: string,
  registry?: import("../src/start-verdaccio.js").LocalRegistry,
  mock?: { url: string, stop(): Promise<void> },
  userconfig?: { path: string, remove(): Promise<void> },
  env: NodeJS.ProcessEnv,
  workspace: string,
  packages: import("../src/workspace-copy.js").WorkspacePackage[],
  before: Map<string, Record<string, any>>,
  after: Map<string, Record<string, any>>,
  published: Map<string, import("../src/tarball.js").PublishedVersion & { root: string, files: string[], unpackedBytes: number }>,
  seeded: string[],
  publishOutput: string,
  consumer: string,
  publishMs: number,
  installMs: number,
}} */ (/** @type {unknown} */ ({ published: new Map(), before: new Map(), after: new Map(), seeded: [] }));

/** @param {import("../src/workspace-copy.js").WorkspacePackage[]} packages */
async function readManifests(packages) {
  const manifests = new Map();
  for (const pkg of packages)
    manifests.set(pkg.name, JSON.parse(await readFile(join(pkg.dir, "package.json"), "utf8")));
  return manifests;
}

/** @param {string} name */
function packageNamed(name) {
  const pkg = run.packages.find((candidate) => candidate.name === name);
  if (!pkg) throw new Error(`${name} is not in the workspace`);
  return pkg;
}

/** @param {string} name */
function publishedNamed(name) {
  const published = run.published.get(name);
  if (!published) throw new Error(`${name} was not published`);
  return published;
}

beforeAll(async () => {
  run.scratch = await mkdtemp(join(tmpdir(), "hatch-registry-test-"));
  run.registry = await startVerdaccio(join(run.scratch, "verdaccio"));
  const registry = assertLoopbackRegistry(run.registry.url);
  run.userconfig = await writePublishUserconfig(registry);
  run.env = await isolatedRegistryEnv({
    registry,
    token: run.registry.token,
    userconfig: run.userconfig.path,
    dir: run.scratch,
  });

  run.workspace = join(run.scratch, "workspace");
  // The SDK's packages; the toolchain's (@sdkit/*) are released by the scaffold's end-to-end test.
  run.packages = await copyWorkspace({
    repoRoot: REPO_ROOT,
    dest: run.workspace,
    publishes: (name) => name.startsWith("@hatch-api/"),
  });
  run.before = await readManifests(run.packages);
  await commitAll(run.workspace, run.env, "workspace copy");
  await writeFile(
    join(run.workspace, ".changeset", "registry-test-release.md"),
    `---\n"${CLIENT}": minor\n---\n\n${SUMMARY}\n`,
  );
  await execOk(CHANGESET, ["version"], { cwd: run.workspace, env: run.env });
  run.after = await readManifests(run.packages);
  const gitEnv = await commitAll(run.workspace, run.env, "version packages");

  const publicPackages = run.packages.filter((pkg) => !pkg.isPrivate);
  const workspaceNames = new Set(run.packages.map((pkg) => pkg.name));
  // The consumer installs the SDK only: the registry needs the third-party packages of the SDK's
  // packages, not of the toolchain's (published too, but not installed here).
  const thirdParty = await collectThirdPartyDependencies(
    publicPackages.filter((pkg) => !isToolchain(pkg.name)).map((pkg) => join(REPO_ROOT, pkg.relativeDir)),
    (name) => workspaceNames.has(name),
  );
  run.seeded = thirdParty.map((dependency) => `${dependency.name}@${dependency.version}`);
  await seedRegistry(thirdParty, { registry, env: run.env, packDir: run.scratch });

  assertLoopbackRegistry(run.env.npm_config_registry);
  const publishStart = performance.now();
  const publish = await execOk(CHANGESET, ["publish"], { cwd: run.workspace, env: gitEnv });
  run.publishMs = performance.now() - publishStart;
  run.publishOutput = publish.stdout + publish.stderr;

  for (const pkg of publicPackages) {
    const version = run.after.get(pkg.name)?.version;
    const published = await fetchPublished(registry, pkg.name, version);
    const root = join(run.scratch, "unpacked", pkg.name);
    const files = await unpack(published.tarball, root);
    let unpackedBytes = 0;
    for (const file of files) unpackedBytes += (await stat(join(root, "package", file))).size;
    run.published.set(pkg.name, { ...published, root: join(root, "package"), files, unpackedBytes });
  }

  run.consumer = join(run.scratch, "consumer");
  const installStart = performance.now();
  await createConsumer({
    dir: run.consumer,
    spec: `${CLIENT}@${run.after.get(CLIENT)?.version}`,
    env: run.env,
  });
  run.installMs = performance.now() - installStart;

  run.mock = await startMock({ port: 0 });
  await writeMetrics();
});

afterAll(async () => {
  // Each stop runs even if an earlier one throws, so no server outlives a failed run.
  const results = await Promise.allSettled([run.mock?.stop(), run.registry?.stop(), run.userconfig?.remove()]);
  if (run.scratch) await rm(run.scratch, { recursive: true, force: true });
  const failed = results.find((result) => result.status === "rejected");
  if (failed && failed.status === "rejected") throw failed.reason;
});

async function writeMetrics() {
  const packages = Object.fromEntries(
    [...run.published].map(([name, published]) => [
      name,
      {
        version: published.manifest.version,
        packedBytes: published.tarball.length,
        unpackedBytes: published.unpackedBytes,
        files: published.files.length,
      },
    ]),
  );
  const metrics = {
    packages,
    publishMs: Math.round(run.publishMs),
    installMs: Math.round(run.installMs),
    seeded: run.seeded,
  };
  console.log(`registry metrics: ${JSON.stringify(metrics)}`);
  await writeFileAtomic(METRICS_FILE, `${JSON.stringify(metrics, null, 2)}\n`);
}

describe("versioning with changesets", () => {
  it("bumps the fixed group together: a minor changeset for the client moves both packages", () => {
    const expected = nextMinorForFixedGroup([run.before.get(CLIENT)?.version, run.before.get(TYPES)?.version]);
    expect(run.after.get(CLIENT)?.version).toBe(expected);
    expect(run.after.get(TYPES)?.version).toBe(expected);
  });

  it("writes the changeset summary into the client's changelog under the new version", async () => {
    const version = run.after.get(CLIENT)?.version;
    const changelog = await readFile(join(packageNamed(CLIENT).dir, "CHANGELOG.md"), "utf8");
    const section = changelog.split(`## ${version}`)[1]?.split(/\n## /)[0] ?? "";
    expect(section).toContain("### Minor Changes");
    expect(section).toContain(SUMMARY);
    expect(section).toContain(`${TYPES}@${version}`);
  });

  it("gives the types package a changelog entry for the same version", async () => {
    const changelog = await readFile(join(packageNamed(TYPES).dir, "CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`## ${run.after.get(TYPES)?.version}`);
  });

  it("leaves private packages alone", async () => {
    for (const pkg of run.packages.filter((candidate) => candidate.isPrivate)) {
      expect(run.after.get(pkg.name)?.version, pkg.name).toBe(run.before.get(pkg.name)?.version);
      await expect(stat(join(pkg.dir, "CHANGELOG.md")), pkg.name).rejects.toThrow(/ENOENT/);
    }
  });

  it("consumes the changeset", async () => {
    await expect(stat(join(run.workspace, ".changeset", "registry-test-release.md"))).rejects.toThrow(/ENOENT/);
  });
});

describe("publishing to the local registry", () => {
  it("publishes every public package and no private one", async () => {
    const publicNames = run.packages.filter((pkg) => !pkg.isPrivate).map((pkg) => pkg.name);
    // The SDK's public packages vary (a CLI, an MCP server…); the client and its types are always among them.
    expect(publicNames).toEqual(expect.arrayContaining([CLI, CLIENT, TYPES]));
    for (const name of publicNames) expect(run.published.has(name), name).toBe(true);
    for (const pkg of run.packages.filter((candidate) => candidate.isPrivate)) {
      const response = await fetch(new URL(pkg.name.replace("/", "%2f"), run.registry?.url));
      expect(response.status, pkg.name).toBe(404);
    }
  });

  it("publishes manifests with real versions: no workspace: ranges, the client pinned to its types", () => {
    const client = publishedNamed(CLIENT).manifest;
    expect(JSON.stringify(client)).not.toContain("workspace:");
    expect(JSON.stringify(publishedNamed(TYPES).manifest)).not.toContain("workspace:");
    // Exactly the types release it was built with, never a range that could pick up other types.
    expect(client.dependencies?.[TYPES]).toBe(run.after.get(TYPES)?.version);
  });

  it("tags each published package in git, and nothing else", async () => {
    const tags = (await execOk("git", ["tag", "--list"], { cwd: run.workspace })).stdout.trim().split("\n").sort();
    const published = run.packages.filter((pkg) => !pkg.isPrivate);
    expect(tags).toEqual(published.map((pkg) => `${pkg.name}@${run.after.get(pkg.name)?.version}`).sort());
    expect(tags).toEqual(expect.arrayContaining([`${CLIENT}@${run.after.get(CLIENT)?.version}`]));
  });

  it.each([CLIENT, TYPES])("%s holds only built output, README, LICENSE, CHANGELOG and package.json", (name) => {
    const { files } = publishedNamed(name);
    expect(findUnexpectedFiles(files)).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE", "CHANGELOG.md"]));
    expect(files.some((file) => file.startsWith("dist/"))).toBe(true);
  });

  it.each([CLIENT, TYPES])("%s holds no tests", (name) => {
    expect(findTestFiles(publishedNamed(name).files)).toEqual([]);
  });

  it.each([CLIENT, TYPES])("%s has no source maps pointing at files it lacks", async (name) => {
    const { root, files } = publishedNamed(name);
    expect(await findBrokenSourceMaps(root, files)).toEqual([]);
  });

  it.each([CLIENT, TYPES])("%s holds nothing key-like", async (name) => {
    const { root, files } = publishedNamed(name);
    const knownSecrets = [run.registry?.token ?? "", API_KEY];
    const findings = [];
    for (const file of files)
      findings.push(...scanForSecrets(file, await readFile(join(root, file), "utf8"), knownSecrets));
    expect(findings).toEqual([]);
  });

  it.each([CLIENT, TYPES])("%s imports only packages it declares", async (name) => {
    const { root, files, manifest } = publishedNamed(name);
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
      ...Object.keys(manifest.optionalDependencies ?? {}),
    ]);
    /** @type {string[]} */
    const undeclared = [];
    for (const file of files.filter((f) => /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(f))) {
      for (const imported of findImportedPackages(await readFile(join(root, file), "utf8"))) {
        if (!declared.has(imported)) undeclared.push(`${file}: ${imported}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});

describe("a fresh consumer installing from the registry", () => {
  const consumerEnv = () => ({ ...run.env, HATCH_API_KEY: API_KEY, HATCH_BASE_URL: run.mock?.url });

  it("installs the published client and its types from the local registry", async () => {
    const lock = JSON.parse(await readFile(join(run.consumer, "package-lock.json"), "utf8"));
    const client = lock.packages[`node_modules/${CLIENT}`];
    const types = lock.packages[`node_modules/${TYPES}`];
    expect(client.version).toBe(run.after.get(CLIENT)?.version);
    expect(types.version).toBe(run.after.get(TYPES)?.version);
    for (const entry of Object.values(lock.packages).filter((value) => value.resolved)) {
      expect(new URL(entry.resolved).origin).toBe(new URL(String(run.registry?.url)).origin);
    }
    expect(client.integrity).toBe(publishedNamed(CLIENT).manifest.dist.integrity);
  });

  it("(a) loads with import() from ESM and (d) upserts a contact against the Prism mock", async () => {
    const result = await execOk("node", ["call-esm.mjs"], { cwd: run.consumer, env: consumerEnv() });
    const output = JSON.parse(result.stdout);
    expect(output.exports).toEqual(expect.arrayContaining(["createHatchClient", "HatchError", "ValidationError"]));
    expect(typeof output.contactId).toBe("string");
    expect(output.contactId.length).toBeGreaterThan(0);
    expect(output.postStatus).toBe(200);
    expect(typeof output.postId).toBe("string");
  });

  it("(b) loads with require() from CommonJS, the CJS build, with the same exports", async () => {
    const esm = JSON.parse((await execOk("node", ["call-esm.mjs"], { cwd: run.consumer, env: consumerEnv() })).stdout);
    const cjs = JSON.parse((await execOk("node", ["call-cjs.cjs"], { cwd: run.consumer, env: consumerEnv() })).stdout);
    expect(cjs.exports).toEqual(esm.exports);
    expect(cjs.resolvedFile).toMatch(/node_modules\/@hatch-api\/client\/dist\/.+\.c?js$/);
    expect(typeof cjs.contactId).toBe("string");
    expect(cjs.validation).toEqual({ isValidationError: true, isApiError: true, status: 422 });
  });

  it.each(["nodenext", "bundler"])("(c) typechecks a TypeScript consumer under moduleResolution %s", async (mode) => {
    const result = await exec(TSC, ["-p", `tsconfig.${mode}.json`], { cwd: run.consumer });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});

describe("publishing the same version again", () => {
  it("fails cleanly and leaves the published tarball unchanged", async () => {
    const version = String(run.after.get(CLIENT)?.version);
    const registry = assertLoopbackRegistry(run.registry?.url);
    const before = await fetchPublished(registry, CLIENT, version);

    assertLoopbackRegistry(run.env.npm_config_registry);
    const again = await exec("pnpm", ["publish", "--no-git-checks"], { cwd: packageNamed(CLIENT).dir, env: run.env });
    expect(again.code).not.toBe(0);
    expect(again.stdout + again.stderr).toMatch(/already present|cannot publish over/i);

    // `changeset publish` (what `pnpm release` runs) sees the version is there and publishes nothing.
    const rerun = await execOk(CHANGESET, ["publish", "--no-git-tag"], { cwd: run.workspace, env: run.env });
    expect(rerun.stdout + rerun.stderr).toMatch(/No unpublished projects to publish/);

    const after = await fetchPublished(registry, CLIENT, version);
    expect(after.sha1).toBe(before.sha1);
    expect(after.manifest.dist.shasum).toBe(before.manifest.dist.shasum);
    const packument = await fetchJson(new URL(CLIENT.replace("/", "%2f"), registry));
    expect(Object.keys(packument.versions)).toEqual([version]);
  });
});
