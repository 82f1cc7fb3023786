// @ts-check
import { join } from "node:path";
import { nodeLine, tools } from "../tools.js";

/**
 * `openapi-bundle bundle` lints the document as part of bundling it (spec#bundle is the one place a
 * build lints), so its fair baseline is the same work done with the raw tool: `redocly lint`, then
 * `redocly bundle`.
 *
 * @type {import("../stage.js").ScaleStage}
 */
export default {
  id: "bundle",
  label: "lint + bundle",
  ours: "openapi-bundle bundle (what spec#bundle runs: lint and bundle)",
  raw: "redocly lint && redocly bundle -o openapi.json",
  oursCommand: ({ document, redoclyConfig, work }) => ({
    command: process.execPath,
    args: [tools.openapiBundle, "bundle", "--config", redoclyConfig, "--out", join(work, "ours-bundle"), document],
    cwd: work,
  }),
  rawCommand: ({ document, redoclyConfig, work }) => {
    const config = ["--config", redoclyConfig];
    const lint = nodeLine(tools.redocly, ["lint", ...config, document]);
    const bundle = nodeLine(tools.redocly, [
      "bundle",
      ...config,
      document,
      "-o",
      join(work, "raw-bundle", "openapi.json"),
    ]);
    return { command: "/bin/sh", args: ["-c", `${lint} && ${bundle}`], cwd: work };
  },
};
