// @ts-check
import { join } from "node:path";
import { tools } from "../tools.js";

/** @type {import("../stage.js").ScaleStage} */
export default {
  id: "bundle",
  label: "bundle",
  ours: "openapi-bundle bundle (what spec#bundle runs)",
  raw: "redocly bundle -o openapi.json",
  oursCommand: ({ document, redoclyConfig, work }) => ({
    command: process.execPath,
    args: [tools.openapiBundle, "bundle", "--config", redoclyConfig, "--out", join(work, "ours-bundle"), document],
    cwd: work,
  }),
  rawCommand: ({ document, redoclyConfig, work }) => ({
    command: process.execPath,
    args: [
      tools.redocly,
      "bundle",
      "--config",
      redoclyConfig,
      document,
      "-o",
      join(work, "raw-bundle", "openapi.json"),
    ],
    cwd: work,
  }),
};
