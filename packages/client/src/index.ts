export type {
  components,
  JsonApiError,
  JsonErrorResponse,
  operations,
  paths,
  UpsertContactParams,
  UpsertContactResponse,
} from "@hatch-api/types";
export type { AuthOption, AuthScheme } from "./auth.js";
export type { UpsertContactOptions } from "./contacts.js";
export { type BodyEncoding, bodyEncodingOf, encodeRequestBody } from "./core/body-encoding.js";
export { ERROR_CLASSES, type ErrorFor, type MappedErrorStatus } from "./core/error-classes.js";
export type { ErrorItem } from "./error-item.js";
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  HatchApiError,
  HatchConnectionError,
  HatchError,
  HatchResponseError,
  HatchTimeoutError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "./errors.js";
// The factory, the client type and its options type, named by sdk.config.json `client` (the core's
// createSdkClient, SdkClient and SdkClientOptions).
export * from "./generated/client-names.js";
export type * from "./generated/index.js";
export type { HatchLogger } from "./logger.js";
export {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_RATE_LIMIT,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_TOTAL_TIMEOUT_MS,
} from "./options.js";
export type { RateLimitOptions } from "./rate-limiter.js";
export type { RequestOptions, WithResponse } from "./request-options.js";
export {
  bodyHasMatchingKey,
  idempotentMethodRule,
  type MatchKeysEntry,
  matchKeysResendRule,
  type ResendRequest,
  type ResendRule,
} from "./resend-rule.js";
export type { CallSettings, FetchLike } from "./transport.js";
export { VERSION } from "./version.js";
