// @ts-check
// Every file of a scaffolded repo except the document itself, its overlay and sdk.config.json:
// manifests that depend on the toolchain packages, the little config each package needs, the
// README and CI. Nothing here is toolchain source: generators, client core, mock, contract suites
// and docs builder are installed packages, so a toolchain release reaches the repo by `pnpm up`.
import { cliNames, DEFECTS_FILE, mcpNames } from "@sdkit/codegen";
import { PNPM_VERSION, THIRD_PARTY_VERSIONS, toolchainRange } from "./toolchain-versions.js";

/**
 * @typedef {import("@sdkit/codegen/sdk-config").SdkConfig} SdkConfig
 * @typedef {{ config: SdkConfig, versions: Record<string, string>, dropped?: import("./document-input.js").DroppedRef[] }} RepoInput
 *   `versions`: the toolchain packages' versions (name → x.y.z); `dropped`: the references the
 *   scaffold dropped from the document (listed in the README)
 */

/** Where each package of a scaffolded repo lives. */
export const LAYOUT = Object.freeze({
  spec: "spec",
  types: "packages/types",
  client: "packages/client",
  cli: "packages/cli",
  mcp: "packages/mcp",
  docs: "packages/docs",
  contract: "packages/contract-tests",
});

/** The bundle every generator reads, from a package folder one level below `packages/`. */
const BUNDLE = "../../spec/dist/openapi.json";
const CONFIG = "../../sdk.config.json";

/** @param {unknown} value */
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** `"name": "catalog:"` for each name: the version lives once, in pnpm-workspace.yaml. */
const fromCatalog = (/** @type {string[]} */ ...names) =>
  Object.fromEntries(names.sort().map((name) => [name, "catalog:"]));

/**
 * @param {RepoInput} input
 * @returns {Map<string, string>} path → text
 */
export function repoFiles(input) {
  const { config, versions } = input;
  const names = privateNames(config);
  /** @type {Map<string, string>} */
  const files = new Map();

  files.set("package.json", json(rootManifest(config)));
  files.set("pnpm-workspace.yaml", workspaceYaml(versions));
  files.set("turbo.json", json(turboConfig()));
  files.set("biome.json", json(biomeConfig()));
  files.set("tsconfig.base.json", json(tsconfigBase()));
  files.set(".gitignore", GITIGNORE);
  files.set(".ci/run", ciRun());
  files.set(".changeset/config.json", json(changesetConfig(config)));
  files.set(
    ".changeset/first-release.md",
    `---\n"${config.packages.types}": minor\n"${config.packages.client}": minor\n"${cliNames(config).packageName}": minor\n"${mcpNames(config).packageName}": minor\n---\n\nFirst release of the ${config.title} SDK, generated from its OpenAPI document.\n`,
  );
  files.set("README.md", readme(config, input.dropped ?? []));

  files.set(`${LAYOUT.spec}/package.json`, json(specManifest(config, names.spec)));
  files.set(`${LAYOUT.spec}/overlays/README.md`, overlaysReadme(config));

  files.set(`${LAYOUT.types}/package.json`, json(typesManifest(config, names.spec)));
  files.set(`${LAYOUT.types}/src/index.ts`, typesIndex(config));
  files.set(`${LAYOUT.types}/tsconfig.json`, json(packageTsconfig(["src"])));
  files.set(`${LAYOUT.types}/tsdown.config.ts`, tsdownConfig({ oxcDeclarations: true }));

  files.set(`${LAYOUT.client}/package.json`, json(clientManifest(config, names.spec)));
  files.set(
    `${LAYOUT.client}/src/index.ts`,
    `// The whole client is generated into src/generated (from the spec, sdk.config.json and the toolchain).\nexport * from "./generated/index.js";\n`,
  );
  files.set(`${LAYOUT.client}/tsconfig.json`, json(packageTsconfig(["src"])));
  files.set(`${LAYOUT.client}/tsdown.config.ts`, tsdownConfig({ oxcDeclarations: false }));

  // The command-line tool: wholly generated (openapi-codegen cli), named by the config.
  files.set(`${LAYOUT.cli}/package.json`, json(cliManifest(config, names.spec)));
  files.set(`${LAYOUT.cli}/tsconfig.json`, json(packageTsconfig(["src"])));
  files.set(`${LAYOUT.cli}/tsdown.config.ts`, CLI_TSDOWN_CONFIG);

  // The MCP server: wholly generated (openapi-codegen mcp), named by the config.
  files.set(`${LAYOUT.mcp}/package.json`, json(mcpManifest(config, names.spec)));
  files.set(`${LAYOUT.mcp}/tsconfig.json`, json(packageTsconfig(["src"])));
  files.set(`${LAYOUT.mcp}/tsdown.config.ts`, CLI_TSDOWN_CONFIG);

  files.set(`${LAYOUT.docs}/package.json`, json(docsManifest(config, names)));
  files.set(`${LAYOUT.docs}/tsconfig.json`, json(packageTsconfig(["samples", "sample-env.d.ts"])));
  files.set(`${LAYOUT.docs}/sample-env.d.ts`, sampleEnvDeclarations(config));

  files.set(`${LAYOUT.contract}/package.json`, json(contractManifest(config, names)));
  files.set(`${LAYOUT.contract}/tsconfig.json`, json(packageTsconfig(["test", "vitest.config.ts"])));
  files.set(
    `${LAYOUT.contract}/vitest.config.ts`,
    `import { contractTestConfig } from "@sdkit/contract/vitest";
import { defineConfig } from "vitest/config";

// Every operation and declared status of the bundled document, through the built client, against
// Prism: the suites are @sdkit/contract's, the bindings (test/generated) are generated.
export default defineConfig({ test: contractTestConfig({ dir: "test/generated" }) });
`,
  );
  return files;
}

