// @ts-check
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.js"],
    // The end-to-end file clones the repo twice and builds it against a real cache server on a
    // shared 2-core machine: give it room. No test asserts on timing.
    hookTimeout: 600_000,
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
