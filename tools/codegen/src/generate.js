// @ts-check
import { relative, resolve, sep } from "node:path";
import { replaceDirAtomic, UsageError } from "@sdkit/bundle";
import { buildModel } from "./model.js";
import { readSdkConfig, renderClientNames, renderSdkConfig, resolveSecurity } from "./sdk-config.js";
import { assertLocalRefs, headerText, readSpec, specLabel } from "./spec.js";
import { contractTarget } from "./targets/contract.js";
import { samplesTarget } from "./targets/samples.js";
import { sdkTarget } from "./targets/sdk.js";

/**
 * The targets, and the options each one needs besides `spec` and `out`. With an SDK config, the sdk
 * target also needs `clientModule` (see SDK_CONFIG_OPTIONS).
 */
export const TARGETS = Object.freeze({
  types: [],
  sdk: ["typesModule", "coreModule"],
  samples: ["clientPackage", "clientFactory", "clientVariable", "apiKeyEnv"],
  contract: ["clientPackage", "clientType", "clientFactory", "apiKeyEnv", "providerUrlEnv"],
});

/**
 * What a target needs besides TARGETS when an SDK config is given: the sdk target then writes
 * `client-names.ts`, which exports the client's factory and types from `clientModule`.
 *
 * @type {Readonly<Partial<Record<keyof typeof TARGETS, readonly string[]>>>}
 */
export const SDK_CONFIG_OPTIONS = Object.freeze({ sdk: ["clientModule"] });

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
 *   `sdkConfig`: the path of an SDK config, which supplies the options below it does not set, and
 *   makes the sdk target write `sdk-config.ts` (the client's defaults) and `client-names.ts` (the
 *   client's public names, exported from `clientModule`)
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
  const needed = [...TARGETS[target], ...(config ? (SDK_CONFIG_OPTIONS[target] ?? []) : [])];
  const missing = needed.filter((name) => !options[name]);
  if (missing.length > 0) {
    const withConfig = missing.some((name) => SDK_CONFIG_OPTIONS[target]?.includes(name)) ? " with --sdk-config" : "";
    throw new UsageError(
      `the ${target} target${withConfig} needs ${missing.map((name) => `--${kebab(name)}`).join(", ")}`,
    );
  }
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
      const files = sdkTarget({ model, header, typesModule: option("typesModule"), coreModule: option("coreModule") });
      if (config && given.sdkConfig) {
        const configFile = /** @type {string} */ (given.sdkConfig);
        const security = resolveSecurity(config, spec, { configFile, specFile: file });
        const configLabel = specLabel(configFile);
        files.set("sdk-config.ts", renderSdkConfig({ config, security, header, configLabel }));
        files.set(
          "client-names.ts",
          renderClientNames({ config, header, clientModule: option("clientModule"), configLabel }),
        );
      }
      return files;
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
