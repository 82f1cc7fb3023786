// @ts-check
// The files of a scaffolded repo that are written for it rather than copied (root manifests, the
// README, the types entry point, the docs' quick start), and the edits copied files need there.
import { listOperations, planSdk } from "@sdkit/codegen";

/**
 * @typedef {import("@sdkit/codegen/sdk-config").SdkConfig} SdkConfig
 * @typedef {{ pascal: string, camel: string, upper: string }} Names
 */

/**
 * Edits a package.json (as text in, text out).
 *
 * @param {(pkg: Record<string, any>) => void} edit
 * @returns {(text: string) => string}
 */
function editJson(edit) {
  return (text) => {
    const pkg = JSON.parse(text);
    edit(pkg);
    return `${JSON.stringify(pkg, null, 2)}\n`;
  };
}

/**
 * Package fields that point at this repository, not the new one.
 *
 * @param {Record<string, any>} pkg
 */
function dropRepositoryFields(pkg) {
  for (const field of ["repository", "homepage", "bugs", "keywords"]) delete pkg[field];
}

/**
 * Per copied file (after renaming), what changes in the scaffolded repo. Test scripts run only
 * the tests that are copied: the contract tests, the docs build and samples' typecheck, and the
 * packages' publint/attw checks; the tools' own unit tests stay in the toolchain repo.
 *
 * @param {SdkConfig} config
 * @param {Names} _names
 * @returns {Record<string, (text: string) => string>}
 */
export function fileTransforms(config, _names) {
  const withoutTests = editJson((pkg) => {
    delete pkg.scripts.test;
  });
  return {
    "spec/package.json": editJson((pkg) => {
      delete pkg.scripts.test;
      pkg.description = `The OpenAPI document of the ${config.title}: the single source of truth of this repo.`;
    }),
    "packages/types/package.json": editJson((pkg) => {
      dropRepositoryFields(pkg);
      pkg.version = "0.1.0";
      pkg.description = `TypeScript types for the ${config.title}, generated from its OpenAPI document.`;
      pkg.scripts.test = "pnpm run check:package";
    }),
    "packages/client/package.json": editJson((pkg) => {
      dropRepositoryFields(pkg);
      pkg.version = "0.1.0";
      pkg.description = `A TypeScript client for the ${config.title}: typed, with retries, timeouts and typed errors.`;
      pkg.scripts.test = "pnpm run check:package";
      delete pkg.scripts.bench;
      delete pkg.scripts.size;
    }),
    "packages/docs/package.json": editJson((pkg) => {
      pkg.description = `The offline docs site for the ${config.title}.`;
      // The build runs the offline check; the test compiles every sample against the built client.
      pkg.scripts.test = "tsc --noEmit -p tsconfig.samples.json";
    }),
    "tools/contract-tests/package.json": editJson((pkg) => {
      pkg.scripts.test = "vitest run";
      delete pkg.scripts["test:meta"];
    }),
    "tools/openapi-bundle/package.json": withoutTests,
    "tools/codegen/package.json": withoutTests,
    "tools/client-core/package.json": withoutTests,
    "tools/mock/package.json": withoutTests,
    "tools/codegen/turbo.json": editJson((turbo) => {
      delete turbo.tasks.test;
    }),
    "spec/turbo.json": editJson((turbo) => {
      delete turbo.tasks.test;
    }),
    "tools/contract-tests/turbo.json": editJson((turbo) => {
      // Provider mode's env names are the new API's (renamed); nothing else changes.
      return turbo;
    }),
    // The docs' own prose names Hatch's contacts in three places; a new API gets neutral words.
    "packages/docs/src/pages.js": (text) => text.replace("send your first contact with", "make your first call with"),
    "packages/docs/src/build-site.js": (text) =>
      text
        .replace(
          "keys, authentication, sources, how an upsert matches contacts, errors, rate limits, retries",
          "the API's own introduction",
        )
        .replace("send a first contact", "make a first call"),
    "packages/docs/src/reference-spec.js": (text) =>
      text.replace(
        / \(API keys, authentication, sources, how an upsert "\s*\+\s*"matches contacts, errors, rate limits, retries\)/,
        "",
      ),
    ".ci/run": (text) => text.replace("bash tools/bootstrap.sh --browser", "bash tools/bootstrap.sh"),
    // The whole client is generated: the entry re-exports it, and the types' main names.
    "packages/client/src/index.ts": () =>
      `export * from "./generated/index.js";\nexport type { components, operations, paths } from "${config.packages.types}";\n`,
  };
}