/**
 * The names of the repo's private packages (never published, so any name under the scope works).
 *
 * @param {SdkConfig} config
 */
function privateNames(config) {
  return { spec: `${config.scope}/spec`, docs: `${config.scope}/docs`, contract: `${config.scope}/contract-tests` };
}

/** @param {SdkConfig} config */
function rootManifest(config) {
  return {
    name: `${config.name}-sdk`,
    private: true,
    description: `OpenAPI document, generated types and client, docs and contract tests for the ${config.title}.`,
    type: "module",
    packageManager: `pnpm@${PNPM_VERSION}`,
    engines: { node: ">=20.19.0" },
    scripts: {
      build: "turbo run build",
      generate: "turbo run generate",
      lint: "biome check . && turbo run lint",
      test: "turbo run test typecheck",
      mock: `turbo run bundle && sdkit-mock --spec ${LAYOUT.spec}/dist/openapi.json`,
      changeset: "changeset",
      format: "biome format --write .",
    },
    // @sdkit/codegen at the root: sdk.config.json's `$schema` points into it, and `pnpm exec
    // openapi-codegen` works from here.
    devDependencies: fromCatalog(
      "@biomejs/biome",
      "@changesets/cli",
      "@sdkit/codegen",
      "@sdkit/mock",
      "turbo",
      "typescript",
    ),
  };
}

/**
 * pnpm-workspace.yaml: the packages, the catalog that holds every version the repo's manifests
 * refer to (the toolchain's as `~` ranges, the rest exact), and the install settings the toolchain
 * needs.
 *
 * @param {Record<string, string>} versions
 */
function workspaceYaml(versions) {
  const toolchain = Object.entries(versions)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, version]) => `  ${JSON.stringify(name)}: ${JSON.stringify(toolchainRange(version))}`);
  const thirdParty = Object.entries(THIRD_PARTY_VERSIONS).map(
    ([name, version]) => `  ${JSON.stringify(name)}: ${JSON.stringify(version)}`,
  );
  return `packages:
  - ${LAYOUT.spec}
  - packages/*

# pnpm refuses to run dependency build scripts unless they are listed here.
allowBuilds:
  "@scarf/scarf": false
  esbuild: true

overrides:
  # The mock's Prism: its newest internals need Node 24; these are the last ones that run on Node 20.
  "@stoplight/prism-core": 5.8.0
  "@stoplight/prism-http": 5.12.0
  "@stoplight/prism-http-server": 5.12.2

# Every version the packages' manifests name (\`"name": "catalog:"\`), in one place.
catalog:
  # The SDK toolchain. \`~\`: \`pnpm -r up --no-save "@sdkit/*"\` takes its patch releases (the
  # lockfile records which); a new minor is taken on purpose, with \`--latest\`.
${toolchain.join("\n")}
  # Tools the repo's own config files use.
${thirdParty.join("\n")}
`;
}

