// @ts-check
// The scaffold turns every rule of Redocly's `recommended` that the document fails at error level
// into a warning in the new repo's spec/redocly.yaml, so its first build passes. Redocly lists only
// the first 100 problems unless told otherwise, errors first in the order it found them; a rule
// whose errors all come after that cut used to be missed, and the new repo's build failed on it.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runRedocly } from "@sdkit/bundle";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { bundleRepo, scaffolded } from "./support/scaffolded.js";

// Well over 100: each operation fails `operation-summary` (reported as Redocly walks the paths) and
// `security-defined` (reported once the walk is done), so every `security-defined` error comes
// after the first 100 problems.
const OPERATIONS = 150;

/** A document nobody wrote for this toolchain: no summaries, no security; half without an operationId or tags (an overlay). */
function manyProblems() {
  /** @type {Record<string, any>} */
  const paths = {};
  for (let i = 0; i < OPERATIONS; i++) {
    const named = i % 2 === 0 ? { operationId: `getWidget${i}`, tags: ["widgets"] } : {};
    paths[`/widgets/w${i}`] = { get: { ...named, responses: { 200: { description: "the widget" } } } };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Many Problems API", version: "1.0.0" },
    servers: [{ url: "https://api.many-problems.test" }],
    tags: [{ name: "widgets", description: "Widgets" }],
    paths,
  };
}

/**
 * Redocly's `--format json` report, from stdout.
 *
 * @param {{ stdout: string }} run
 * @returns {{ problems: Array<{ ruleId: string, severity: string }>, totals: { errors: number, warnings: number } }}
 */
function parseReport(run) {
  return JSON.parse(run.stdout.slice(run.stdout.indexOf("{"), run.stdout.lastIndexOf("}") + 1));
}

describe("a document with more lint problems than Redocly lists by default", () => {
  /** @type {string} */
  let work;
  /** @type {string} */
  let out;
  /** @type {string[]} */
  let report;
  /** @type {(() => Promise<void>) | undefined} */
  let cleanup;
  /** @type {ReturnType<typeof parseReport>} Redocly's own report, listing as many problems as it does by default */
  let listed;

  beforeAll(async () => {
    let remove;
    ({ work, out, report, remove } = await scaffolded(manyProblems(), "many"));
    cleanup = remove;
    const config = join(work, "recommended.yaml");
    await writeFile(config, "extends:\n  - recommended\ntelemetry: off\n");
    listed = parseReport(
      await runRedocly(["lint", join(out, "spec/openapi.yaml"), "--config", config, "--format", "json"]),
    );
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it("is past Redocly's default cut: its default listing leaves out a rule failed at error level", () => {
    // Without this the tests below would pass whether or not the scaffold lifts the cut.
    expect(listed.problems.length).toBeLessThan(listed.totals.errors + listed.totals.warnings);
    expect(listed.problems.map((problem) => problem.ruleId)).not.toContain("security-defined");
  });

  it("reports every problem of every failing rule and makes each error rule a warning", async () => {
    const text = report.join("\n");
    // Redocly counts every problem in its totals, even those it does not list.
    expect(text).toContain(`Redocly recommended: ${listed.totals.errors} error(s) in`);
    expect(text).toContain(` rule(s), ${listed.totals.warnings} warning(s) in `);
    expect(text).toContain(`error security-defined ×${OPERATIONS} `);
    const errorRules = [...text.matchAll(/^ {2}error (\S+) ×/gm)].map((match) => match[1]);
    const config = YAML.parse(await readFile(join(out, "spec/redocly.yaml"), "utf8"));
    expect(config.extends).toEqual(["recommended"]);
    for (const rule of errorRules) expect(config.rules?.[/** @type {string} */ (rule)], rule).toBe("warn");
  });

  it("passes its own spec lint: the build's bundle (the document, then with its overlay) with spec/redocly.yaml", async () => {
    // What `pnpm build` runs first in the new repo (spec's `bundle` script), from the same package.
    const { document, overlays } = await bundleRepo(out, work);
    expect(overlays.length, "the overlay is linted too").toBeGreaterThan(0);
    expect(Object.keys(document.paths)).toHaveLength(OPERATIONS);
  });
});
