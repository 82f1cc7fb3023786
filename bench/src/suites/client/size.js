#!/usr/bin/env node
// @ts-check
/**
 * Measures what @hatch-api/client adds to a user's bundle: the built ESM entry (dist/index.js,
 * the file a user's bundler gets), bundled and minified the way an app bundler would, then
 * gzipped (level 9). Rows:
 * - clientOnly: the whole entry, every export kept, openapi-fetch left external: the client's own
 *   code. The budget `client.size.clientOnly.minGzipKb` judges this row: it is the most any user
 *   ships, whatever they import, so it cannot flatter the client by measuring less than a user gets.
 * - clientWithOpenapiFetch: the same with openapi-fetch bundled in (budgeted too: what an app ships).
 * - typicalApp: an app that imports only `createHatchClient` and calls `contacts.upsert`, after
 *   tree-shaking, openapi-fetch external. Reported, not budgeted: it shows how much of the entry is
 *   exports such an app drops (the error classes it never names, the resend rules).
 * - openapiFetch: openapi-fetch alone, for reference.
 * `--json` prints the figures for `pnpm bench`. Run after `pnpm build`:
 * `node bench/src/suites/client/size.js`.
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
const typicalAppEntry = join(scratch, "typical-app.js");
await writeFile(
  typicalAppEntry,
  [
    `import { createHatchClient } from ${JSON.stringify(distEntry)};`,
    "const hatch = createHatchClient();",
    "export const saveLead = (lead) => hatch.contacts.upsert(lead);",
    "",
  ].join("\n"),
);

/** @type {Array<[string, string, { min: number, gzip: number }]>} */
const rows = [
  ["clientOnly", "@hatch-api/client, openapi-fetch external", await minifiedSize(distEntry, false)],
  ["clientWithOpenapiFetch", "@hatch-api/client + openapi-fetch", await minifiedSize(distEntry, true)],
  ["typicalApp", "createHatchClient + contacts.upsert only", await minifiedSize(typicalAppEntry, false)],
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