/** Tasks and their outputs; turbo hashes each package's files and its dependencies' lockfile entries. */
function turboConfig() {
  return {
    $schema: "https://turborepo.com/schema.json",
    ui: "stream",
    globalDependencies: ["tsconfig.base.json"],
    tasks: {
      bundle: { outputs: ["dist/**"] },
      generate: {
        dependsOn: ["^bundle"],
        inputs: ["$TURBO_DEFAULT$", "$TURBO_ROOT$/sdk.config.json"],
        outputs: ["src/generated/**", "samples/generated/**", "test/generated/**"],
      },
      build: { dependsOn: ["^build", "^bundle", "generate"], outputs: ["dist/**"] },
      typecheck: { dependsOn: ["^build", "generate"], outputs: [] },
      lint: { dependsOn: ["^build", "generate"], outputs: [] },
      test: { dependsOn: ["^build", "^bundle", "build"], outputs: [], env: ["CI"] },
    },
  };
}

function biomeConfig() {
  return {
    $schema: `https://biomejs.dev/schemas/${THIRD_PARTY_VERSIONS["@biomejs/biome"]}/schema.json`,
    vcs: { enabled: true, clientKind: "git", useIgnoreFile: true },
    files: { includes: ["**", "!**/dist", "!**/generated", "!**/.turbo"] },
    formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: 120 },
    linter: { enabled: true, rules: { preset: "recommended" } },
    assist: { actions: { source: { organizeImports: "on" } } },
  };
}

function tsconfigBase() {
  return {
    $schema: "https://json.schemastore.org/tsconfig",
    compilerOptions: {
      target: "ES2022",
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noUncheckedIndexedAccess: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      resolveJsonModule: true,
      noEmit: true,
      types: ["node"],
    },
  };
}

/**
 * The environment the samples read, typed. It is also the docs package's one input that is always
 * there: a document with no operations (yet) generates no samples, and tsc refuses a project with
 * no inputs at all (TS18003), which would fail the type check of a valid repo.
 *
 * @param {SdkConfig} config
 */
function sampleEnvDeclarations(config) {
  return `// The environment variables the code samples read.
declare namespace NodeJS {
  interface ProcessEnv {
    /** The API key the samples send. Keep it out of source control, logs and browsers. */
    readonly ${config.env.apiKey}?: string;
  }
}
`;
}

/** @param {string[]} include */
function packageTsconfig(include) {
  return { extends: "../../tsconfig.base.json", include };
}

const GITIGNORE = `node_modules/
dist/
.turbo/
*.tsbuildinfo
.env
.env.*
.npmrc
test-results/
# Generated from the spec by \`pnpm build\` (never edited, never committed)
generated/
# openapi-bundle stages a whole output folder beside the old one
.*.new/
.*.old/
`;

function ciRun() {
  return `#!/usr/bin/env bash
# CI on a fresh clone: the pinned pnpm, the locked dependencies, then the README's second command.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1 REDOCLY_TELEMETRY=off
want=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ "$(pnpm --version 2>/dev/null || true)" != "$want" ]; then npm install --global --no-fund --no-audit "pnpm@$want"; fi
pnpm install --frozen-lockfile
pnpm lint && pnpm test
`;
}

/** @param {SdkConfig} config */
function changesetConfig(config) {
  return {
    $schema: "https://unpkg.com/@changesets/config@3.1.4/schema.json",
    changelog: "@changesets/cli/changelog",
    commit: false,
    fixed: [[config.packages.types, config.packages.client, cliNames(config).packageName]],
    linked: [],
    access: "public",
    baseBranch: "main",
    updateInternalDependencies: "patch",
    ignore: [],
    privatePackages: { version: false, tag: false },
  };
}

