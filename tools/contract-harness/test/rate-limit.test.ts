import { describe, expect, it } from "vitest";
import { declaresHeader } from "../src/suites/rate-limit.js";

// The 429 suite checks Retry-After only where the document declares it: a document of our own
// whose 429 sends RateLimit-* headers instead (as many public APIs do) is not failed for it.
describe("declaresHeader", () => {
  it("finds a declared header whatever its case", () => {
    expect(declaresHeader({ "Retry-After": { schema: { type: "integer" } } }, "retry-after")).toBe(true);
    expect(declaresHeader({ "retry-after": { $ref: "#/components/headers/RetryAfter" } }, "Retry-After")).toBe(true);
  });

  it("says no for a response with other rate-limit headers, or none", () => {
    expect(declaresHeader({ "ratelimit-reset": {}, "ratelimit-limit": {} }, "Retry-After")).toBe(false);
    expect(declaresHeader(undefined, "Retry-After")).toBe(false);
  });
});
