// @ts-check
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { replaceDirAtomic } from "@sdkit/bundle";
import { UsageError } from "@sdkit/cli-kit";
import { assertLocalRefs, readSpec } from "@sdkit/openapi";
import { headerText, specLabel } from "./header.js";
import { buildModel } from "./model.js";
import { readSdkConfig, resolveSecurity } from "./sdk-config.js";
import { contractTarget } from "./targets/contract.js";
import { samplesTarget } from "./targets/samples.js";
import { sdkTarget } from "./targets/sdk.js";

/** The targets, and the options each one needs besides `spec` and `out` (the sdk target also an SDK config). */
export const TARGETS = Object.freeze({
  types: [],
  sdk: ["typesModule"],
  samples: ["clientPackage", "clientFactory", "clientVariable", "apiKeyEnv"],
  contract: ["clientPackage", "clientType", "clientFactory", "apiKeyEnv", "providerUrlEnv"],
  cli: [],
  mcp: [],
});

/** @typedef {keyof typeof TARGETS} Target */

/**
 * The target options an SDK config supplies (`--sdk-config`); an option given on the command line
 * wins over the config.
 *
 * @param {import("./sdk-config.js").SdkConfig} config
 * @returns {Record<string, string>}
 */
export function optionsFromSdkConfig(config) {
  return {
    typesModule: config.packages.types,
    clientPackage: config.packages.client,
    clientFactory: config.client.factory,
    clientVariable: config.client.variable,
    clientType: config.client.type,
    apiKeyEnv: config.env.apiKey,
    providerUrlEnv: `${config.name.toUpperCase().replaceAll("-", "_")}_CONTRACT_BASE_URL`,
  };
}

/**
 * Renders one target's files in memory (nothing is written).
 *
 * @param {Target} target
 * @param {Record<string, any>} spec the parsed document
 * @param {{ file: string, label?: string, sdkConfig?: string } & Record<string, string | undefined>} given
 *   `sdkConfig`: the path of an SDK config, which supplies the options it does not set (the sdk
 *   target needs one: it declares the client's names and defaults); `out`: where the files go, whose
 *   nearest package.json gives the SDK's version
 * @returns {Promise<Map<string, string>>} relative path → contents
 */
export async function renderTarget(target, spec, given) {
  if (!(target in TARGETS)) {
    throw new UsageError(`unknown target "${target}" (targets: ${Object.keys(TARGETS).join(", ")})`);
  }
  const config = given.sdkConfig ? await readSdkConfig(given.sdkConfig) : undefined;
  /** @type {Record<string, string | undefined>} */
  const options = { ...(config ? optionsFromSdkConfig(config) : {}) };
  for (const [name, value] of Object.entries(given)) if (value !== undefined) options[name] = value;
  const missing = [...TARGETS[target]].filter((name) => !options[name]).map((name) => `--${kebab(name)}`);
  if ((target === "sdk" || target === "cli" || target === "mcp") && !config) missing.push("--sdk-config");
  if (missing.length > 0) throw new UsageError(`the ${target} target needs ${missing.join(", ")}`);
  const file = given.file;
  // Before any target (openapi-typescript would fetch a URL $ref, and read a file one from disk).
  assertLocalRefs(spec, file);
  const header = headerText(options.label ?? specLabel(file));
  const model = buildModel(spec, file);
  /** @param {string} name an option renderTarget checked above */
  const option = (name) => /** @type {string} */ (options[name]);
  switch (target) {
    case "types": {
      // openapi-typescript is heavy to load; only the types target needs it.
      const { typesTarget } = await import("./targets/types.js");
      return typesTarget({ spec, model, file, header });
    }
    case "sdk": {
      const sdkConfig = /** @type {import("./sdk-config.js").SdkConfig} */ (config);
      const configFile = /** @type {string} */ (given.sdkConfig);
      const security = resolveSecurity(sdkConfig, spec, { configFile, specFile: file });
      const version = given.out ? packageVersion(given.out) : "0.0.0";
      return sdkTarget({
        model,
        header,
        typesModule: option("typesModule"),
        config: sdkConfig,
        security,
        version,
        file,
        spec,
      });
    }
    case "cli": {
      const version = given.out ? packageVersion(given.out) : "0.0.0";
      const { cliTarget } = await import("./targets/cli.js");
      return cliTarget({
        spec,
        model,
        header,
        config: /** @type {import("./sdk-config.js").SdkConfig} */ (config),
        version,
      });
    }
    case "mcp": {
      const version = given.out ? packageVersion(given.out) : "0.0.0";
      const { mcpTarget } = await import("./targets/mcp.js");
      return mcpTarget({
        spec,
        model,
        header,
        config: /** @type {import("./sdk-config.js").SdkConfig} */ (config),
        version,
      });
    }
    case "samples":
      return samplesTarget({
        spec,
        model,
        header,
        clientPackage: option("clientPackage"),
        clientFactory: option("clientFactory"),
        clientVariable: option("clientVariable"),
        apiKeyEnv: option("apiKeyEnv"),
        idempotencyHeader: config?.idempotencyHeader,
      });
    default:
      return contractTarget({
        spec,
        model,
        header,
        clientPackage: option("clientPackage"),
        clientType: option("clientType"),
        clientFactory: option("clientFactory"),
        apiKeyEnv: option("apiKeyEnv"),
        providerUrlEnv: option("providerUrlEnv"),
        // The generated global setup finds the spec relative to itself: the same in every clone.
        specFromOut: given.specFromOut ?? file,
      });
  }
}

/**
 * Reads the spec, renders the target and replaces `out` with exactly its files, atomically: any
 * error (unreadable spec, bad names, a write failure) leaves the previous `out` as it was.
 *
 * @param {Target} target
 * @param {{ spec: string, out: string } & Record<string, string | undefined>} options
 * @returns {Promise<{ out: string, files: string[] }>}
 */
export async function generate(target, options) {
  const file = resolve(options.spec);
  const out = resolve(options.out);
  const spec = await readSpec(file);
  const sdkConfig = options.sdkConfig === undefined ? undefined : resolve(options.sdkConfig);
  const specFromOut = relative(out, file).split(sep).join("/");
  const files = await renderTarget(target, spec, { ...options, file, sdkConfig, specFromOut });
  await replaceDirAtomic(
    out,
    [...files].map(([path, data]) => ({ path, data })),
  );
  return { out, files: [...files.keys()].sort() };
}

/** @param {string} name */
export function kebab(name) {
  return name.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`);
}

/**
 * The version of the package that holds `out` (its nearest package.json): the SDK's VERSION and
 * User-Agent token, written at generation so that the client reads no file at runtime.
 *
 * @param {string} out
 */
function packageVersion(out) {
  for (let dir = resolve(out); ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      return typeof pkg.version === "string" ? pkg.version : "0.0.0";
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "ENOENT") throw error;
    }
    if (dirname(dir) === dir) return "0.0.0";
  }
}
