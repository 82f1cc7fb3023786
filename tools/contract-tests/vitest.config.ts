import { contractTestConfig } from "@sdkit/contract/vitest";
import { defineConfig } from "vitest/config";

// The generic suites of @sdkit/contract, through the entry files `openapi-codegen contract` writes
// to test-e2e/generated (their global setup starts Prism; the coverage gate runs last), plus this
// package's own unit and property tests in the same run.
export default defineConfig({
  test: contractTestConfig({
    dir: "test-e2e/generated",
    include: ["test-e2e/unit/**/*.test.ts", "test-e2e/property/**/*.test.ts"],
  }),
});
