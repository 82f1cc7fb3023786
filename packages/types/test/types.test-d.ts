import { describe, expectTypeOf, test } from "vitest";
import type {
  ApiPath,
  components,
  JsonApiError,
  JsonErrorResponse,
  operations,
  paths,
  UpsertContactParams,
  UpsertContactResponse,
  UpsertContactResult,
} from "../src/index.js";

describe("UpsertContactParams", () => {
  test("source is a required string", () => {
    expectTypeOf<UpsertContactParams>().toHaveProperty("source").toEqualTypeOf<string>();
    // @ts-expect-error: a contact without a source is refused at compile time
    const missingSource: UpsertContactParams = { phoneNumber: "6364618187" };
    expectTypeOf(missingSource).toEqualTypeOf<UpsertContactParams>();
  });

  test("the nullable strings are optional and accept null", () => {
    type NullableField =
      | "firstName"
      | "lastName"
      | "email"
      | "phoneNumber"
      | "externalID"
      | "externalContactID"
      | "status"
      | "externalCreatedAt"
      | "externalUpdatedAt";
    expectTypeOf<Required<UpsertContactParams>[NullableField]>().toEqualTypeOf<string | null>();
    expectTypeOf<{ source: string; email: null; firstName: null }>().toExtend<UpsertContactParams>();
    // @ts-expect-error: nullable strings are still strings, not numbers
    const wrong: UpsertContactParams = { source: "custom:x", phoneNumber: 6364618187 };
    expectTypeOf(wrong).toEqualTypeOf<UpsertContactParams>();
  });

  test("details is a free-form object", () => {
    expectTypeOf<Required<UpsertContactParams>["details"]>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<{
      source: string;
      details: { address: string; nested: { n: number[] }; flag: boolean };
    }>().toExtend<UpsertContactParams>();
    // @ts-expect-error: details must be an object, not a string
    const notObject: UpsertContactParams = { source: "custom:x", details: "free text" };
    expectTypeOf(notObject).toEqualTypeOf<UpsertContactParams>();
  });

  test("unknown top-level fields are refused in object literals", () => {
    // @ts-expect-error: the schema has no `phone` field (it is `phoneNumber`)
    const typo: UpsertContactParams = { source: "custom:x", phone: "6364618187" };
    expectTypeOf(typo).toEqualTypeOf<UpsertContactParams>();
  });
});

describe("responses", () => {
  test("data.id is a string", () => {
    expectTypeOf<UpsertContactResponse["data"]["id"]>().toEqualTypeOf<string>();
    expectTypeOf<UpsertContactResult>().toEqualTypeOf<UpsertContactResponse>();
    expectTypeOf<
      operations["putContact"]["responses"][200]["content"]["application/json"]
    >().toEqualTypeOf<UpsertContactResponse>();
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
  test("/v1/contacts is the only path, with post and put", () => {
    expectTypeOf<ApiPath>().toEqualTypeOf<"/v1/contacts">();
    expectTypeOf<paths["/v1/contacts"]["post"]>().toEqualTypeOf<operations["upsertContact"]>();
    expectTypeOf<paths["/v1/contacts"]["put"]>().toEqualTypeOf<operations["putContact"]>();
    expectTypeOf<
      operations["upsertContact"]["requestBody"]["content"]["application/json"]
    >().toEqualTypeOf<UpsertContactParams>();
  });

  test("an unknown path is a type error", () => {
    // @ts-expect-error: the API has no /v1/leads path
    type Leads = paths["/v1/leads"];
    expectTypeOf<Leads>().toBeAny();
  });
});
