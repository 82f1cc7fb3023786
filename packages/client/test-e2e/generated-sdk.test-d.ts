import type { PutContactErrorStatus, UpsertContactErrorStatus, UpsertContactRequestBody } from "@hatch-api/types";
import { describe, expectTypeOf, test } from "vitest";
import type {
  AuthenticationError,
  ContactsUpsertError,
  ContactsUpsertOptions,
  ErrorFor,
  HatchApiError,
  HatchClient,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "../src/index.js";

declare const hatch: HatchClient;

describe("the generated SDK is typed from @hatch-api/types", () => {
  test("contacts.upsert: the request body alias in, the unwrapped 200 body out", () => {
    expectTypeOf(hatch.contacts.upsert).parameter(0).toEqualTypeOf<UpsertContactRequestBody>();
    // Two overloads (withResponse or not): both take the generated options type.
    const options: ContactsUpsertOptions = { method: "PUT", timeoutMs: 1_000 };
    expectTypeOf(hatch.contacts.upsert).toBeCallableWith({ source: "x" }, options);
    expectTypeOf(hatch.contacts.upsert).toBeCallableWith({ source: "x" });
    expectTypeOf<ContactsUpsertOptions["method"]>().toEqualTypeOf<"POST" | "PUT" | undefined>();
    expectTypeOf<ContactsUpsertOptions["signal"]>().toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf<ContactsUpsertOptions["timeoutMs"]>().toEqualTypeOf<number | undefined>();
  });

  test("its errors are the classes of the statuses the spec declares", () => {
    expectTypeOf<UpsertContactErrorStatus>().toEqualTypeOf<401 | 422 | 429 | "5XX">();
    expectTypeOf<PutContactErrorStatus>().toEqualTypeOf<UpsertContactErrorStatus>();
    expectTypeOf<ContactsUpsertError>().toEqualTypeOf<
      AuthenticationError | ValidationError | RateLimitError | ServerError
    >();
    expectTypeOf<ErrorFor<404>>().toEqualTypeOf<NotFoundError>();
  });

  test("a status with no class of its own is the API error class, as at runtime; any 5xx a ServerError", () => {
    expectTypeOf<ErrorFor<499>>().toEqualTypeOf<HatchApiError>();
    expectTypeOf<ErrorFor<405>>().toEqualTypeOf<HatchApiError>();
    expectTypeOf<ErrorFor<"4XX">>().toEqualTypeOf<HatchApiError>();
    expectTypeOf<ErrorFor<"default">>().toEqualTypeOf<HatchApiError>();
    expectTypeOf<ErrorFor<503>>().toEqualTypeOf<ServerError>();
  });
});
