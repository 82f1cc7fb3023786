import { describe, expect, it } from "vitest";
import { namedFields } from "../src/support/named-fields.js";

// The 422 bodies of real documents, as the validation suite compares the fields they name with the
// client's `ValidationError.fieldErrors`.
describe("namedFields", () => {
  it("reads GitHub's errors[].field, which the client reads too", () => {
    const github = {
      message: "Validation Failed",
      documentation_url: "https://docs.github.com/rest/pulls/stacks#create-a-pull-request-stack",
      errors: [{ resource: "Stack", field: "pull_requests", code: "missing", value: [123] }],
    };
    expect(namedFields(github)).toEqual(["pull_requests"]);
  });

  it("reads JSON:API and RFC 9457 pointers, invalid-params names, and skips items naming no field", () => {
    expect(
      namedFields({ errors: [{ source: { pointer: "/data/attributes/email" } }, { source: { pointer: "" } }] }),
    ).toEqual(["email"]);
    expect(namedFields({ errors: [{ pointer: "#/a~1b" }, { detail: "no field" }, null] })).toEqual(["a/b"]);
    expect(namedFields({ "invalid-params": [{ name: "age", reason: "must be positive" }] })).toEqual(["age"]);
    expect(namedFields({ message: "Not Found" })).toEqual([]);
    expect(namedFields("text")).toEqual([]);
  });
});
