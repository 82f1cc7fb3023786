// @ts-check
import { createRequire } from "node:module";
import { runCommand } from "@sdkit/cli-kit";
import { SpecUpdateError } from "./errors.js";

const require = createRequire(import.meta.url);

/**
 * Formats JSON files we write into the repo with the repo's Biome settings: `biome check` runs on
 * the spec folder, and JSON.stringify's layout is not Biome's.
 *
 * @param {string} root the repository root (its biome.json applies)
 * @param {string[]} files absolute paths
 */
export async function formatWithBiome(root, files) {
  if (files.length === 0) return;
  const biome = require.resolve("@biomejs/biome/bin/biome");
  const result = await runCommand(process.execPath, [biome, "format", "--write", ...files], {
    cwd: root,
    capture: true,
  });
  if (result.code !== 0) throw new SpecUpdateError(`biome format failed:\n${result.output.trim()}`, { step: "format" });
}
