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

/** True in a browser window (not in Node, Deno, Bun or edge workers, which have no DOM). */
export function isBrowser(): boolean {
  const scope = globalThis as { window?: { document?: unknown }; navigator?: unknown };
  return typeof scope.window !== "undefined" && typeof scope.window.document !== "undefined" && !!scope.navigator;
}
