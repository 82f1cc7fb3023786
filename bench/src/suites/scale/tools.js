// @ts-check
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);

/** Entry points of the raw tools, as pinned in bench/package.json, and of ours in the workspace. */
export const tools = {
  redocly: require.resolve("@redocly/cli/bin/cli.js"),
  openapiTypescript: require.resolve("openapi-typescript/bin/cli.js"),
  tsc: require.resolve("typescript/bin/tsc"),
  openapiBundle: require.resolve("@hatch-api/openapi-bundle/cli"),
  /** @param {string} repoRoot */
  typesGenerate: (repoRoot) => join(repoRoot, "packages/types/scripts/generate.js"),
};
