// @ts-check
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A small OpenAPI document: `operations` maps "METHOD /path" to Operation Object fields, each
 * with a 200 response unless given.
 *
 * @param {Record<string, Record<string, unknown>>} operations
 * @param {Record<string, unknown>} [extra] top-level fields (components, ...)
 */
export function tinySpec(operations, extra = {}) {
  /** @type {Record<string, Record<string, unknown>>} */
  const paths = {};
  for (const [key, operation] of Object.entries(operations)) {
    const [method, path] = key.split(" ");
    paths[/** @type {string} */ (path)] ??= {};
    /** @type {Record<string, unknown>} */ (paths[/** @type {string} */ (path)])[
      /** @type {string} */ (method).toLowerCase()
    ] = {
      responses: { 200: { description: "ok" } },
      ...operation,
    };
  }
  return { openapi: "3.0.3", info: { title: "tiny", version: "1" }, paths, ...extra };
}

/** What the contract target needs besides the document: a client package of our own making. */
export const CONTRACT_OPTIONS = Object.freeze({
  file: "/repo/spec/dist/openapi.json",
  specFromOut: "../../../spec/dist/openapi.json",
  clientPackage: "@acme/client",
  clientType: "AcmeClient",
  clientFactory: "createAcme",
  apiKeyEnv: "ACME_KEY",
  providerUrlEnv: "ACME_CONTRACT_BASE_URL",
});

/** @param {string} prefix */
export async function scratch(prefix) {
  const dir = await mkdtemp(join(tmpdir(), `codegen-${prefix}-`));
  return {
    dir,
    /** @param {unknown} spec */
    async writeSpec(spec, name = "openapi.json") {
      const file = join(dir, name);
      await writeFile(file, typeof spec === "string" ? spec : JSON.stringify(spec, null, 2));
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * The TypeScript errors of generated files checked together in memory (strict, no emit): a unit
 * test's proof that output compiles, without writing a repository to disk.
 *
 * @param {Map<string, string>} files name → source, imported from each other as `./name.js`
 * @param {Record<string, string>} [packages] a package name the files import → the file standing
 *   for it, one of `files` (`{ "@acme/client": "sdk/index.ts" }`); other packages resolve from this
 *   package's node_modules (openapi-fetch, Node's types for `process.env`)
 * @returns {Promise<string[]>} one `file: message` per diagnostic
 */
export async function typeErrors(files, packages = {}) {
  const ts = (await import("typescript")).default;
  // Under this package, so real packages (openapi-fetch, Node's types) resolve from its
  // node_modules as they do in a generated repository; nothing is written there.
  const root = fileURLToPath(new URL("./in-memory/", import.meta.url));
  const virtual = new Map([...files, ["package.json", '{ "type": "module" }']]);
  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ["node"],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    paths: Object.fromEntries(Object.entries(packages).map(([name, file]) => [name, [`${root}${file}`]])),
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  /** @param {string} name */
  const generated = (name) => (name.startsWith(root) ? virtual.get(name.slice(root.length)) : undefined);
  host.readFile = (name) => generated(name) ?? readFile(name);
  host.fileExists = (name) => generated(name) !== undefined || fileExists(name);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) =>
    [...virtual.keys()].some((file) => `${root}${file}`.startsWith(`${name}/`)) || (directoryExists?.(name) ?? false);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => {
    const text = generated(name);
    return text === undefined ? getSourceFile(name, version, ...rest) : ts.createSourceFile(name, text, version);
  };
  const program = ts.createProgram(
    [...files.keys()].map((name) => `${root}${name}`),
    options,
    host,
  );
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? "?"}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

/**
 * The SDK config of the Acme API the target tests generate for (what sdk.config.json would hold).
 *
 * @param {Partial<import("../src/sdk-config.js").SdkConfig>} [extra]
 * @returns {import("../src/sdk-config.js").SdkConfig}
 */
export function acmeConfig(extra = {}) {
  return {
    name: "acme",
    title: "Acme",
    scope: "@acme",
    packages: { types: "@acme/types", client: "@acme/client" },
    client: { factory: "createAcmeClient", type: "AcmeClient", variable: "acme" },
    env: { apiKey: "ACME_API_KEY", baseUrl: "ACME_BASE_URL", log: "ACME_LOG" },
    baseUrl: "https://api.acme.test",
    rateLimit: false,
    userAgent: "@acme/client",
    retry: { maxRetries: 1, timeoutMs: 5000 },
    security: ["key"],
    ...extra,
  };
}
