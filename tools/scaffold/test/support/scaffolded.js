// @ts-check
// A document scaffolded into a temporary folder, as the tests that read a new repo's files need it:
// no lockfile (nothing here installs, and writing one is the slow part of scaffolding), no log.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleSpec } from "@sdkit/bundle";
import { vi } from "vitest";
import { scaffold } from "../../src/scaffold.js";

/**
 * What the new repo's build makes of its document (its spec package's `bundle`): spec/openapi.yaml
 * linted by spec/redocly.yaml and bundled with spec/overlays, as the mock, the generators and the
 * contract tests read it. Its warnings go to console.log, silenced; a failure's problems still
 * reach stderr.
 *
 * @param {string} out the scaffolded repo
 * @param {string} work a scratch folder for the bundle
 * @returns {Promise<{ document: Record<string, any>, overlays: string[] }>}
 */
export async function bundleRepo(out, work) {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const bundled = await bundleSpec(join(out, "spec/openapi.yaml"), {
    config: join(out, "spec/redocly.yaml"),
    overlays: join(out, "spec/overlays"),
    out: join(work, "dist"),
  }).finally(() => log.mockRestore());
  return { document: JSON.parse(await readFile(bundled.json, "utf8")), overlays: bundled.overlays };
}

/**
 * @param {Record<string, unknown>} document
 * @param {string} name the API's name (`--name`)
 * @returns {Promise<{ work: string, out: string, report: string[], built: () => Promise<Record<string, any>>, remove: () => Promise<void> }>}
 */
export async function scaffolded(document, name) {
  const work = await mkdtemp(join(tmpdir(), `scaffold-${name}-`));
  const spec = join(work, "openapi.json");
  await writeFile(spec, JSON.stringify(document));
  const out = join(work, "repo");
  try {
    const { report } = await scaffold({ spec, out, name, lockfile: false, log: () => {} });
    return {
      work,
      out,
      report,
      built: async () => (await bundleRepo(out, work)).document,
      remove: () => rm(work, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}
