// @ts-check
// The generated CLI's exit codes as data, for what documents them (the docs site's CLI page). The
// CLI itself uses cli-runtime/exit-codes.ts; test/cli-exit-codes.test.js keeps the two equal.

/**
 * @type {ReadonlyArray<{ name: string, code: number, meaning: string }>}
 */
export const CLI_EXIT_CODES = Object.freeze([
  { name: "ok", code: 0, meaning: "success" },
  { name: "unexpected", code: 1, meaning: "an error the tool did not expect (a bug: please report it)" },
  {
    name: "usage",
    code: 2,
    meaning:
      "a bad command line: unknown command or option, a value of the wrong type, unreadable --data (nothing was sent)",
  },
  {
    name: "auth",
    code: 3,
    meaning: "no API key in the environment, 401 (AuthenticationError) or 403 (PermissionDeniedError)",
  },
  {
    name: "invalid",
    code: 4,
    meaning: "400 (BadRequestError) or 422 (ValidationError): the request was refused as invalid",
  },
  { name: "notFound", code: 5, meaning: "404 (NotFoundError)" },
  { name: "rateLimited", code: 6, meaning: "429 after the client's retries (RateLimitError)" },
  { name: "server", code: 7, meaning: "5xx after the client's retries (ServerError)" },
  { name: "connection", code: 8, meaning: "no complete response: a connection failure or a timeout" },
  {
    name: "api",
    code: 9,
    meaning: "any other error status (409 ConflictError, another 4xx) or an unreadable response body",
  },
]);
