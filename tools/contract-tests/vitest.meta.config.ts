import { defineConfig } from "vitest/config";

// Tests about the contract suite itself: each runs the suite in a child process (provider mode
// against a local fake server, or with a test file left out) and checks its verdict.
export default defineConfig({
  test: {
    include: ["test-e2e/provider-mode/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
