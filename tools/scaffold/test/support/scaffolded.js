// @ts-check
// A document scaffolded into a temporary folder, as the tests that read a new repo's files need it:
// no lockfile (nothing here installs, and writing one is the slow part of scaffolding), no log.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scaffold } from "../../src/scaffold.js";

/**
 * @param {Record<string, unknown>} document
 * @param {string} name the API's name (`--name`)
 * @returns {Promise<{ work: string, out: string, report: string[], remove: () => Promise<void> }>}
 */
export async function scaffolded(document, name) {
  const work = await mkdtemp(join(tmpdir(), `scaffold-${name}-`));
  const spec = join(work, "openapi.json");
  await writeFile(spec, JSON.stringify(document));
  const out = join(work, "repo");
  try {
    const { report } = await scaffold({ spec, out, name, lockfile: false, log: () => {} });
    return { work, out, report, remove: () => rm(work, { recursive: true, force: true }) };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}
