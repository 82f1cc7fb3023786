// @ts-check
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.js"],
    // Each real Prism takes a second or two to start on a busy two-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
