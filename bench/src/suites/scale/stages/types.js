// @ts-check
import { join } from "node:path";
import { tools } from "../tools.js";

/** @type {import("../stage.js").ScaleStage} */
export default {
  id: "types",
  label: "types",
  ours: "openapi-codegen types (what types#generate runs: openapi-typescript plus the named aliases)",
  raw: "openapi-typescript -o openapi.ts",
  oursCommand: ({ repoRoot, document, work }) => ({
    command: process.execPath,
    args: [tools.codegen(repoRoot), "types", "--spec", document, "--out", join(work, "ours-types")],
    cwd: work,
  }),
  rawCommand: ({ document, work }) => ({
    command: process.execPath,
    args: [tools.openapiTypescript, document, "-o", join(work, "raw-types", "openapi.ts")],
    cwd: work,
  }),
};
