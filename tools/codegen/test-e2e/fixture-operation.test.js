// @ts-check
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The promise of the generated layer, proven at the level a maintainer meets it: Hatch adds an
// endpoint (here through a fixture overlay), and a build with no hand-written file touched ships
// it in the SDK, the docs and the contract suite. Runs in a copy of the workspace, as
// tools/registry-test does, so the real repo's spec and outputs are never touched.

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const fixtures = fileURLToPath(new URL("../test/fixtures/", import.meta.url));
const CACHE_DIRS = new Set([".vite", ".vite-temp", ".unrun", ".cache", ".turbo"]);

/** @type {string} */
let copy;
/** @type {Map<string, string>} */
let handWritten;
const timings = /** @type {Record<string, number>} */ ({});

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 */
async function sh(command, args, cwd) {
  const started = performance.now();
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", FORCE_COLOR: "0", CI: "1" },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 540_000,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const failed = /** @type {{ stdout?: string, stderr?: string, message: string }} */ (error);
    throw new Error(
      `${command} ${args.join(" ")} failed in ${cwd}:\n${failed.stdout ?? ""}${failed.stderr ?? failed.message}`,
    );
  } finally {
    timings[`${command} ${args.slice(0, 3).join(" ")}`] = Math.round(performance.now() - started);
  }
}

/** The repo's files as git sees them (tracked, or new and not ignored), relative to the root. */
async function repoFiles() {
  const listing = await sh("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], repoRoot);
  const files = [];
  for (const file of listing.split("\0").filter(Boolean)) {
    if (
      await stat(join(repoRoot, file)).then(
        (info) => info.isFile(),
        () => false,
      )
    )
      files.push(file);
  }
  return files;
}

/** @param {string[]} files */
async function hashes(files) {
  const result = new Map();
  for (const file of files)
    result.set(
      file,
      createHash("sha256")
        .update(await readFile(join(copy, file)))
        .digest("hex"),
    );
  return result;
}

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), "codegen-fixture-"));
  const files = await repoFiles();
  for (const file of files) await cp(join(repoRoot, file), join(copy, file), { force: true });
  // Dependencies: the root store by a link, each package's own node_modules copied as the
  // relative links pnpm made, so workspace packages resolve to the copy's own packages.
  await symlink(join(repoRoot, "node_modules"), join(copy, "node_modules"), "dir");
  const packageDirs = [...new Set(files.filter((file) => file.endsWith("/package.json")).map((file) => dirname(file)))];
  for (const dir of packageDirs) {
    const modules = join(repoRoot, dir, "node_modules");
    if (
      !(await stat(modules).then(
        () => true,
        () => false,
      ))
    )
      continue;
    await cp(modules, join(copy, dir, "node_modules"), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !CACHE_DIRS.has(source.split("/").at(-1) ?? ""),
    });
  }
  await cp(join(fixtures, "90-get-contact.yaml"), join(copy, "spec", "overlays", "90-get-contact.yaml"));
  handWritten = await hashes(files);

  // The same turbo tasks `pnpm build` runs for these packages, then the generators of the docs
  // and contract packages (the docs site itself, Redoc and all, is left to the docs package's tests).
  await sh(
    "pnpm",
    ["turbo", "run", "build", "--filter=@hatch-api/client", "--filter=@sdkit/contract", "--ui=stream"],
    copy,
  );
  await sh(
    "pnpm",
    ["turbo", "run", "generate", "--filter=@hatch-api/docs", "--filter=@hatch-api/contract-tests", "--ui=stream"],
    copy,
  );
});

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
  console.log(`fixture-operation timings (ms): ${JSON.stringify(timings)}`);
});

describe("a new operation in the spec (fixture overlay: GET /v1/contacts/{contactId})", () => {
  it("is in the bundle, and no hand-written file changed", async () => {
    const bundle = JSON.parse(await readFile(join(copy, "spec/dist/openapi.json"), "utf8"));
    expect(Object.keys(bundle.paths["/v1/contacts/{contactId}"].get.responses)).toEqual(["200", "401", "404", "429"]);
    expect(await hashes([...handWritten.keys()])).toEqual(handWritten);
  });

  it("gets a typed SDK method: hatch.contacts.get(contactId)", async () => {
    const clientDir = join(copy, "packages/client");
    await cp(join(fixtures, "get-contact-usage.ts"), join(clientDir, "fixture-usage.ts"));
    await writeFile(
      join(clientDir, "tsconfig.fixture.json"),
      JSON.stringify({ extends: "./tsconfig.json", include: ["fixture-usage.ts"] }),
    );
    const tsc = createRequire(join(clientDir, "package.json")).resolve("typescript/bin/tsc");
    const output = await sh(process.execPath, [tsc, "--noEmit", "-p", "tsconfig.fixture.json"], clientDir).catch(
      (error) => String(error),
    );
    expect(output).toBe("");
    const built = await readFile(join(clientDir, "dist/index.d.ts"), "utf8");
    expect(built).toMatch(
      /get\(contactId: GetContactPathParams\["contactId"\], options\?: ContactsGetOptions\): Promise<GetContactResponse>;/,
    );
  });

  it("is in the docs with a TypeScript and a curl sample, which compile against the client", async () => {
    const docsDir = join(copy, "packages/docs");
    const { buildDocsBundle } = await import(join(copy, "tools/docs-builder/src/code-samples.js"));
    const docsSpec = await buildDocsBundle({
      specPath: join(copy, "spec/dist/openapi.json"),
      samplesDir: join(docsDir, "samples"),
    });
    const samples = docsSpec.paths["/v1/contacts/{contactId}"].get["x-codeSamples"];
    expect(samples.map((/** @type {{ label: string }} */ sample) => sample.label)).toEqual(["TypeScript", "curl"]);
    expect(samples[0].source).toContain('await hatch.contacts.get("4856cea1-0fdc-458b-9e76-57b9bbd4c891")');
    expect(samples[1].source).toContain(
      'curl --request GET "https://api.usehatchapp.com/v1/contacts/4856cea1-0fdc-458b-9e76-57b9bbd4c891"',
    );
    const output = await sh("pnpm", ["run", "typecheck"], docsDir);
    expect(output).not.toMatch(/error TS/);
  });

  it("is exercised by the contract suite on every declared status and both surfaces", async () => {
    const contractDir = join(copy, "tools/contract-tests");
    // The suite's own coverage gate fails on any declared (operation, status, surface) left out.
    const output = await sh("pnpm", ["exec", "vitest", "run", "--reporter=verbose"], contractDir);
    for (const status of ["200", "401", "404", "429"]) {
      expect(output).toMatch(new RegExp(`✓ .*getContact → ${status}' > client\\.GET answers ${status}`));
      expect(output).toMatch(new RegExp(`✓ .*getContact → ${status}' > contacts\\.get `));
    }
    expect(output).toMatch(/✓ .*every \(operation, declared status\) pair of the bundled spec was exercised/);
    expect(output).not.toMatch(/\bfailed\b/);
  });
});
