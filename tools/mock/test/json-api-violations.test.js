// @ts-check
import { describe, expect, it } from "vitest";
import { errorStyleOf, parseViolations, toJsonApiError, violationsDocument } from "../src/json-api-violations.js";

const style = { pointerPrefix: "/data/attributes", title: "Invalid value" };

describe("errorStyleOf", () => {
  it("takes the pointer prefix and title from the example's errors", () => {
    const example = {
      errors: [
        { title: "Invalid value", detail: "x", source: { pointer: "/data/attributes/a" } },
        { title: "Invalid value", detail: "y", source: { pointer: "/data/attributes/b" } },
      ],
    };
    expect(errorStyleOf(example)).toEqual(style);
    expect(errorStyleOf({ errors: [{ title: "Bad", source: { pointer: "/name" } }] })).toEqual({
      pointerPrefix: "",
      title: "Bad",
    });
  });

  it("declines an example that is not a JSON:API error document", () => {
    expect(errorStyleOf({ message: "invalid" })).toBeUndefined();
    expect(errorStyleOf({ errors: [] })).toBeUndefined();
    expect(errorStyleOf(undefined)).toBeUndefined();
    // GitHub's validation error has an `errors` array, but is not JSON:API.
    const github = { message: "Validation Failed", documentation_url: "https://docs", errors: [{ field: "key" }] };
    expect(errorStyleOf(github)).toBeUndefined();
    expect(errorStyleOf({ errors: [{ resource: "Issue", field: "title", code: "missing" }] })).toBeUndefined();
  });
});

describe("toJsonApiError", () => {
  it("points at a field named in the violation's path, escaping per RFC 6901", () => {
    expect(
      toJsonApiError(
        { location: ["request", "body", "meta", "a/b~c"], code: "type", message: "x must be string" },
        style,
      ),
    ).toMatchObject({ source: { pointer: "/data/attributes/meta/a~1b~0c" } });
  });

  it("points at a missing required field, named only in Ajv's message", () => {
    const error = toJsonApiError(
      {
        location: ["request", "body", "nested"],
        code: "required",
        message: "Request body property nested must have required property 'name'",
      },
      style,
    );
    expect(error).toEqual({
      title: "Invalid value",
      detail: "is required",
      code: "required",
      source: { pointer: "/data/attributes/nested/name" },
    });
  });

  it("drops the subject from the detail, since the pointer names the field", () => {
    const error = toJsonApiError(
      { location: ["request", "body", "age"], code: "type", message: "Request body property age must be integer,null" },
      style,
    );
    expect(error.detail).toBe("must be integer or null");
  });

  it("names a query parameter or header instead of a body field", () => {
    expect(
      toJsonApiError({ location: ["request", "query", "limit"], message: "must be integer" }, style).source,
    ).toEqual({ pointer: "/", parameter: "limit" });
    expect(toJsonApiError({ location: ["request", "header", "x-id"], message: "required" }, style).source).toEqual({
      pointer: "/",
      header: "x-id",
    });
  });
});

describe("parseViolations and violationsDocument", () => {
  it("keeps errors, skips warnings, and tolerates a missing or broken header", () => {
    const header = JSON.stringify([
      { location: ["request", "body", "a"], severity: "Error", code: "type", message: "must be string" },
      { location: ["request", "body", "b"], severity: "Warning", code: "format", message: "unknown format" },
    ]);
    const document = violationsDocument(parseViolations(header), style);
    expect(document?.errors.map((error) => error.source.pointer)).toEqual(["/data/attributes/a"]);
    expect(parseViolations(undefined)).toEqual([]);
    expect(parseViolations("not json")).toEqual([]);
    expect(violationsDocument([], style)).toBeUndefined();
  });
});
