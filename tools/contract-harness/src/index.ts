// The contract-test harness: suites that call every operation of a bundled OpenAPI document
// through a generated client, against Prism, and a coverage gate over every declared response.
// `openapi-codegen contract` writes the entry files that call these suites.

export {
  CONTRACT_USERNAME,
  type ContractAuth,
  type ContractAuthScheme,
  contractAuth,
  refusesAnonymous,
  type SecuredOperation,
} from "./auth.js";
export {
  type CoverageEntry,
  CoverageRegistry,
  type DeclaredPair,
  declaredPairs,
  describePair,
  missingPairs,
  SURFACES,
  type Surface,
  statusSatisfies,
} from "./coverage.js";
export { ResponseValidator, toJsonSchema } from "./json-schema.js";
export {
  type Exchange,
  type PrismViolation,
  type RecordingFetchOptions,
  recordingFetch,
  responseViolations,
} from "./recording-fetch.js";
export { deref, listOperations, loadSpec, type OpenApiDocument, responseFor, type SpecOperation } from "./spec.js";
export { authenticationTests } from "./suites/authentication.js";
export { coverageGate } from "./suites/coverage-gate.js";
export { declaredStatusTests } from "./suites/declared-statuses.js";
export { rateLimitTests } from "./suites/rate-limit.js";
export { successTests } from "./suites/success.js";
export { validationTests } from "./suites/validation.js";
export { comparable, expectNoSpecViolations, expectSpecResponse, expectThrown } from "./support/assertions.js";
export type {
  ApiErrorLike,
  ContractBinding,
  ContractClientModule,
  ContractClientOptions,
  ContractOverrides,
  ContractStatus,
  ContractSubject,
  ErrorClass,
} from "./support/subject.js";
export {
  type ContractContext,
  type ContractTarget,
  contractContext,
  INVALID_KEY,
  outcomeOf,
} from "./support/target.js";
