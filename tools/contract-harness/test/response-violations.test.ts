import { describe, expect, it } from "vitest";
import { type Exchange, responseViolations } from "../src/recording-fetch.js";

const exchange = (body: unknown, violations: Exchange["violations"] = []): Exchange => ({
  method: "GET",
  url: "http://127.0.0.1/x",
  requestHeaders: new Headers(),
  status: 200,
  headers: new Headers(),
  body,
  violations,
});

describe("responseViolations", () => {
  it("reads Prism's findings from its header and from its 500 problem document", () => {
    const finding = { location: ["response", "body"], severity: "Error", message: "must be string" };
    expect(responseViolations(exchange(undefined, [finding]))).toEqual(["response.body: must be string"]);
    const problem = { type: "https://stoplight.io/prism/errors#VIOLATIONS", validation: [finding] };
    expect(responseViolations(exchange(problem))).toEqual(["response.body: must be string"]);
  });

  it("ignores a body's own `type` member that is not Prism's (GitHub's issue has an object there)", () => {
    expect(responseViolations(exchange({ type: { id: 1, name: "Bug" }, validation: "x" }))).toEqual([]);
    expect(responseViolations(exchange(null))).toEqual([]);
  });
});
