// @ts-check
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.js"],
    // A Redoc build takes several seconds on the shared two-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
