import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test-e2e/**/*.test.ts"],
    // Browser, Redocly and tsc runs are slow on the shared 2-core machine, and run one file at a
    // time so they do not starve each other.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