/**
 * @param {SdkConfig} config
 * @param {string} name
 */
function specManifest(config, name) {
  return {
    name,
    version: "0.0.0",
    private: true,
    description: `The OpenAPI document of the ${config.title}: the single source of truth of this repo.`,
    type: "module",
    scripts: {
      bundle: "openapi-bundle bundle --config redocly.yaml --overlays overlays --out dist openapi.yaml",
    },
    devDependencies: fromCatalog("@sdkit/bundle"),
  };
}

/**
 * The fields a published package of the repo shares: ESM and CJS builds with their declarations.
 *
 * @param {string} description
 */
function publishedPackage(description) {
  return {
    version: "0.0.0",
    description,
    license: "MIT",
    type: "module",
    sideEffects: false,
    engines: { node: ">=18.17" },
    main: "./dist/index.cjs",
    module: "./dist/index.js",
    types: "./dist/index.d.cts",
    exports: {
      ".": {
        import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
        require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
      },
      "./package.json": "./package.json",
    },
    files: ["dist", "README.md", "LICENSE", "CHANGELOG.md"],
    publishConfig: { access: "public" },
  };
}

const BUILD = "node --input-type=module -e \"await (await import('tsdown')).build()\"";
const CHECK_PACKAGE = "publint --strict && attw --pack .";

/**
 * @param {SdkConfig} config
 * @param {string} spec
 */
function typesManifest(config, spec) {
  return {
    name: config.packages.types,
    ...publishedPackage(`TypeScript types for the ${config.title}, generated from its OpenAPI document.`),
    scripts: {
      generate: `openapi-codegen types --spec ${BUNDLE} --out src/generated`,
      build: BUILD,
      lint: "tsc -p tsconfig.json",
      test: "pnpm run check:package",
      "check:package": CHECK_PACKAGE,
    },
    devDependencies: {
      [spec]: "workspace:*",
      ...fromCatalog("@arethetypeswrong/cli", "@sdkit/codegen", "@types/node", "publint", "tsdown", "typescript"),
    },
  };
}

/**
 * @param {SdkConfig} config
 * @param {string} spec
 */
function clientManifest(config, spec) {
  return {
    name: config.packages.client,
    ...publishedPackage(
      `A TypeScript client for the ${config.title}: typed from its OpenAPI document, with retries, timeouts and typed errors.`,
    ),
    scripts: {
      generate: `openapi-codegen sdk --spec ${BUNDLE} --sdk-config ${CONFIG} --out src/generated`,
      build: BUILD,
      lint: "tsc -p tsconfig.json",
      test: "pnpm run check:package",
      "check:package": CHECK_PACKAGE,
    },
    dependencies: { [config.packages.types]: "workspace:*", ...fromCatalog("openapi-fetch") },
    devDependencies: {
      [spec]: "workspace:*",
      ...fromCatalog("@arethetypeswrong/cli", "@sdkit/codegen", "@types/node", "publint", "tsdown", "typescript"),
    },
  };
}

/**
 * The command-line package: a bin built from the generated entry, on the repo's client.
 *
 * @param {SdkConfig} config
 * @param {string} spec
 */
function cliManifest(config, spec) {
  const { packageName, bin } = cliNames(config);
  return {
    name: packageName,
    version: "0.0.0",
    description: `${bin}: the ${config.title} from the command line, generated from its OpenAPI document.`,
    license: "MIT",
    type: "module",
    engines: { node: ">=20.19" },
    bin: { [bin]: "./dist/bin.mjs" },
    exports: { "./package.json": "./package.json" },
    files: ["dist", "README.md", "LICENSE", "CHANGELOG.md"],
    publishConfig: { access: "public" },
    scripts: {
      generate: `openapi-codegen cli --spec ${BUNDLE} --sdk-config ${CONFIG} --out src/generated`,
      build: BUILD,
      lint: "tsc -p tsconfig.json",
      test: "publint --strict",
    },
    dependencies: { [config.packages.client]: "workspace:*" },
    devDependencies: {
      [spec]: "workspace:*",
      ...fromCatalog("@sdkit/codegen", "@types/node", "publint", "tsdown", "typescript"),
    },
  };
}

