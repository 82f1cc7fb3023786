// @ts-check
import { join } from "node:path";
import { tools } from "../tools.js";

/** @param {string} text */
const quoted = (text) => `'${text.replaceAll("'", "'\\''")}'`;

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
    const redocly = [process.execPath, tools.redocly].map(quoted).join(" ");
    const config = quoted(redoclyConfig);
    const lint = `${redocly} lint --config ${config} ${quoted(document)}`;
    const bundle = `${redocly} bundle --config ${config} ${quoted(document)} -o ${quoted(join(work, "raw-bundle", "openapi.json"))}`;
    return { command: "/bin/sh", args: ["-c", `${lint} && ${bundle}`], cwd: work };
  },
};
