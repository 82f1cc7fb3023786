import { existsSync } from "node:fs";
import { listOperations as listSpecOperations, readSpec, deref as specDeref } from "@sdkit/openapi";

/** The parts of an OpenAPI 3.0 document this harness reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown>; [key: string]: unknown };
  [key: string]: unknown;
}

export interface SpecOperation {
  operationId: string;
  method: string; // lower case, as in the document
  path: string;
  /** Declared response keys as written: "200", "422", "5XX", "default". */
  statuses: string[];
  /**
   * The operation's own `security`, as written, when it has one (absent: the document's root
   * `security` applies): how the suites choose its credentials (auth.ts).
   */
  security?: unknown[];
}

/**
 * Reads the document through the shared spec reader (errors name the file and line); a missing
 * file names itself and says how it is made.
 */
export async function loadSpec(path: string): Promise<OpenApiDocument> {
  if (!existsSync(path)) {
    throw new Error(`bundled spec not found at ${path}: bundle the spec first (openapi-bundle)`);
  }
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
 * Every operation in the document, with its declared response keys and own security: the shared lister of
 * @sdkit/openapi (an operation without an operationId is an error naming it).
 */
export function listOperations(spec: OpenApiDocument): SpecOperation[] {
  return listSpecOperations(spec).map(({ operationId, method, path, statuses, operation }) => ({
    operationId,
    method,
    path,
    statuses,
    ...(Array.isArray(operation.security) ? { security: operation.security } : {}),
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
