import type { ContractAuthScheme } from "../auth.js";

/**
 * What a consuming repository hands the suites: its client package (through the generated
 * `client.ts`, which re-exports it under these fixed names) and its generated operation bindings
 * (`operations.ts`). Both are written by `openapi-codegen contract`; nothing here names an API.
 */

/** A class of error the client throws, as the suites check it. */
export type ErrorClass<E extends Error = Error> = abstract new (...args: never[]) => E;

/** An error for an HTTP answer: its status is the one the server sent. */
export type ApiErrorLike = Error & { status: number };

/** The options the suites build a client with; the client's own options type may have more. */
export interface ContractClientOptions {
  apiKey?: string;
  baseUrl?: string;
  /** openapi-fetch calls it with a Request. */
  fetch?: (input: Request, init?: RequestInit) => Promise<Response>;
  maxRetries?: number;
  rateLimit?: false;
  /** As the document's security schemes say (HTTP basic with a username, API keys, OAuth 2). */
  auth?: ContractAuthScheme[];
}

/** The client package under test, by the names the generated `client.ts` gives it. */
export interface ContractClientModule<Client> {
  /** The package's factory (whatever the SDK config calls it). */
  createSdkClient(options: ContractClientOptions): Client;
  /** Thrown for a 401. */
  AuthenticationError: ErrorClass<ApiErrorLike & { errors: readonly unknown[] }>;
  /** Thrown for a 422, with the fields the answer names. */
  ValidationError: ErrorClass<ApiErrorLike & { fieldErrors: Readonly<Record<string, unknown>> }>;
  /** Thrown for a 429, with the delay its `Retry-After` asks for. */
  RateLimitError: ErrorClass<ApiErrorLike & { retryAfterMs?: number | undefined }>;
  /** The class the client throws for each declared error key (`401`, `5XX`, `default`). */
  errorClasses: Readonly<Partial<Record<string | number, ErrorClass<ApiErrorLike>>>>;
}

/** A declared response key and how the suite provokes it through Prism (or why it cannot). */
export interface ContractStatus {
  declared: string;
  status?: number;
  prefer?: string;
  waived?: string;
  /** The document's own defect that leaves the status without a valid answer: every suite waives it. */
  documentDefect?: { pointer: string; reason: string };
}

/** Extra request headers, or a body to send instead of the example (the 422 probe). */
export interface ContractOverrides {
  headers?: Record<string, string>;
  body?: unknown;
}

/** How the suites call one operation: the generated binding (`operations.ts`). */
export interface ContractBinding<Client> {
  operationId: string;
  method: string;
  path: string;
  /** `resource.method` of the generated SDK. */
  sdkName: string;
  /** The SDK method resolves to this property of the success body. */
  unwrap: string | undefined;
  statuses: readonly ContractStatus[];
  /** Why no request the document accepts can be built; every status of the operation is waived with it. */
  waived?: string;
  /** The required properties of the JSON request body: leaving them out must give 422. */
  requiredBodyFields: readonly string[];
  openapiFetch(
    client: Client,
    overrides?: ContractOverrides,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  sdk(client: Client, overrides?: ContractOverrides): Promise<unknown>;
}

/** Everything the suites need from the consuming repository. */
export interface ContractSubject<Client> {
  client: ContractClientModule<Client>;
  operations: readonly ContractBinding<Client>[];
}
