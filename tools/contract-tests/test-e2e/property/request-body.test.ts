import { createHatchClient, ValidationError } from "@hatch-api/client";
import { deref, type Exchange, listOperations, loadSpec, recordingFetch, type SpecOperation } from "@sdkit/contract";
import { type MockServer, startMock } from "@sdkit/mock";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractOperations } from "../generated/operations.js";
import { bundledSpecPath } from "../spec-path.js";
import { valuesOf, wrongTypeFor } from "./schema-arbitrary.js";

// Property tests of the request schema against Prism: bodies generated from the bundled spec's
// schema (not from a list of fields written here) must be accepted, and the same bodies with one
// field of the wrong JSON type must be refused with a 422 that names that field.

/** Runs per property and operation: enough to vary every field, few enough to stay a few seconds. */
const RUNS = 40;

const spec = await loadSpec(bundledSpecPath());

interface Target {
  operation: SpecOperation;
  schema: Record<string, unknown>;
  pointer: string;
}

const targets: Target[] = listOperations(spec).flatMap((operation) => {
  const declared = (spec.paths[operation.path]?.[operation.method] as { requestBody?: unknown } | undefined)
    ?.requestBody;
  if (declared === undefined || !operation.statuses.includes("422")) return [];
  const body = deref<{ content?: Record<string, { schema?: unknown }> }>(spec, declared);
  const media = body.content?.["application/json"];
  if (!media?.schema) return [];
  return [
    {
      operation,
      schema: deref<Record<string, unknown>>(spec, media.schema),
      pointer: `#/paths/${operation.path.replaceAll("/", "~1")}/${operation.method}/requestBody/content/application~1json/schema`,
    },
  ];
});

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ specPath: bundledSpecPath(), port: 0, log: false });
});
afterAll(async () => {
  await mock?.stop();
});

function client() {
  const recorder = recordingFetch();
  const hatch = createHatchClient({
    apiKey: "property-test-key",
    baseUrl: mock.url,
    fetch: recorder.fetch,
    maxRetries: 0,
    rateLimit: false,
  });
  return { hatch, recorder };
}

/** The body fields Prism's `sl-violations` header says are wrong (`request.body.<field>...`). */
function violatedFields(exchange: Exchange): string[] {
  return exchange.violations
    .filter((violation) => violation.location[0] === "request" && violation.location[1] === "body")
    .map((violation) => violation.location[2] ?? "(body)");
}

it("finds at least one operation with a JSON request body and a 422 to test", () => {
  expect(targets.map((target) => target.operation.operationId)).not.toEqual([]);
});

describe.each(targets)("$operation.operationId request body", ({ operation, schema, pointer }) => {
  // The generated binding calls the SDK method with any body: bodies here may be wrong on purpose.
  const binding = contractOperations.find((candidate) => candidate.operationId === operation.operationId);
  if (!binding) throw new Error(`no generated binding for ${operation.operationId}: generate again`);
  const call = (hatch: ReturnType<typeof createHatchClient>, body: unknown) => binding.sdk(hatch, { body });
  const bodies = valuesOf(spec, schema, pointer);
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  // Prism answers a valid request with the operation's first declared 2xx (201 for a create).
  const success = Number(operation.statuses.filter((status) => /^2\d\d$/.test(status)).sort()[0] ?? 200);

  it("is accepted by Prism whenever it matches the schema", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const { hatch, recorder } = client();
        const result = await call(hatch, body).catch((error: unknown) => ({ error }));
        const exchange = recorder.last();
        expect(exchange.violations, `Prism's findings for ${JSON.stringify(body)}`).toEqual([]);
        expect(exchange.status).toBe(success);
        expect("error" in (result as object), JSON.stringify(result)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it("with one field of the wrong type is refused: 422, a ValidationError naming that field", {
    timeout: 120_000,
  }, async () => {
    const fields = Object.keys(properties);
    expect(fields).not.toEqual([]);
    const mutated = fc.tuple(bodies, fc.constantFrom(...fields)).chain(([body, field]) =>
      wrongTypeFor(spec, properties[field]).map(({ type, value }) => ({
        body: { ...(body as Record<string, unknown>), [field]: value },
        field,
        type,
      })),
    );
    await fc.assert(
      fc.asyncProperty(mutated, async ({ body, field, type }) => {
        const { hatch, recorder } = client();
        const outcome = await call(hatch, body).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        );
        const exchange = recorder.last();
        const context = `${field} as ${type}: ${JSON.stringify(body)}`;
        expect(exchange.status, context).toBe(422);
        expect("error" in outcome && outcome.error, context).toBeInstanceOf(ValidationError);
        const error = (outcome as { error: ValidationError }).error;
        expect(error.status).toBe(422);

        // Prism found exactly this field wrong, and nothing else.
        expect(violatedFields(exchange), context).not.toEqual([]);
        expect(new Set(violatedFields(exchange)), context).toEqual(new Set([field]));

        // The mock answers with the real violations as JSON:API errors, so the client's error names it.
        expect(Object.keys(error.fieldErrors), context).toContain(field);
        expect(error.fieldErrors[field]?.length, context).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});
