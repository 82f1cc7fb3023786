import { readFileSync } from "node:fs";
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildSiteOptions } from "@sdkit/docs";

const require = createRequire(import.meta.url);

export const packageDir = fileURLToPath(new URL("..", import.meta.url));
export const samplesDir = join(packageDir, "samples");
export const distDir = join(packageDir, "dist");
const repoRoot = join(packageDir, "..", "..");

/** The bundled spec every downstream package reads (built by the spec's `bundle` task). */
export const specPath: string = require.resolve("@hatch-api/spec/openapi.json");

// biome-ignore lint/suspicious/noExplicitAny: tests walk the OpenAPI document freely; its shape is the spec's business.
export async function readBundledSpec(): Promise<any> {
  return JSON.parse(await readFile(specPath, "utf8"));
}

/**
 * The options this package's `build` script gives `sdkit-docs build` (see package.json), for a
 * build through the JS API; `overrides` replace any of them.
 */
export function siteOptions(overrides: Partial<BuildSiteOptions> & { outDir: string }): BuildSiteOptions {
  const config = JSON.parse(readFileSync(join(repoRoot, "sdk.config.json"), "utf8"));
  return {
    specPath,
    samplesDir,
    client: {
      packageName: config.packages.client,
      factory: config.client.factory,
      variable: config.client.variable,
      apiKeyEnv: config.env.apiKey,
    },
    quickStartPath: join(packageDir, "content", "quick-start.md"),
    changelogs: [
      { name: "@hatch-api/client", path: join(repoRoot, "packages", "client", "CHANGELOG.md") },
      { name: "@hatch-api/types", path: join(repoRoot, "packages", "types", "CHANGELOG.md") },
    ],
    apiChangesDir: join(repoRoot, "spec", "api-changes"),
    cwd: packageDir,
    ...overrides,
  };
}

export function scratchDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `docs-${prefix}-`));
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

/** The operations of a spec, straight from its `paths` (independent of the code under test). */
// biome-ignore lint/suspicious/noExplicitAny: see readBundledSpec.
export function specOperations(spec: any): Array<{ method: string; path: string; operation: any }> {
  const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    methods
      // biome-ignore lint/suspicious/noExplicitAny: a path item.
      .filter((method) => (item as any)?.[method])
      // biome-ignore lint/suspicious/noExplicitAny: a path item.
      .map((method) => ({ method, path, operation: (item as any)[method] })),
  );
}

/** Follows `#/...` references. */
// biome-ignore lint/suspicious/noExplicitAny: see readBundledSpec.
export function resolveRef(spec: any, node: any): any {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 20; hops++) {
    current = (current.$ref as string)
      .slice(2)
      .split("/")
      .reduce((target, key) => target?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], spec);
  }
  return current;
}

/** Every property name, at any depth, of an operation's request bodies. */
// biome-ignore lint/suspicious/noExplicitAny: see readBundledSpec.
export function requestFieldNames(spec: any, operation: any): Set<string> {
  const names = new Set<string>();
  const seen = new Set();
  // biome-ignore lint/suspicious/noExplicitAny: a schema.
  const visit = (node: any) => {
    const schema = resolveRef(spec, node);
    if (!schema || typeof schema !== "object" || seen.has(schema)) return;
    seen.add(schema);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      names.add(name);
      visit(property);
    }
    for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) visit(part);
    if (schema.items) visit(schema.items);
  };
  const body = resolveRef(spec, operation.requestBody);
  // biome-ignore lint/suspicious/noExplicitAny: a media type object.
  for (const media of Object.values(body?.content ?? {}) as any[]) visit(media.schema);
  return names;
}
