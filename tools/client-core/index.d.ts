/** The core's files, as they are written under `<out>/core/`: name → contents. */
export function coreFiles(header: string): Map<string, string>;

/** The part of sdk.config.json the generated client file is made from. */
export interface ClientConfig {
  name: string;
  title: string;
  packages: { types: string; client: string };
  client: { factory: string; type: string };
  env: { apiKey: string; baseUrl: string; log: string };
  apiKeyHelp?: string;
  baseUrl: string;
  rateLimit: { limit: number; intervalMs: number } | false;
  userAgent: string;
  retry: { maxRetries: number; timeoutMs: number };
}

/** `my-api` → `MyApi`: the prefix of the API-specific error class names. */
export function errorPrefix(name: string): string;

/** The names the generated client file declares, all from the config. */
export function clientFileNames(config: ClientConfig): {
  factory: string;
  type: string;
  options: string;
  logger: string;
  error: string;
  apiError: string;
  connectionError: string;
  timeoutError: string;
  responseError: string;
};

/** The status classes: fixed names, their status, and what they mean. */
export const NEUTRAL_ERRORS: ReadonlyArray<readonly [name: string, status: number, meaning: string]>;

/** The generated client file: error classes, the status → class mapping, defaults, types and the factory. */
export function renderClientFile(input: {
  config: ClientConfig;
  security: ReadonlyArray<Record<string, string>>;
  matchKeys: ReadonlyArray<{ method: string; path: string; keys: readonly string[] }>;
  idempotency?: ReadonlyArray<{ method: string; path: string; header: string }>;
  version: string;
  typesModule: string;
  header: string;
  /** The document declares webhooks: the client file also declares `webhooks.unwrap`'s error classes. */
  webhooks?: boolean;
}): string;

/** The generated SDK's public entry. */
export function renderIndexFile(input: { header: string; resourceTypes: string[]; webhooks?: boolean }): string;
