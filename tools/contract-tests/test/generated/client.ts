// generated from spec/dist/openapi.json by @sdkit/codegen, do not edit
// The client under test, by the names the suites of @sdkit/contract use (the package's own are the SDK config's).

export {
  createHatchClient as createSdkClient,
  AuthenticationError,
  RateLimitError,
  ValidationError,
} from "@hatch-api/client";
export type { HatchClient as SdkClient, HatchClientOptions as SdkClientOptions } from "@hatch-api/client";
import { AuthenticationError, BadRequestError, ConflictError, NotFoundError, PermissionDeniedError, RateLimitError, ServerError, ValidationError } from "@hatch-api/client";

/** The client's API error class: the one every status class extends. */
const ApiError = Object.getPrototypeOf(AuthenticationError) as typeof AuthenticationError;

/**
 * The class the client throws for each response key, as its one status map says: the statuses it
 * names, any other 5xx a ServerError, any other status its API error class.
 */
export const errorClasses: Record<string | number, abstract new (...args: never[]) => Error & { status: number }> = {
  default: ApiError,
  "4XX": ApiError,
  "5XX": ServerError,
};
const named: Record<number, abstract new (...args: never[]) => Error & { status: number }> = { 400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError, 409: ConflictError, 422: ValidationError, 429: RateLimitError };
for (let status = 400; status < 600; status += 1) {
  errorClasses[status] = named[status] ?? (status >= 500 ? ServerError : ApiError);
}