/**
 * The MCP server package: a bin (stdio) built from the generated entry, on the repo's client and
 * the official MCP SDK.
 *
 * @param {SdkConfig} config
 * @param {string} spec
 */
function mcpManifest(config, spec) {
  const { packageName, bin } = mcpNames(config);
  return {
    name: packageName,
    version: "0.0.0",
    description: `${bin}: an MCP server (stdio) that lets AI agents call the ${config.title}, generated from its OpenAPI document.`,
    license: "MIT",
    type: "module",
    engines: { node: ">=20.19" },
    bin: { [bin]: "./dist/bin.mjs" },
    exports: { "./package.json": "./package.json" },
    files: ["dist", "README.md", "LICENSE", "CHANGELOG.md"],
    publishConfig: { access: "public" },
    scripts: {
      generate: `openapi-codegen mcp --spec ${BUNDLE} --sdk-config ${CONFIG} --out src/generated`,
      build: BUILD,
      lint: "tsc -p tsconfig.json",
      test: "publint --strict",
    },
    dependencies: {
      [config.packages.client]: "workspace:*",
      ...fromCatalog("@modelcontextprotocol/sdk", "zod"),
    },
    devDependencies: {
      [spec]: "workspace:*",
      ...fromCatalog("@sdkit/codegen", "@types/node", "publint", "tsdown", "typescript"),
    },
  };
}

const CLI_TSDOWN_CONFIG = `import { defineConfig } from "tsdown";

export default defineConfig({
  // The generated entry carries the shebang; the client stays a dependency.
  entry: { bin: "src/generated/bin.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  dts: false,
  clean: true,
  sourcemap: false,
  checks: { pluginTimings: false },
});
`;

/**
 * @param {SdkConfig} config
 * @param {ReturnType<typeof privateNames>} names
 */
function docsManifest(config, names) {
  return {
    name: names.docs,
    version: "0.0.0",
    private: true,
    description: `The offline docs site for the ${config.title}.`,
    type: "module",
    scripts: {
      generate: `openapi-codegen samples --spec ${BUNDLE} --sdk-config ${CONFIG} --out samples/generated`,
      // The quick start is written from sdk.config.json and the first operation's sample unless
      // --quick-start names one; samples/<operationId>.ts replaces a generated sample.
      build: `sdkit-docs build --spec ${BUNDLE} --samples samples --sdk-config ${CONFIG} --out dist`,
      preview: "sdkit-docs preview --dir dist",
      // Every sample (generated and hand-written) compiles against the built client.
      typecheck: "tsc -p tsconfig.json",
    },
    devDependencies: {
      [config.packages.client]: "workspace:*",
      [names.spec]: "workspace:*",
      ...fromCatalog("@sdkit/codegen", "@sdkit/docs", "@types/node", "typescript"),
    },
  };
}

/**
 * @param {SdkConfig} config
 * @param {ReturnType<typeof privateNames>} names
 */
function contractManifest(config, names) {
  return {
    name: names.contract,
    version: "0.0.0",
    private: true,
    description: `Contract tests: the built ${config.title} client against Prism serving the bundled document.`,
    type: "module",
    scripts: {
      generate: `openapi-codegen contract --spec ${BUNDLE} --sdk-config ${CONFIG} --out test/generated`,
      lint: "tsc -p tsconfig.json",
      test: "vitest run",
    },
    devDependencies: {
      [config.packages.client]: "workspace:*",
      [names.spec]: "workspace:*",
      ...fromCatalog("@sdkit/codegen", "@sdkit/contract", "@sdkit/mock", "@types/node", "typescript", "vitest"),
    },
  };
}

/**
 * @param {{ oxcDeclarations: boolean }} options
 */
function tsdownConfig({ oxcDeclarations }) {
  return `import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  // Fetch-only code: "neutral" keeps Node built-ins out of the entry.
  platform: "neutral",
  target: "es2022",
  dts: ${oxcDeclarations ? "{ oxc: true }" : "true"},
  clean: true,
  sourcemap: false,
  checks: { pluginTimings: false },
});
`;
}

