#!/usr/bin/env node
// @ts-check
/**
 * Measures what @hatch-api/client adds to a user's bundle: the built ESM entry (dist/index.js),
 * bundled and minified the way an app bundler would, then gzipped. Reported with openapi-fetch
 * left external (the client's own code), with it bundled in (what an app actually ships), and
 * openapi-fetch alone for reference. Run after `pnpm build`: `pnpm --filter @hatch-api/client size`.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "tsdown";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * @param {string} entry
 * @param {boolean} bundleOpenapiFetch
 * @returns {Promise<{ min: number, gzip: number }>}
 */
async function minifiedSize(entry, bundleOpenapiFetch) {
  const outDir = await mkdtemp(join(tmpdir(), "hatch-client-size-"));
  try {
    await build({
      config: false,
      cwd: packageDir,
      entry: [entry],
      outDir,
      format: "esm",
      platform: "neutral",
      minify: true,
      dts: false,
      sourcemap: false,
      logLevel: "silent",
      deps: bundleOpenapiFetch ? { alwaysBundle: ["openapi-fetch"] } : { neverBundle: ["openapi-fetch"] },
    });
    const files = (await readdir(outDir)).filter((f) => /\.m?js$/.test(f));
    let min = 0;
    let gzip = 0;
    for (const file of files) {
      const code = await readFile(join(outDir, file));
      min += code.length;
      gzip += gzipSync(code, { level: 9 }).length;
    }
    return { min, gzip };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

const distEntry = join(packageDir, "dist/index.js");
// Inside the package's node_modules so that "openapi-fetch" resolves from it as it does from dist/.
const scratch = join(packageDir, "node_modules/.cache/hatch-client-size");
await mkdir(scratch, { recursive: true });
const openapiFetchEntry = join(scratch, "openapi-fetch-only.js");
await writeFile(openapiFetchEntry, 'export { default } from "openapi-fetch";\n');

const rows = [
  ["@hatch-api/client, openapi-fetch external", await minifiedSize(distEntry, false)],
  ["@hatch-api/client + openapi-fetch", await minifiedSize(distEntry, true)],
  ["openapi-fetch alone", await minifiedSize(openapiFetchEntry, true)],
];
await rm(scratch, { recursive: true, force: true });

const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(2)} kB`;
for (const [label, size] of rows) {
  const { min, gzip } = /** @type {{ min: number, gzip: number }} */ (size);
  process.stdout.write(`${String(label).padEnd(44)} min ${kb(min).padStart(9)}   min+gzip ${kb(gzip).padStart(8)}\n`);
}
