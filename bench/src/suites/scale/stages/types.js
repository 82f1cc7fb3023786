// @ts-check
import { join } from "node:path";
import { tools } from "../tools.js";

/** @type {import("../stage.js").ScaleStage} */
export default {
  id: "types",
  label: "types",
  ours: "packages/types/scripts/generate.js (what types#generate runs)",
  raw: "openapi-typescript -o openapi.ts",
  oursCommand: ({ repoRoot, document, work }) => ({
    command: process.execPath,
    args: [tools.typesGenerate(repoRoot), "--input", document, "--output", join(work, "ours-types", "openapi.ts")],
    cwd: work,
  }),
  rawCommand: ({ document, work }) => ({
    command: process.execPath,
    args: [tools.openapiTypescript, document, "-o", join(work, "raw-types", "openapi.ts")],
    cwd: work,
  }),
};
