export type {
  components,
  JsonApiError,
  JsonErrorResponse,
  operations,
  paths,
  UpsertContactParams,
  UpsertContactResponse,
} from "@hatch-api/types";
export { createHatchClient, type HatchClient } from "./client.js";
export type { UpsertContactOptions } from "./contacts.js";
export { ERROR_CLASSES, type ErrorFor, type MappedErrorStatus } from "./core/error-classes.js";
export type { RequestOptions } from "./core/operation.js";
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  HatchApiError,
  HatchConnectionError,
  HatchError,
  HatchTimeoutError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "./errors.js";
export type * from "./generated/index.js";
export {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_RATE_LIMIT,
  DEFAULT_TIMEOUT_MS,
  type HatchClientOptions,
} from "./options.js";
export type { RateLimitOptions } from "./rate-limiter.js";
export type { FetchLike } from "./transport.js";
export { VERSION } from "./version.js";
