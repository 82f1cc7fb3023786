// @ts-check
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.js"],
    // The snapshot tests run real git and the changesets CLI in temp repositories: seconds each on a
    // busy two-core machine.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