/**
 * @param {{ config: SdkConfig, names: Names, spec: Record<string, any>, fixes: import("./operation-fixes.js").Fixes, catalog: Record<string, string> }} input
 *   `catalog`: this repo's pnpm catalog, which the copied package.json files refer to (`"catalog:"`)
 * @returns {Map<string, string>}
 */
export function generatedFiles({ config, names, spec, fixes, catalog }) {
  const files = new Map();
  const scope = config.scope;
  files.set(
    "package.json",
    `${JSON.stringify(
      {
        name: `${config.name}-api-monorepo`,
        private: true,
        description: `OpenAPI spec, generated types, a fetch client, docs and a mock for the ${config.title}.`,
        type: "module",
        packageManager: "pnpm@12.4.2",
        engines: { node: ">=20.19.0" },
        scripts: {
          build: "turbo run build",
          generate: "turbo run generate",
          test: "turbo run test",
          lint: "turbo run lint lint:root",
          changeset: "changeset",
          format: "biome format --write .",
          "lint:root":
            "biome check package.json turbo.json biome.json tsconfig.base.json .changeset/config.json sdk.config.json",
        },
        devDependencies: {
          "@biomejs/biome": "2.6.8",
          "@changesets/cli": "2.31.1",
          turbo: "2.11.11",
          typescript: "5.9.3",
        },
      },
      null,
      2,
    )}\n`,
  );
  files.set(
    "pnpm-workspace.yaml",
    `packages:
  - spec
  - packages/*
  - tools/*

# pnpm refuses to run dependency build scripts unless they are listed here.
allowBuilds:
  "@scarf/scarf": false
  esbuild: true

overrides:
  # Prism's newest internals need Node 24; these are the last ones that run on Node 20.
  "@stoplight/prism-core": 5.8.0
  "@stoplight/prism-http": 5.12.0
  "@stoplight/prism-http-server": 5.12.2

# One version for dev dependencies that several packages share: a package says \`"name": "catalog:"\`.
catalog:
${Object.entries(catalog)
  .map(([name, version]) => `  ${JSON.stringify(name)}: ${version}`)
  .join("\n")}
`,
  );
  files.set(
    "packages/types/src/index.ts",
    `/**
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
`,
  );
  files.set("packages/docs/content/quick-start.md", quickStart(config, spec, fixes));
  files.set("spec/overlays/README.md", overlaysReadme(config));
  files.set("README.md", readme(config, names, scope));
  files.set(
    ".changeset/first-release.md",
    `---\n"${config.packages.types}": minor\n"${config.packages.client}": minor\n---\n\nFirst release of the ${config.title} SDK, generated from its OpenAPI document.\n`,
  );
  return files;
}

/**
 * @param {SdkConfig} config
 * @param {Record<string, any>} spec
 * @param {import("./operation-fixes.js").Fixes} fixes
 */
