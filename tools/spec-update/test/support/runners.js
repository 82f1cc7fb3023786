// @ts-check
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runCommand } from "@sdkit/cli-kit";
import { bundleForDiff } from "../../src/bundle.js";
import { taskOf } from "../../src/spec-update.js";
import { REPO } from "./paths.js";

/**
 * Stands in for `turbo run build` in a temp repo with the parts that matter here, run for real:
 * the spec bundle (tools/openapi-bundle, our lint rules) and the types generator of
 * packages/types (openapi-typescript); `api:report` writes the generated types' member lines into
 * tools/api-report/reports/fake-types.api.md (a stand-in for API Extractor's report of the built
 * package; the first build records it for the spec committed at HEAD, so the report shows only
 * what the change did). `turbo run test` succeeds; anything listed in `fail`
 * fails after scribbling over the outputs, as a half-finished build would.
 *
 * @param {{ fail?: string[] }} [options]
 * @returns {{ run: import("@sdkit/cli-kit").Runner, calls: string[] }}
 */
export function buildRunner(options = {}) {
  /** @type {string[]} */
  const calls = [];
  /** @type {import("@sdkit/cli-kit").Runner} */
  const run = async (command, args, { cwd }) => {
    const line = [command, ...args].join(" ");
    calls.push(line);
    const task = taskOf(args);
    if (options.fail?.includes(task)) {
      mkdirSync(join(cwd, "spec/dist"), { recursive: true });
      writeFileSync(join(cwd, "spec/dist/openapi.json"), "{ half written");
      mkdirSync(join(cwd, "packages/types/src/generated"), { recursive: true });
      writeFileSync(join(cwd, "packages/types/src/generated/openapi.ts"), "// half written\n");
      return { code: 1, output: "" };
    }
    if (task === "build") {
      if (!existsSync(fakeReport(cwd))) await reportCommittedTypes(cwd);
      await buildSpecAndTypes(cwd);
    }
    if (task === "api:report") reportTypes(cwd, cwd);
    return { code: 0, output: "" };
  };
  return { run, calls };
}

/** @param {string} root */
const fakeReport = (root) => join(root, "tools/api-report/reports/fake-types.api.md");

/**
 * @param {string} from the root whose generated types to read
 * @param {string} root the repository to write the report into
 */
function reportTypes(from, root) {
  const types = readFileSync(join(from, "packages/types/src/generated/openapi.ts"), "utf8");
  const members = types.split("\n").filter((line) => /^\s+[\w"]+\??: /.test(line));
  mkdirSync(dirname(fakeReport(root)), { recursive: true });
  writeFileSync(fakeReport(root), `${members.join("\n")}\n`);
}

/**
 * The fake report of the spec committed at HEAD (before spec:update wrote its change).
 *
 * @param {string} root
 */
async function reportCommittedTypes(root) {
  const before = mkdtempSync(join(tmpdir(), "spec-update-before-"));
  try {
    mkdirSync(join(before, "spec"), { recursive: true });
    writeFileSync(
      join(before, "spec/openapi.yaml"),
      execFileSync("git", ["show", "HEAD:spec/openapi.yaml"], { cwd: root, encoding: "utf8" }),
    );
    cpSync(join(root, "spec/redocly.yaml"), join(before, "spec/redocly.yaml"));
    cpSync(join(root, "spec/overlays"), join(before, "spec/overlays"), { recursive: true });
    await buildSpecAndTypes(before);
    reportTypes(before, root);
  } finally {
    rmSync(before, { recursive: true, force: true });
  }
}

/**
 * Bundles the temp repo's spec with our rules and generates its types with the real generator.
 *
 * @param {string} root
 */
export async function buildSpecAndTypes(root) {
  const cli = join(REPO, "tools/openapi-bundle/src/cli.js");
  const bundled = await runCommand(
    process.execPath,
    [
      cli,
      "bundle",
      "--config",
      join(root, "spec/redocly.yaml"),
      "--overlays",
      join(root, "spec/overlays"),
      "--out",
      join(root, "spec/dist"),
      join(root, "spec/openapi.yaml"),
    ],
    { cwd: root, capture: true },
  );
  if (bundled.code !== 0) throw new Error(`bundle failed:\n${bundled.output}`);
  execFileSync(
    process.execPath,
    [
      join(REPO, "tools/codegen/src/cli.js"),
      "types",
      "--spec",
      join(root, "spec/dist/openapi.json"),
      "--out",
      join(root, "packages/types/src/generated"),
    ],
    { cwd: join(REPO, "packages/types"), stdio: "pipe" },
  );
}

/**
 * `biome check` on `files` with the repo's settings; "" when clean, else Biome's complaint.
 *
 * @param {string} root
 * @param {string[]} files
 */
export async function biomeCheck(root, files) {
  const biome = join(REPO, "node_modules/@biomejs/biome/bin/biome");
  const result = await runCommand(process.execPath, [biome, "check", ...files], { cwd: root, capture: true });
  return result.code === 0 ? "" : result.output;
}

export { bundleForDiff };