/** @param {SdkConfig} config */
function typesIndex(config) {
  return `/**
 * Types for the ${config.title}, all generated from its OpenAPI document at build time (see
 * src/generated): \`paths\`, \`components\` and \`operations\` from openapi-typescript, and a named
 * alias for every schema and for each operation's request body, parameters, success response and
 * error statuses.
 */
import type { components, paths } from "./generated/openapi.js";

export type * from "./generated/aliases.js";
export type { components, operations, paths, webhooks } from "./generated/openapi.js";

/** Every named schema in the document, keyed by its name. */
export type Schemas = components["schemas"];

/** The API's paths. */
export type ApiPath = keyof paths;
`;
}

/** @param {SdkConfig} config */
function overlaysReadme(config) {
  return `# Overlays

OpenAPI Overlay 1.0 files (\`*.yaml\`, \`*.yml\`, \`*.json\`) placed here are applied to \`openapi.yaml\`
by the \`bundle\` task, in file-name order (prefix them \`10-\`, \`20-\`, … to order them). The bundled
result is linted again.

Changes on top of the ${config.title}'s document belong here, never in \`openapi.yaml\` itself, so
that a new version of the document can replace it as is. \`00-operation-names.yaml\`, when present,
was written by the scaffold: derived operationIds and tags for operations that had none. Set
\`x-sdk-resource\`, \`x-sdk-method\` and \`x-sdk-unwrap\` on operations here to choose the SDK's names
(see \`node_modules/@sdkit/codegen/README.md\`).
`;
}

/**
 * The README's section on the document's own defects: where the generated list is, what the
 * contract tests do about each, how to fix one with an overlay; and the references the scaffold
 * dropped, which only it knows (the document it wrote no longer has them).
 *
 * @param {import("./document-input.js").DroppedRef[]} dropped
 */
