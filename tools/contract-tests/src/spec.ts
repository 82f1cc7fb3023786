import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { listOperations as listSpecOperations, readSpec, deref as specDeref } from "@sdkit/openapi";

/** The parts of an OpenAPI 3.0 document this harness reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
  [key: string]: unknown;
}

export interface SpecOperation {
  operationId: string;
  method: string; // lower case, as in the document
  path: string;
  /** Declared response keys as written: "200", "422", "5XX", "default". */
  statuses: string[];
}

const BUNDLE_HINT = "bundle it first: pnpm turbo run bundle --filter=@hatch-api/spec";

/**
 * The bundled spec, the only document downstream code may read (never spec/openapi.yaml). Resolved
 * through the package's export; `import.meta.resolve` is not available under vitest's module runner.
 */
export function bundledSpecPath(): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve("@hatch-api/spec/openapi.json");
  } catch (error) {
    // The export exists but its file does not: name the file that is missing.
    const manifest = join(dirname(require.resolve("@sdkit/mock")), "..", "node_modules", "@hatch-api", "spec");
    const expected = existsSync(manifest) ? join(manifest, "dist", "openapi.json") : "@hatch-api/spec/openapi.json";
    throw new Error(`bundled spec not found at ${expected}: ${BUNDLE_HINT}`, { cause: error });
  }
}

/** Reads the document through the shared spec reader (errors name the file and line). */
export async function loadSpec(path: string = bundledSpecPath()): Promise<OpenApiDocument> {
  return (await readSpec(path)) as OpenApiDocument;
}

/**
 * Follows local `$ref`s (`#/components/...`) until it reaches an object that is not a reference:
 * @sdkit/openapi's, typed for the caller.
 */
export function deref<T = Record<string, unknown>>(spec: OpenApiDocument, node: unknown): T {
  return specDeref(spec, node) as T;
}

/**
 * Every operation in the document, with its declared response keys: the shared lister of
 * @sdkit/openapi (an operation without an operationId is an error naming it).
 */
export function listOperations(spec: OpenApiDocument): SpecOperation[] {
  return listSpecOperations(spec).map(({ operationId, method, path, statuses }) => ({
    operationId,
    method,
    path,
    statuses,
  }));
}

/** The response object declared for `status` ("200", "5XX", ...), with `$ref`s followed. */
export function responseFor(spec: OpenApiDocument, operation: SpecOperation, status: string) {
  const responses = (spec.paths[operation.path]?.[operation.method] as { responses?: Record<string, unknown> })
    ?.responses;
  const response = responses?.[status];
  if (response === undefined) throw new Error(`${operation.operationId} declares no ${status} response`);
  return deref<{ content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> }>(spec, response);
}
