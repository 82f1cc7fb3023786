// @ts-check
// Generates the fixture SDK the core's tests run against (test/.generated/, not committed): the
// types and sdk targets of @sdkit/codegen on test/fixture, as a generated SDK's package would.
// Run by vitest's globalSetup before every test run, so the tests always see the current core.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));
// The generator of this repository (a devDependency would make a cycle with @sdkit/codegen's
// dependency on this package).
const cli = here("../../codegen/src/cli.js");

/** @param {string[]} args */
function codegen(args) {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`openapi-codegen ${args.join(" ")} failed:\n${run.stderr}${run.stdout}`);
}

export function generateFixtureSdk() {
  const spec = here("./fixture/openapi.json");
  const label = ["--label", "tools/client-core/test/fixture/openapi.json"];
  codegen(["types", "--spec", spec, "--out", here("./.generated/types"), ...label]);
  // What a types package's entry adds to the aliases: the openapi-typescript names.
  writeFileSync(
    here("./.generated/types/index.ts"),
    'export type * from "./aliases.js";\nexport type { components, operations, paths } from "./openapi.js";\n',
  );
  mkdirSync(here("./.generated/sdk"), { recursive: true });
  codegen([
    "sdk",
    "--spec",
    spec,
    "--sdk-config",
    here("./fixture/sdk.config.json"),
    "--types-module",
    "../types/index.js",
    "--out",
    here("./.generated/sdk"),
    ...label,
  ]);
}

export default function setup() {
  generateFixtureSdk();
}

// `node test/generate-fixture.js` (the lint script: tsc checks the tests against the fixture SDK).
if (process.argv[1] === fileURLToPath(import.meta.url)) generateFixtureSdk();
