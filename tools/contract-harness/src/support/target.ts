import { inject } from "vitest";
import { clientAuthOf, contractAuth } from "../auth.js";
import { CoverageRegistry } from "../coverage.js";
import { ResponseValidator } from "../json-schema.js";
import { type RecordingFetchOptions, recordingFetch } from "../recording-fetch.js";
import { listOperations, loadSpec, type OpenApiDocument, type SpecOperation } from "../spec.js";
import type { ContractBinding, ContractClientOptions, ContractSubject } from "./subject.js";
import { operationWaiver } from "./waivers.js";

/** What the global setup hands every test file. */
export interface ContractTarget {
  /** Prism's URL: the mock itself, or the validating proxy in front of the provider. */
  baseUrl: string;
  mode: "mock" | "provider";
  specPath: string;
  registryDir: string;
  prismStartupMs: number;
  /** The variable holding the provider's key (provider mode); its value never leaves the environment. */
  apiKeyEnv: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    contractTarget: ContractTarget;
  }
}

/** A key no server should accept: the provider-mode 401 probe (Prism lets any bearer through). */
export const INVALID_KEY = "sdkit-contract-invalid-key";

/** What every suite works with: the target, the spec, its operations and their bindings. */
export interface ContractContext<Client> {
  target: ContractTarget;
  spec: OpenApiDocument;
  /** The operations the suites call: every operation of the spec but the waived ones. */
  operations: SpecOperation[];
  /** Every operation of the spec, waived or not: what the coverage gate expects a record of. */
  allOperations: SpecOperation[];
  /** The operations no test may call, each with its reason (support/waivers.ts). */
  waivedOperations: { operation: SpecOperation; reason: string }[];
  validator: ResponseValidator;
  coverage: CoverageRegistry;
  isProvider: boolean;
  subject: ContractSubject<Client>;
  /** The generated binding of a spec operation; a missing one (generated files older than the spec) fails by name. */
  bindingFor(operation: SpecOperation): ContractBinding<Client>;
  /**
   * A client as users build it for one operation, pointed at Prism, authenticating as that
   * operation's security says (auth.ts), with retries and the client-side limiter off so 429 and
   * 5xx surface at once.
   */
  contractClient(
    operation: SpecOperation,
    fetchOptions?: RecordingFetchOptions,
    clientOptions?: ContractClientOptions,
  ): { client: Client; recorder: ReturnType<typeof recordingFetch> };
}

const contexts = new WeakMap<object, Promise<ContractContext<unknown>>>();

/** The context of a subject in this test file (made once per file and subject). */
export function contractContext<Client>(subject: ContractSubject<Client>): Promise<ContractContext<Client>> {
  let context = contexts.get(subject);
  if (!context) {
    context = makeContext(subject as ContractSubject<unknown>);
    contexts.set(subject, context);
  }
  return context as Promise<ContractContext<Client>>;
}

async function makeContext<Client>(subject: ContractSubject<Client>): Promise<ContractContext<Client>> {
  const target = inject("contractTarget");
  if (!target) {
    throw new Error(
      "the contract suites need their global setup: use contractTestConfig() from @sdkit/contract/vitest in vitest.config",
    );
  }
  const spec = await loadSpec(target.specPath);
  const isProvider = target.mode === "provider";
  // Prism's mock checks only that a key is present; a provider needs its real key, which stays in
  // the environment (never logged, never in a message).
  const validKey = isProvider ? (process.env[target.apiKeyEnv] ?? "") : "contract-test-key";
  const allOperations = listOperations(spec);
  const waivedOperations = allOperations.flatMap((operation) => {
    const binding = subject.operations.find((candidate) => candidate.operationId === operation.operationId);
    const reason = binding ? operationWaiver(spec, operation, binding) : undefined;
    return reason === undefined ? [] : [{ operation, reason }];
  });
  return {
    target,
    spec,
    operations: allOperations.filter((operation) => !waivedOperations.some((waived) => waived.operation === operation)),
    allOperations,
    waivedOperations,
    validator: new ResponseValidator(spec),
    coverage: new CoverageRegistry(target.registryDir),
    isProvider,
    subject,
    bindingFor(operation) {
      const binding = subject.operations.find((candidate) => candidate.operationId === operation.operationId);
      if (!binding) {
        throw new Error(
          `no generated contract binding for ${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}): ` +
            "the generated files are older than the spec; run `openapi-codegen contract` again",
        );
      }
      return binding;
    },
    contractClient(operation, fetchOptions = {}, clientOptions = {}) {
      const key = clientOptions.apiKey ?? validKey;
      // How the suite authenticates: one alternative of the operation's security, every scheme in it.
      const credentials = contractAuth(spec, operation, key);
      // An operation that takes no credentials is sent none (a placeholder the fetch removes).
      const { auth, anonymous } = clientAuthOf(credentials);
      const recorder = recordingFetch({
        ...fetchOptions,
        dropAuthorization: anonymous || fetchOptions.dropAuthorization === true,
        dropCredentials: credentials,
      });
      const client = subject.client.createSdkClient({
        apiKey: key,
        auth,
        baseUrl: target.baseUrl,
        fetch: recorder.fetch,
        maxRetries: 0,
        rateLimit: false,
        ...clientOptions,
      });
      return { client, recorder };
    },
  };
}

/** Settles a call: its value, or what it threw. */
export async function outcomeOf<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}
