/**
 * One exit code per error class, so scripts can branch on `$?` without parsing stderr. Each API
 * error class of the client maps to the code of its family; the table is also in the README.
 */
export const EXIT = {
  ok: 0,
  /** Anything not below: a bug, or an error the tool did not expect. */
  unexpected: 1,
  /** A bad command line: unknown command or option, a value of the wrong type, unreadable --data. */
  usage: 2,
  /** No API key in the environment, 401 (AuthenticationError) or 403 (PermissionDeniedError). */
  auth: 3,
  /** 400 (BadRequestError) or 422 (ValidationError): the request was refused as invalid. */
  invalid: 4,
  /** 404 (NotFoundError). */
  notFound: 5,
  /** 429 after the client's retries (RateLimitError). */
  rateLimited: 6,
  /** 5xx after the client's retries (ServerError). */
  server: 7,
  /** No complete response: connection failure or timeout (<Prefix>ConnectionError, <Prefix>TimeoutError). */
  connection: 8,
  /** Any other error status (409 ConflictError, another 4xx: <Prefix>ApiError) or an unreadable body (<Prefix>ResponseError). */
  api: 9,
} as const;

/** The client's error class for an error status, and the exit code of its family. */
export function classifyStatus(status: number, prefix: string): { errorClass: string; code: number } {
  switch (status) {
    case 400:
      return { errorClass: "BadRequestError", code: EXIT.invalid };
    case 401:
      return { errorClass: "AuthenticationError", code: EXIT.auth };
    case 403:
      return { errorClass: "PermissionDeniedError", code: EXIT.auth };
    case 404:
      return { errorClass: "NotFoundError", code: EXIT.notFound };
    case 409:
      return { errorClass: "ConflictError", code: EXIT.api };
    case 422:
      return { errorClass: "ValidationError", code: EXIT.invalid };
    case 429:
      return { errorClass: "RateLimitError", code: EXIT.rateLimited };
    default:
      if (status >= 500) return { errorClass: "ServerError", code: EXIT.server };
      return { errorClass: `${prefix}ApiError`, code: EXIT.api };
  }
}

/** The exit code for an error the client threw (no usable response). */
export function classifyThrown(error: unknown, prefix: string): { errorClass: string; code: number } {
  const name = error instanceof Error ? error.name : "Error";
  if (name === `${prefix}ConnectionError` || name === `${prefix}TimeoutError`)
    return { errorClass: name, code: EXIT.connection };
  if (name === `${prefix}ResponseError`) return { errorClass: name, code: EXIT.api };
  if (typeof (error as { status?: unknown })?.status === "number")
    return classifyStatus((error as { status: number }).status, prefix);
  return { errorClass: name, code: EXIT.unexpected };
}
