import { inject } from "vitest";
import { contractAuth } from "../../src/auth.js";
import { CoverageRegistry } from "../../src/coverage.js";
import { ResponseValidator } from "../../src/json-schema.js";
import { type RecordingFetchOptions, recordingFetch } from "../../src/recording-fetch.js";
import { listOperations, loadSpec } from "../../src/spec.js";
// The client package's factory and types, whatever sdk.config.json names them.
import { createSdkClient, type SdkClient, type SdkClientOptions } from "../generated/client.js";

/** What the global setup hands every test file. */
export interface ContractTarget {
  /** Prism's URL: the mock itself, or the validating proxy in front of the provider. */
  baseUrl: string;
  mode: "mock" | "provider";
  specPath: string;
  registryDir: string;
  prismStartupMs: number;
}

declare module "vitest" {
  export interface ProvidedContext {
    contractTarget: ContractTarget;
  }
}

export const target = inject("contractTarget");
export const spec = await loadSpec(target.specPath);
export const operations = listOperations(spec);
export const validator = new ResponseValidator(spec);
export const coverage = new CoverageRegistry(target.registryDir);
export const isProvider = target.mode === "provider";

/**
 * The key the suite sends. Prism's mock checks only that a bearer token is present; a provider
 * needs its real key, which stays in the environment (never logged, never in a message).
 */
const validKey = isProvider ? (process.env.HATCH_API_KEY ?? "") : "contract-test-key";
/** How the suite authenticates: from the document's security schemes, not Hatch's bearer key alone. */
const credentials = contractAuth(spec, validKey);
/** A key no server should accept: the provider-mode 401 probe (Prism lets any bearer through). */
export const INVALID_KEY = "hatch-contract-tests-invalid-key";

/**
 * A client as users build it, pointed at Prism, with retries and the client-side limiter off so
 * 429 and 5xx surface at once.
 */
export function contractClient(
  fetchOptions: RecordingFetchOptions = {},
  clientOptions: SdkClientOptions = {},
): { hatch: SdkClient; recorder: ReturnType<typeof recordingFetch> } {
  // Without a key means without any of the document's credentials (an API key header, a cookie).
  const recorder = recordingFetch({ ...fetchOptions, dropCredentials: credentials });
  const hatch = createSdkClient({
    apiKey: validKey,
    // As the document's security schemes say (HTTP basic with a username, API keys, OAuth 2).
    ...(credentials.auth ? { auth: credentials.auth as SdkClientOptions["auth"] } : {}),
    baseUrl: target.baseUrl,
    fetch: recorder.fetch,
    maxRetries: 0,
    rateLimit: false,
    ...clientOptions,
  });
  return { hatch, recorder };
}
