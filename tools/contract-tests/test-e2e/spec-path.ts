import { createRequire } from "node:module";

/**
 * The bundled spec (spec/dist/openapi.json), the only document downstream code may read, resolved
 * through the spec package's export. `import.meta.resolve` is not available under vitest's module runner.
 */
export function bundledSpecPath(): string {
  return createRequire(import.meta.url).resolve("@hatch-api/spec/openapi.json");
}
