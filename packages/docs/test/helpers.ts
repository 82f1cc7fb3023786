import { cp, mkdtemp, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

export const packageDir = fileURLToPath(new URL("..", import.meta.url));
export const samplesDir = join(packageDir, "samples");
export const distDir = join(packageDir, "dist");

/** The bundled spec every downstream package reads (built by the spec's `bundle` task). */
export const specPath: string = require.resolve("@hatch-api/spec/openapi.json");

// biome-ignore lint/suspicious/noExplicitAny: tests walk the OpenAPI document freely; its shape is the spec's business.
export async function readBundledSpec(): Promise<any> {
  return JSON.parse(await readFile(specPath, "utf8"));
}

export function scratchDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `hatch-docs-${prefix}-`));
}

/** A copy of samples/ that a test may break without touching the real files. */
export async function copySamples(prefix: string): Promise<string> {
  const dir = join(await scratchDir(prefix), "samples");
  await cp(samplesDir, dir, { recursive: true });
  return dir;
}

/**
 * Whether `page` contains `text`, asserted without printing the page: the reference is 2.5 MB and
 * a failed `toContain` would dump all of it.
 */
export function contains(page: string, text: string): { text: string; found: boolean } {
  return { text, found: page.includes(text) };
}
