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

/**
 * Generates one fixture SDK: `<fixture>/openapi.json` and `<fixture>/sdk.config.json` into
 * `.generated/<out>/types` and `.generated/<out>/sdk`.
 *
 * @param {string} fixture folder under test/, e.g. "fixture"
 * @param {string} out folder under test/.generated/ ("" for the main fixture's historical place)
 */
export function generateFixtureSdk(fixture = "fixture", out = "") {
  const base = out === "" ? "./.generated" : `./.generated/${out}`;
  const spec = here(`./${fixture}/openapi.json`);
  const label = ["--label", `tools/client-core/test/${fixture}/openapi.json`];
  codegen(["types", "--spec", spec, "--out", here(`${base}/types`), ...label]);
  // What a types package's entry adds to the aliases: the openapi-typescript names.
  writeFileSync(
    here(`${base}/types/index.ts`),
    'export type * from "./aliases.js";\nexport type { components, operations, paths } from "./openapi.js";\n',
  );
  mkdirSync(here(`${base}/sdk`), { recursive: true });
  codegen([
    "sdk",
    "--spec",
    spec,
    "--sdk-config",
    here(`./${fixture}/sdk.config.json`),
    "--types-module",
    "../types/index.js",
    "--out",
    here(`${base}/sdk`),
    ...label,
  ]);
}

export default function setup() {
  generateFixtureSdk();
  // The capabilities' own small document (idempotency keys, pagination): a second SDK.
  generateFixtureSdk("fixture/capabilities", "capabilities");
  // Operations keyed by paths with a URI fragment (AWS's `/#Action=...`): a third SDK.
  generateFixtureSdk("fixture/fragments", "fragments");
}

// `node test/generate-fixture.js` (the lint script: tsc checks the tests against the fixture SDK).
if (process.argv[1] === fileURLToPath(import.meta.url)) setup();
