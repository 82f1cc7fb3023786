// @ts-check
// Which files of this repository a scaffolded repository gets, and how their names change. Only
// generic tools and hand-written core are copied: never Hatch's document, overlays, API change
// reports, changelogs, samples or tests that exercise Hatch's operations.
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

/**
 * Folders copied whole (minus build output), and single files. Paths are relative to the repo root.
 */
export const COPIED = Object.freeze({
  trees: [
    "tools/openapi-bundle/src",
    "tools/codegen/src",
    "tools/mock/src",
    "tools/contract-tests/src",
    "tools/test-support/src",
    "tools/contract-tests/test/support",
    "packages/client/src",
    "tools/client-core/src",
    "packages/types/src",
    "packages/docs/src",
    "packages/docs/templates",
  ],
  files: [
    ".gitignore",
    "biome.json",
    "tsconfig.base.json",
    "turbo.json",
    ".changeset/config.json",
    ".changeset/README.md",
    ".ci/run",
    "tools/bootstrap.sh",
    "spec/package.json",
    "spec/turbo.json",
    "packages/types/package.json",
    "packages/types/tsconfig.json",
    "packages/types/tsdown.config.ts",
    "packages/types/turbo.json",
    "packages/types/.gitignore",
    "packages/client/package.json",
    "packages/client/tsconfig.json",
    "packages/client/tsdown.config.ts",
    "packages/client/turbo.json",
    "packages/client/.gitignore",
    "packages/docs/package.json",
    "packages/docs/tsconfig.json",
    "packages/docs/tsconfig.samples.json",
    "packages/docs/turbo.json",
    "packages/docs/redocly.yaml",
    "packages/docs/.gitignore",
    "tools/openapi-bundle/package.json",
    "tools/openapi-bundle/tsconfig.json",
    "tools/codegen/package.json",
    "tools/client-core/package.json",
    "tools/client-core/tsconfig.json",
    "tools/client-core/index.js",
    "tools/client-core/index.d.ts",
    "tools/client-core/LICENSE",
    "tools/codegen/tsconfig.json",
    "tools/codegen/turbo.json",
    "tools/codegen/sdk-config.schema.json",
    "tools/mock/package.json",
    "tools/mock/tsconfig.json",
    "tools/mock/tsconfig.build.json",
    "tools/mock/turbo.json",
    "tools/test-support/package.json",
    "tools/test-support/tsconfig.json",
    "tools/test-support/turbo.json",
    "tools/contract-tests/package.json",
    "tools/contract-tests/tsconfig.json",
    "tools/contract-tests/turbo.json",
    "tools/contract-tests/vitest.config.ts",
    "tools/contract-tests/.gitignore",
    "tools/contract-tests/test/contract/success.test.ts",
    "tools/contract-tests/test/contract/declared-statuses.test.ts",
    "tools/contract-tests/test/contract/coverage-gate.test.ts",
  ],
  /** Hand-written files that hold Hatch's own operations or prose; the scaffold writes its own. */
  skipped: ["packages/client/src/generated", "packages/types/src/generated"],
});

/** Never copied from inside a tree. */
const IGNORED = /(^|\/)(node_modules|dist|\.turbo|generated|test-results)(\/|$)/;

/**
 * Every file the scaffold copies, as paths relative to `root`.
 *
 * @param {string} root this repository
 * @returns {Promise<string[]>}
 */
export async function listTemplateFiles(root) {
  /** @type {string[]} */
  const files = [...COPIED.files];
  for (const tree of COPIED.trees) {
    const entries = await readdir(join(root, tree), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = relative(root, join(entry.parentPath, entry.name)).replaceAll("\\", "/");
      if (IGNORED.test(path) || COPIED.skipped.some((skip) => path === skip || path.startsWith(`${skip}/`))) continue;
      files.push(path);
    }
  }
  return [...new Set(files)].sort();
}

/**
 * The text replacements that turn Hatch's names into the new API's, longest first so that
 * `HATCH_API_KEY` is replaced before `HATCH_`. None is needed for the client's names: the generated
 * client.ts declares them from sdk.config.json (and the contract bindings' client.ts maps them), so
 * they follow the config when it is edited later.
 *
 * @param {import("@sdkit/codegen/sdk-config").SdkConfig} config
 * @param {{ pascal: string, camel: string, upper: string }} names
 * @returns {Array<[RegExp, string]>}
 */
export function renames(config, names) {
  return [
    [/https:\/\/api\.usehatchapp\.com/g, config.baseUrl],
    [/@hatch-api\/client/g, config.packages.client],
    [/@hatch-api\/types/g, config.packages.types],
    [/@hatch-api\//g, `${config.scope}/`],
    [/HATCH_API_KEY/g, config.env.apiKey],
    [/HATCH_BASE_URL/g, config.env.baseUrl],
    [/HATCH_/g, `${names.upper}_`],
    [/__HATCH_/g, `__${names.upper}_`],
    [/Hatch's/g, `${config.title}'s`],
    [/Hatch/g, names.pascal],
    [/\bhatch\b/g, names.camel],
    [/\bhatch(?=[A-Z])/g, names.camel],
  ];
}

/**
 * @param {string} text
 * @param {Array<[RegExp, string]>} rules
 */
export function applyRenames(text, rules) {
  let result = text;
  for (const [pattern, replacement] of rules) result = result.replace(pattern, () => replacement);
  return result;
}

/**
 * @param {string} root
 * @param {string} path
 */
export function readTemplate(root, path) {
  return readFile(join(root, path), "utf8");
}
