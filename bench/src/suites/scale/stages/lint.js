// @ts-check
import { tools } from "../tools.js";

/** @type {import("../stage.js").ScaleStage} */
export default {
  id: "lint",
  label: "lint",
  ours: "openapi-bundle lint (tools/openapi-bundle)",
  raw: "redocly lint",
  oursCommand: ({ document, redoclyConfig, work }) => ({
    command: process.execPath,
    args: [tools.openapiBundle, "lint", "--config", redoclyConfig, document],
    cwd: work,
  }),
  rawCommand: ({ document, redoclyConfig, work }) => ({
    command: process.execPath,
    args: [tools.redocly, "lint", "--config", redoclyConfig, document],
    cwd: work,
  }),
};
