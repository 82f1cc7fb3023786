// @ts-check
import { join } from "node:path";
import { nodeLine, tools } from "../scale/tools.js";

/**
 * One task of a scaffolded repo's `pnpm build`: the package script turbo runs for it ("ours"), and
 * the raw tool doing the same job on the same file, when there is one. The SDK, the samples and the
 * contract bindings have no raw counterpart (no standard tool writes them): they are reported alone.
 *
 * @typedef {object} BuildStage
 * @property {string} id short key used in metric ids
 * @property {string} label
 * @property {string} dir the package folder in the scaffolded repo
 * @property {string} script the package script the build's turbo task runs
 * @property {string} [raw] what the raw side runs, for the report
 * @property {(repo: string, out: string) => string} [rawScript] the raw side as a shell line
 */

/** Compiler settings of the raw `tsc` builds: what a package without a bundler would use. */
const TSC = ["--skipLibCheck", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext"];

/**
 * The build's tasks in dependency order (each reads what the ones before wrote).
 *
 * @type {BuildStage[]}
 */
export const buildStages = [
  {
    id: "bundle",
    label: "spec: lint + bundle",
    dir: "spec",
    script: "bundle",
    raw: "redocly lint && redocly bundle, with the repo's redocly.yaml",
    rawScript: (repo, out) => {
      const config = ["--config", join(repo, "spec/redocly.yaml")];
      const spec = join(repo, "spec/openapi.yaml");
      const lint = nodeLine(tools.redocly, ["lint", ...config, spec]);
      return `${lint} && ${nodeLine(tools.redocly, ["bundle", ...config, spec, "-o", join(out, "bundle/openapi.json")])}`;
    },
  },
  {
    id: "types",
    label: "types: generate",
    dir: "packages/types",
    script: "generate",
    raw: "openapi-typescript",
    rawScript: (repo, out) =>
      nodeLine(tools.openapiTypescript, [join(repo, "spec/dist/openapi.json"), "-o", join(out, "types/openapi.ts")]),
  },
  { id: "sdk", label: "client: generate the SDK", dir: "packages/client", script: "generate" },
  { id: "samples", label: "docs: generate the samples", dir: "packages/docs", script: "generate" },
  {
    id: "contract",
    label: "contract tests: generate the bindings",
    dir: "packages/contract-tests",
    script: "generate",
  },
  {
    id: "typesBuild",
    label: "types: build (tsdown: ESM, CJS, .d.ts)",
    dir: "packages/types",
    script: "build",
    raw: "tsc --declaration --emitDeclarationOnly",
    rawScript: (repo, out) =>
      nodeLine(tools.tsc, [
        ...TSC,
        "--declaration",
        "--emitDeclarationOnly",
        "--outDir",
        join(out, "types-dist"),
        join(repo, "packages/types/src/index.ts"),
      ]),
  },
  {
    id: "clientBuild",
    label: "client: build (tsdown: ESM, CJS, .d.ts)",
    dir: "packages/client",
    script: "build",
    raw: "tsc --declaration (ESM and .d.ts)",
    rawScript: (repo, out) =>
      nodeLine(tools.tsc, [
        ...TSC,
        "--lib",
        "es2022,dom",
        "--declaration",
        "--outDir",
        join(out, "client-dist"),
        join(repo, "packages/client/src/index.ts"),
      ]),
  },
  {
    id: "docs",
    label: "docs: build (Redoc, samples, search, offline check)",
    dir: "packages/docs",
    script: "build",
    raw: "redocly build-docs",
    rawScript: (repo, out) =>
      nodeLine(tools.redocly, ["build-docs", join(repo, "spec/dist/openapi.json"), "-o", join(out, "docs/index.html")]),
  },
];
