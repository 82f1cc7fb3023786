// @ts-check
// A build lints each distinct document once: bundle lints the source itself (so `bundle` alone is
// as safe as lint + bundle), and the overlays' result only when there are overlays.
import { renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { copyFixture, runCli } from "./helpers.js";

/** @type {string} */
let work;
beforeEach(() => {
  work = copyFixture();
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const lintRuns = (/** @type {string} */ output) => output.match(/^validating /gm)?.length ?? 0;

it("lints the source once when there are no overlays, and prints no cheering", () => {
  rmSync(join(work, "overlays"), { recursive: true });
  const { code, output } = runCli(["bundle", "--config", "redocly.yaml", "--out", "dist", "openapi.yaml"], {
    cwd: work,
  });
  expect(code, output).toBe(0);
  expect(lintRuns(output)).toBe(1);
  expect(output).not.toMatch(/Woohoo/);
});

it("lints the source and the overlays' result once each", () => {
  const { code, output } = runCli(
    ["bundle", "--config", "redocly.yaml", "--overlays", "overlays", "--out", "dist", "openapi.yaml"],
    { cwd: work },
  );
  expect(code, output).toBe(0);
  expect(lintRuns(output)).toBe(2);
});

it("still refuses to bundle a source that fails lint when run alone", () => {
  renameSync(join(work, "overlays/20-empty-description.yaml.off"), join(work, "overlays/20-empty-description.yaml"));
  const { code, output } = runCli(
    ["bundle", "--config", "redocly.yaml", "--overlays", "overlays", "--out", "dist", "openapi.yaml"],
    { cwd: work },
  );
  expect(code, output).toBe(1);
  expect(output).toMatch(
    /openapi\.yaml with overlays overlays\/10-describe\.yaml, overlays\/20-empty-description\.yaml: lint failed/,
  );
});
