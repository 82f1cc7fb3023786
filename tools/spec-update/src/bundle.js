// @ts-check
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { runCommand } from "@sdkit/cli-kit";
import { SpecUpdateError } from "./errors.js";

const require = createRequire(import.meta.url);
const bundleCli = require.resolve("@sdkit/bundle/cli");

/**
 * Only structural validity: the documents compared by oasdiff must bundle even when the candidate
 * breaks one of our lint rules, so the change report can still be printed.
 */
const STRUCTURE_ONLY = "extends: []\nrules:\n  struct: error\n  no-unresolved-refs: error\ntelemetry: off\n";

/**
 * Bundles `text` (an OpenAPI document that sits in the spec folder) the way the build does,
 * overlays included, into `<work>/<name>/dist/openapi.json`, checking structure only.
 *
 * @param {string} text
 * @param {{ work: string, name: string, overlays: string }} where
 * @returns {Promise<string>} the bundled JSON file
 */
export async function bundleForDiff(text, { work, name, overlays }) {
  const dir = join(work, name);
  await mkdir(join(dir, "dist"), { recursive: true });
  const spec = join(dir, "openapi.yaml");
  const bundled = join(dir, "dist", "openapi.json");
  await writeFile(spec, text);
  // The same spec and overlays bundle to the same JSON: within one process (a test run, or the
  // current spec bundled for several candidates) Redocly runs once per distinct input.
  const key = await inputKey(text, overlays);
  const cached = bundles.get(key);
  if (cached !== undefined) {
    await writeFile(bundled, cached);
    return bundled;
  }
  const config = join(work, "structure-only.redocly.yaml");
  await writeFile(config, STRUCTURE_ONLY);
  const out = join(dir, "dist");
  const result = await runCommand(
    process.execPath,
    [bundleCli, "bundle", "--config", config, "--overlays", overlays, "--out", out, spec],
    {
      cwd: dir,
      capture: true,
    },
  );
  if (result.code !== 0) {
    throw new SpecUpdateError(`the ${name} spec does not bundle:\n${result.output.trim()}`, { step: "bundle" });
  }
  bundles.set(key, await readFile(bundled, "utf8"));
  return bundled;
}

/** @type {Map<string, string>} */
const bundles = new Map();

/**
 * @param {string} text
 * @param {string} overlays
 */
async function inputKey(text, overlays) {
  const hash = createHash("sha256").update(text).update("\0").update(overlays);
  const names = (await readdir(overlays).catch(() => [])).sort();
  for (const name of names) hash.update(`\0${name}\0`).update(await readFile(join(overlays, name)).catch(() => ""));
  return hash.digest("hex");
}

/**
 * Lints `specPath` with our rules (spec/redocly.yaml) and returns Redocly's report.
 *
 * @param {string} specPath
 * @param {string} config
 */
export async function lintWithOurRules(specPath, config) {
  const result = await runCommand(process.execPath, [bundleCli, "lint", "--config", config, specPath], {
    cwd: process.cwd(),
    capture: true,
  });
  return { ok: result.code === 0, output: result.output.trim() };
}
