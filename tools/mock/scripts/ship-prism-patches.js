#!/usr/bin/env node
// @ts-check
// Part of `build`: copies the Prism dependency files this workspace patches (patches/, see
// src/prism-patches.cjs for why) into dist/prism-patches/, with a manifest naming the package
// version each was made from. pnpm applies `patchedDependencies` to this workspace's installs
// only, so the published package carries the patched sources itself. Refuses to ship a file that
// is not the patched one (a changed version or a missing patch), naming it.
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PATCHED_FILES } from "../src/prism-patched-files.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const out = join(packageDir, "dist", "prism-patches");
const fromPrism = createRequire(createRequire(import.meta.url).resolve("@stoplight/prism-cli"));

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
/** @type {Array<{ name: string, version: string, file: string, shipped: string }>} */
const manifest = [];
for (const { name, file, marker } of PATCHED_FILES) {
  const source = fromPrism.resolve(`${name}/${file}`);
  const packageJson = join(source.slice(0, source.length - file.length - 1), "package.json");
  const { version } = JSON.parse(await readFile(packageJson, "utf8"));
  if (!(await readFile(source, "utf8")).includes(marker)) {
    console.error(
      `ship-prism-patches: ${source} (${name}@${version}) is not patched: it lacks "${marker}". ` +
        "Is patchedDependencies in pnpm-workspace.yaml naming this version?",
    );
    process.exit(1);
  }
  const shipped = `${name.replace("/", "__")}@${version}__${file.replaceAll("/", "__")}`;
  await copyFile(source, join(out, shipped));
  manifest.push({ name, version, file, shipped });
  console.log(`ship-prism-patches: ${name}@${version}/${file} → ${join("dist", "prism-patches", shipped)}`);
}
await mkdir(dirname(out), { recursive: true });
await writeFile(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
