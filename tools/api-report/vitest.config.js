// @ts-check
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.js"],
    // API Extractor compiles the declarations with TypeScript; slow on a shared two-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
