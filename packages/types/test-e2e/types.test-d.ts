import { describe, expectTypeOf, test } from "vitest";
import type {
  ApiPath,
  components,
  JsonApiError,
  JsonErrorResponse,
  operations,
  PutContactResponse,
  paths,
  UpsertContactErrorStatus,
  UpsertContactParams,
  UpsertContactRequestBody,
  UpsertContactResponse,
  UpsertContactResult,
} from "../src/index.js";

// Every assertion here is about the generated types and fails when they change: nothing compares
// a value with the type it was declared with, and every @ts-expect-error guards a real error.

/** Keys of T whose value may be null. */
type NullableKeys<T> = { [K in keyof T]-?: null extends T[K] ? K : never }[keyof T];
/** Keys of T that may be left out. */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

describe("UpsertContactParams", () => {
  test("source is a required string", () => {
    expectTypeOf<UpsertContactParams["source"]>().toEqualTypeOf<string>();
    expectTypeOf<"source">().not.toExtend<OptionalKeys<UpsertContactParams>>();
    expectTypeOf<{ phoneNumber: string }>().not.toExtend<UpsertContactParams>();
  });

  test("every nullable field is optional, and a contact needs nothing but source", () => {
    expectTypeOf<NullableKeys<UpsertContactParams>>().not.toBeNever();
    expectTypeOf<Exclude<NullableKeys<UpsertContactParams>, OptionalKeys<UpsertContactParams>>>().toBeNever();
    expectTypeOf<{ source: string }>().toExtend<UpsertContactParams>();
    expectTypeOf<{ source: string; email: null; firstName: null }>().toExtend<UpsertContactParams>();
    // Nullable strings are still strings, not numbers.
    expectTypeOf<{ source: string; phoneNumber: number }>().not.toExtend<UpsertContactParams>();
  });

  test("details is a free-form object", () => {
    expectTypeOf<Required<UpsertContactParams>["details"]>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<{
      source: string;
      details: { address: string; nested: { n: number[] }; flag: boolean };
    }>().toExtend<UpsertContactParams>();
    expectTypeOf<{ source: string; details: string }>().not.toExtend<UpsertContactParams>();
  });

  test("unknown top-level fields are refused in object literals", () => {
    // @ts-expect-error: the schema has no `phone` field (it is `phoneNumber`)
    void ({ source: "custom:x", phone: "6364618187" } satisfies UpsertContactParams);
  });

  test("is the request body of the upsert operations", () => {
    expectTypeOf<UpsertContactRequestBody>().toEqualTypeOf<UpsertContactParams>();
    expectTypeOf<
      operations["upsertContact"]["requestBody"]["content"]["application/json"]
    >().toEqualTypeOf<UpsertContactParams>();
  });
});

describe("responses", () => {
  test("data.id is a string, the same for POST and PUT", () => {
    expectTypeOf<UpsertContactResponse["data"]["id"]>().toEqualTypeOf<string>();
    expectTypeOf<UpsertContactResult>().toEqualTypeOf<UpsertContactResponse>();
    expectTypeOf<PutContactResponse>().toEqualTypeOf<UpsertContactResponse>();
  });

  test("the upsert declares 401, 422 and 429 as errors, and its success is not one", () => {
    expectTypeOf<401 | 422 | 429>().toExtend<UpsertContactErrorStatus>();
    expectTypeOf<200>().not.toExtend<UpsertContactErrorStatus>();
  });

  test("error documents are JSON:API error lists", () => {
    expectTypeOf<JsonErrorResponse["errors"]>().toEqualTypeOf<JsonApiError[]>();
    expectTypeOf<JsonApiError>().toEqualTypeOf<{ title: string; detail: string; source: { pointer: string } }>();
    expectTypeOf<
      operations["upsertContact"]["responses"][422]["content"]["application/json"]
    >().toEqualTypeOf<JsonErrorResponse>();
    expectTypeOf<operations["upsertContact"]["responses"]["5XX"]["content"]["application/json"]>().toEqualTypeOf<
      components["schemas"]["JsonErrorResponse"]
    >();
  });

  test("429 documents a Retry-After header", () => {
    expectTypeOf<operations["upsertContact"]["responses"][429]["headers"]>().toHaveProperty("Retry-After");
  });
});

describe("paths", () => {
  test("/v1/contacts takes post and put", () => {
    expectTypeOf<"/v1/contacts">().toExtend<ApiPath>();
    expectTypeOf<paths["/v1/contacts"]["post"]>().toEqualTypeOf<operations["upsertContact"]>();
    expectTypeOf<paths["/v1/contacts"]["put"]>().toEqualTypeOf<operations["putContact"]>();
  });

  test("an unknown path is a type error", () => {
    expectTypeOf<"/v1/leads">().not.toExtend<ApiPath>();
    // @ts-expect-error: the API has no /v1/leads path
    expectTypeOf<paths["/v1/leads"]>();
  });
});
