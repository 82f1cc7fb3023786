import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  HatchApiError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "../errors.js";

const SERVER_ERRORS = {
  500: ServerError,
  501: ServerError,
  502: ServerError,
  503: ServerError,
  504: ServerError,
  505: ServerError,
  506: ServerError,
  507: ServerError,
  508: ServerError,
  510: ServerError,
  511: ServerError,
  "5XX": ServerError,
} as const;

/**
 * Client-error statuses with no class of their own: a spec may declare them (Petstore's 405,
 * GitHub's 402), and the client throws the base class for them, as for any status it does not know.
 */
const OTHER_CLIENT_ERRORS = {
  402: HatchApiError,
  405: HatchApiError,
  406: HatchApiError,
  407: HatchApiError,
  408: HatchApiError,
  410: HatchApiError,
  411: HatchApiError,
  412: HatchApiError,
  413: HatchApiError,
  414: HatchApiError,
  415: HatchApiError,
  416: HatchApiError,
  417: HatchApiError,
  421: HatchApiError,
  423: HatchApiError,
  424: HatchApiError,
  425: HatchApiError,
  426: HatchApiError,
  428: HatchApiError,
  431: HatchApiError,
  451: HatchApiError,
} as const;

/**
 * The error class the client throws for each response key a spec may declare (as openapi-typescript
 * types the keys: numbers for codes, strings for ranges and `default`). The generated SDK types
 * every operation's errors through this table (`ErrorFor`), so a spec that declares a status missing
 * here fails to compile until someone decides which class it maps to. `test/error-classes.test.ts`
 * proves that `errorFromResponse` really throws these classes.
 */
export const ERROR_CLASSES = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: ValidationError,
  429: RateLimitError,
  ...OTHER_CLIENT_ERRORS,
  ...SERVER_ERRORS,
  /** Any status the operation does not list. */
  default: HatchApiError,
} as const;

/** A response key the client maps to an error class. */
export type MappedErrorStatus = keyof typeof ERROR_CLASSES;

/** The error instances thrown for the statuses `S`; an unmapped status is a compile error. */
export type ErrorFor<S extends MappedErrorStatus> = InstanceType<(typeof ERROR_CLASSES)[S]>;
