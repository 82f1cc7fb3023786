#!/usr/bin/env node
// @ts-check
/**
 * `test:unit` of every package: `vitest run --dir test` with the unit tier's guard loaded into
 * vitest and everything it spawns (see ../src/unit-tier-guard.cjs). Arguments are passed on to
 * vitest, so `pnpm test:unit -- naming` filters as usual. Run from the package's folder, as pnpm does.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const guard = fileURLToPath(new URL("../src/unit-tier-guard.cjs", import.meta.url));
const vitestManifest = createRequire(join(process.cwd(), "package.json")).resolve("vitest/package.json");
const { bin } = JSON.parse(readFileSync(vitestManifest, "utf8"));
const vitest = join(dirname(vitestManifest), typeof bin === "string" ? bin : bin.vitest);
// Quoted, so that a checkout under a path with spaces still loads it.
const nodeOptions = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(guard)}`].filter(Boolean).join(" ");

const result = spawnSync(process.execPath, [vitest, "run", "--dir", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NODE_OPTIONS: nodeOptions },
});
if (result.error) throw result.error;
process.exit(result.status ?? 1);