function quickStart(config, spec, fixes) {
  let call = "";
  try {
    // Apply the derived names the overlay will apply, to show the first operation's SDK method.
    const fixed = structuredClone(spec);
    for (const fix of fixes.operations) {
      const operation = fixed.paths[fix.path][fix.method];
      if (fix.operationId) operation.operationId = fix.operationId;
      if (fix.tags) operation.tags = fix.tags;
    }
    const plan = planSdk(listOperations(fixed), "openapi.yaml");
    const [resource, methods] = [...plan][0] ?? [];
    if (resource && methods?.[0]) call = `${config.client.variable}.${resource}.${methods[0].name}(…)`;
  } catch {
    call = "";
  }
  return `# Quick start: \`${config.packages.client}\`

\`${config.packages.client}\` is a TypeScript client for the ${config.title}: typed from its OpenAPI
document, with retries, timeouts and typed errors. It runs on Node.js 18.17 or later (and other
server runtimes with \`fetch\`).

## 1. Install

\`\`\`sh
npm install ${config.packages.client}
\`\`\`

## 2. Create a client

\`\`\`ts
import { ${config.client.factory} } from "${config.packages.client}";

const ${config.client.variable} = ${config.client.factory}({ apiKey: process.env.${config.env.apiKey} });
\`\`\`

It talks to \`${config.baseUrl}\` unless you pass \`baseUrl\` or set \`${config.env.baseUrl}\`.

## 3. Call the API

Every operation is a method: ${call ? `\`${call}\`` : "one resource per tag"}. The
[reference](reference.html) shows a TypeScript and a curl sample for each.
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
was written by \`pnpm scaffold\`: derived operationIds and tags for operations that had none. Set
\`x-sdk-resource\`, \`x-sdk-method\` and \`x-sdk-unwrap\` on operations here to choose the SDK's names
(see tools/codegen/README.md).
`;
}

/**
 * @param {SdkConfig} config
 * @param {Names} _names
 * @param {string} scope
 */
function readme(config, _names, scope) {
  return `# ${config.title}: TypeScript SDK toolchain

Types, a fetch client, an offline docs site, a Prism mock with contract tests and versioned npm
releases, all generated from one OpenAPI document (\`spec/openapi.yaml\`). Scaffolded by
\`pnpm scaffold\` from the Hatch API toolchain.

## Quick start (fresh machine: Node 20.19+, npm)

1. Set up and build everything from the spec (installs the pinned pnpm and the locked dependencies):

   \`\`\`sh
   bash tools/bootstrap.sh && pnpm build
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
| \`sdk.config.json\` | everything API-specific that the document does not say (schema: \`tools/codegen/sdk-config.schema.json\`) |
| \`packages/types\` | \`${config.packages.types}\`: types generated by openapi-typescript |
| \`packages/client\` | \`${config.packages.client}\`: openapi-fetch plus auth, retries, timeouts, rate limiting and typed errors |
| \`packages/docs\` | the offline docs site, with a TypeScript and a curl sample per operation |
| \`tools/codegen\` | generates the types' aliases, the SDK, the samples and the contract bindings |
| \`tools/openapi-bundle\` | lints (Redocly) and bundles the spec |
| \`tools/mock\` | Prism serving the bundle |
| \`tools/contract-tests\` | the built client against Prism, every operation and declared status |

## What you edit, and what you never edit

| you edit | for |
| --- | --- |
| \`spec/overlays/*.yaml\` | every change to the document: operationIds, tags, SDK names (\`x-sdk-resource\`, \`x-sdk-method\`, \`x-sdk-unwrap\`), fixes for lint findings |
| \`sdk.config.json\` | package names (scope ${scope}), the client factory, env var names, the default base URL, rate limit, user agent, retries, the security schemes the client sends |
| \`spec/redocly.yaml\` | the lint rules (delete the \`warn\` lines the scaffold added once the document passes them) |
| \`packages/docs/samples/<operationId>.ts\` / \`.sh\` | a hand-written sample that replaces the generated one for that operation |
| \`spec/openapi.yaml\` | only to replace it with a new version of the document |

**Never edit** the generated folders: \`packages/types/src/generated/\`, \`packages/client/src/generated/\`,
\`packages/docs/samples/generated/\`, \`tools/contract-tests/test/generated/\` (and \`dist/\`). They are
rebuilt from the spec by \`pnpm build\` and are git-ignored.

## Using the client

\`\`\`ts
import { ${config.client.factory} } from "${config.packages.client}";

const ${config.client.variable} = ${config.client.factory}(); // ${config.env.apiKey} from the environment
\`\`\`

Each operation is \`${config.client.variable}.<resource>.<method>(...)\`: the resource is the operation's
first tag, the method its operationId without the resource's words (see tools/codegen/README.md).

## Releasing

\`pnpm changeset\` records a change; \`pnpm changeset version\` bumps \`${config.packages.types}\` and
\`${config.packages.client}\` together; \`pnpm changeset publish\` publishes them.
`;
}
