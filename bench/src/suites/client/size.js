#!/usr/bin/env node
// @ts-check
/**
 * Measures what @hatch-api/client adds to a user's bundle: the built ESM entry (dist/index.js),
 * bundled and minified the way an app bundler would, then gzipped. Reported with openapi-fetch
 * left external (the client's own code), with it bundled in (what an app actually ships), and
 * openapi-fetch alone for reference. `--json` prints the figures for `pnpm bench`.
 * Run after `pnpm build`: `node bench/src/suites/client/size.js`.
 */
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "tsdown";

const require = createRequire(import.meta.url);
// The client package itself (through the workspace link), so its dist/ resolves "openapi-fetch" as
// it does for a user.
const packageDir = await realpath(dirname(require.resolve("@hatch-api/client/package.json")));

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
// Inside the client's node_modules so that "openapi-fetch" resolves from it as it does from dist/.
const scratch = join(packageDir, "node_modules/.cache/hatch-client-size");
await mkdir(scratch, { recursive: true });
const openapiFetchEntry = join(scratch, "openapi-fetch-only.js");
await writeFile(openapiFetchEntry, 'export { default } from "openapi-fetch";\n');

/** @type {Array<[string, string, { min: number, gzip: number }]>} */
const rows = [
  ["clientOnly", "@hatch-api/client, openapi-fetch external", await minifiedSize(distEntry, false)],
  ["clientWithOpenapiFetch", "@hatch-api/client + openapi-fetch", await minifiedSize(distEntry, true)],
  ["openapiFetch", "openapi-fetch alone", await minifiedSize(openapiFetchEntry, true)],
];
await rm(scratch, { recursive: true, force: true });

if (process.argv.includes("--json")) {
  process.stdout.write(
    `${JSON.stringify(Object.fromEntries(rows.map(([id, label, size]) => [id, { label, ...size }])))}\n`,
  );
  process.exit(0);
}

const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(2)} kB`;
for (const [, label, { min, gzip }] of rows) {
  process.stdout.write(`${String(label).padEnd(44)} min ${kb(min).padStart(9)}   min+gzip ${kb(gzip).padStart(8)}\n`);
}
