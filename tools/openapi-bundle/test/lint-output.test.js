// @ts-check
// Lint errors name files as a terminal in the folder the user ran the command from can open them,
// and end with our hint instead of Redocly's ignore-file suggestion.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { copyFixture, runCli } from "./helpers.js";

/** @type {string} */
let root;
/** @type {string} */
let spec;
beforeEach(() => {
  // root/spec/openapi.yaml, like the repo: the package script runs in spec/, the user in root/.
  root = copyFixture();
  spec = join(root, "spec");
  mkdirSync(spec);
  for (const name of ["openapi.yaml", "redocly.yaml", "schemas", "overlays"])
    renameSync(join(root, name), join(spec, name));
  const file = join(spec, "openapi.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("      description: Lists every pet.\n", ""));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const lintArgs = ["lint", "--config", "redocly.yaml", "openapi.yaml"];

it("prints paths relative to INIT_CWD, where pnpm was run", () => {
  const { code, output } = runCli(lintArgs, { cwd: spec, env: { INIT_CWD: root } });
  expect(code, output).toBe(1);
  expect(output).toMatch(/^\[1\] spec\/openapi\.yaml:\d+:\d+ at #\/paths\/~1pets\/get/m);
  expect(output).toMatch(/openapi-bundle: spec\/openapi\.yaml: lint failed/);
});

it("prints paths relative to the turbo root in a turbo task, where pnpm's INIT_CWD is the package", () => {
  writeFileSync(join(root, "turbo.json"), "{}");
  writeFileSync(join(spec, "turbo.json"), '{ "extends": ["//"] }');
  const { code, output } = runCli(lintArgs, { cwd: spec, env: { INIT_CWD: spec, TURBO_HASH: "0123abcd" } });
  expect(code, output).toBe(1);
  expect(output).toMatch(/^\[1\] spec\/openapi\.yaml:\d+:\d+ at #\/paths\/~1pets\/get/m);
});

it("prints paths relative to its own folder without pnpm", () => {
  const { code, output } = runCli(lintArgs, { cwd: spec });
  expect(code, output).toBe(1);
  expect(output).toMatch(/^\[1\] openapi\.yaml:\d+:\d+ at /m);
});

it("replaces Redocly's ignore-file hint with how to lint again", () => {
  const plain = runCli(lintArgs, { cwd: spec, env: { INIT_CWD: root } });
  expect(plain.output).not.toMatch(/generate-ignore-file/);
  expect(plain.output).toMatch(
    /Lint it alone with: openapi-bundle lint --config spec\/redocly\.yaml spec\/openapi\.yaml/,
  );
  const asScript = runCli(lintArgs, { cwd: spec, env: { INIT_CWD: root, npm_package_name: "@acme/spec" } });
  expect(asScript.output).toMatch(/Lint it alone with: pnpm turbo run lint --filter=@acme\/spec/);
});