function defectsSection(dropped) {
  const lines = [
    "## The document's own defects",
    "",
    `\`pnpm build\` lists the places where the document contradicts itself in \`${LAYOUT.contract}/test/generated/${DEFECTS_FILE}\``,
    "(generated on every build; it is empty when there are none): an example that breaks its own schema, a",
    "response body declared in a type with neither a schema nor an example, a request body schema nothing conforms",
    "to (the mock refuses every request). Each entry names the operation, the",
    "response status (none for a request example), the JSON pointer of the place, the reason, and its `remedy`,",
    "what the contract tests do meanwhile: `dynamic` (the mock generates the answer from the schema),",
    "`named-example` (the mock serves a named example that conforms), `waived` (no valid answer exists: the",
    "status is reported as `waived: document defect at <pointer>: <reason>`), `conforming-example` (a request",
    "example: samples and contract requests use one that conforms).",
    "",
    "Fix a defect in an overlay in `spec/overlays/` (see its README), never in `spec/openapi.yaml`: an action whose",
    "`target` is the JSONPath of the place the pointer names and whose `update` corrects it (or `remove`). After",
    "`pnpm build` the entry is gone, and the contract tests check that status against the document's own example again.",
  ];
  if (dropped.length > 0) {
    lines.push(
      "",
      `The scaffold also dropped ${dropped.length} reference(s) that led nowhere, so the build runs; each is now a`,
      "placeholder in `spec/openapi.yaml` that says so. Point them at what they meant in an overlay:",
      "",
      "| pointer | reference |",
      "| --- | --- |",
      ...dropped.map((entry) => `| \`#${entry.pointer}\` | \`${entry.ref}\` |`),
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * @param {SdkConfig} config
 * @param {import("./document-input.js").DroppedRef[]} dropped
 */
function readme(config, dropped) {
  return `# ${config.title}: TypeScript SDK

Types, a fetch client, an offline docs site and contract tests against a Prism mock, all generated
from one OpenAPI document (\`spec/openapi.yaml\`) by the \`@sdkit/*\` toolchain, which this repo
installs as packages (versions in \`pnpm-workspace.yaml\`'s catalog, exact releases in the lockfile).

## Quick start (Node 20.19+, pnpm ${PNPM_VERSION}: \`npm install --global pnpm@${PNPM_VERSION}\`)

1. Install the locked dependencies and build everything from the spec:

   \`\`\`sh
   pnpm install --frozen-lockfile && pnpm build
   \`\`\`

2. Lint everything and run all the tests:

   \`\`\`sh
   pnpm lint && pnpm test
   \`\`\`

\`.ci/run\` runs the same on a fresh clone.

## Layout

| path | what it holds |
| --- | --- |
| \`spec/\` | \`openapi.yaml\` (the document as received), \`overlays/\` (your changes to it), \`redocly.yaml\` (lint rules), \`dist/\` (the bundle everything reads) |
| \`sdk.config.json\` | everything API-specific that the document does not say: package names, the client's factory and type, env var names, base URL, rate limit, user agent, retries, security schemes (schema: \`@sdkit/codegen\`'s \`sdk-config.schema.json\`) |
| \`${LAYOUT.types}\` | \`${config.packages.types}\`: types generated by \`openapi-codegen types\` |
| \`${LAYOUT.client}\` | \`${config.packages.client}\`: the client \`openapi-codegen sdk\` writes into \`src/generated\` (resources, the client core, the configured names) |
| \`${LAYOUT.cli}\` | \`${cliNames(config).packageName}\`: the \`${cliNames(config).bin}\` command \`openapi-codegen cli\` writes into \`src/generated\` (one command per SDK method; the key from \`${config.env.apiKey}\`) |
| \`${LAYOUT.mcp}\` | \`${mcpNames(config).packageName}\`: the \`${mcpNames(config).bin}\` MCP server (stdio) \`openapi-codegen mcp\` writes into \`src/generated\` (one tool per operation; the key from \`${config.env.apiKey}\`) |
| \`${LAYOUT.docs}\` | the offline docs site (\`@sdkit/docs\`), with a TypeScript and a curl sample per operation |
| \`${LAYOUT.contract}\` | the built client against Prism, every operation and declared status (\`@sdkit/contract\`) |

## What you edit, and what you never edit

| you edit | for |
| --- | --- |
| \`spec/overlays/*.yaml\` | every change to the document: operationIds, tags, SDK names (\`x-sdk-resource\`, \`x-sdk-method\`, \`x-sdk-unwrap\`), fixes for lint findings |
| \`sdk.config.json\` | package names (scope ${config.scope}), the client factory, env var names, the default base URL, rate limit, user agent, retries, the security schemes the client sends |
| \`spec/redocly.yaml\` | the lint rules (delete the \`warn\` lines the scaffold added once the document passes them) |
| \`${LAYOUT.docs}/samples/<operationId>.ts\` / \`.sh\` | a hand-written sample that replaces the generated one for that operation |
| \`spec/openapi.yaml\` | only to replace it with a new version of the document |

**Never edit** the generated folders (\`src/generated/\`, \`samples/generated/\`, \`test/generated/\`) or
\`dist/\`: \`pnpm build\` rewrites them, and they are git-ignored.

## Upgrading the toolchain

\`\`\`sh
pnpm -r up --no-save "@sdkit/*" && pnpm build
\`\`\`

takes the newest patch release of every \`@sdkit/*\` package within the catalog's \`~\` ranges and
records it in \`pnpm-lock.yaml\`, the only file that changes; the build regenerates the client,
types, samples and contract bindings with it (turbo sees the new versions in the lockfile).
pnpm installs a release only once it is a day old (its default \`minimumReleaseAge\`). A new
minor, which may change the generated SDK, is taken on purpose: \`pnpm -r up --latest "@sdkit/*"\`,
then review the diff of the built packages.

${defectsSection(dropped)}
## Using the client

\`\`\`ts
import { ${config.client.factory} } from "${config.packages.client}";

const ${config.client.variable} = ${config.client.factory}(); // ${config.env.apiKey} from the environment
\`\`\`

Each operation is \`${config.client.variable}.<resource>.<method>(...)\`: the resource is the operation's
first tag, the method its operationId without the resource's words.

## Releasing

\`pnpm changeset\` records a change; \`pnpm changeset version\` bumps \`${config.packages.types}\` and
\`${config.packages.client}\` together; \`pnpm changeset publish\` publishes them.
`;
}
