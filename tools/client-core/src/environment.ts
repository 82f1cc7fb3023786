// Runtime probes that work without importing Node built-ins, so the same entry runs in Node, Deno,
// Bun, edge runtimes and browsers.

/** Reads an environment variable where the runtime has `process.env`; `undefined` elsewhere. */
export function readEnv(name: string): string | undefined {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  try {
    const value = process?.env?.[name];
    return value === undefined || value === "" ? undefined : value;
  } catch {
    // Deno without --allow-env throws on access: behave as if the variable were unset.
    return undefined;
  }
}

/**
 * True in a browser: a window, or a dedicated, shared or service worker a page started (they have
 * `importScripts` and a `WorkerGlobalScope`). Node, Deno, Bun and edge runtimes such as Cloudflare
 * Workers have neither a DOM nor `importScripts`, so they are not browsers.
 */
export function isBrowser(): boolean {
  const scope = globalThis as {
    window?: { document?: unknown };
    navigator?: unknown;
    importScripts?: unknown;
    WorkerGlobalScope?: unknown;
  };
  const browserWindow = typeof scope.window !== "undefined" && typeof scope.window.document !== "undefined";
  const browserWorker = typeof scope.importScripts === "function" && typeof scope.WorkerGlobalScope !== "undefined";
  return (browserWindow || browserWorker) && !!scope.navigator;
}
