// @ts-check
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test-e2e/**/*.test.ts"],
    globalSetup: ["test/generate-fixture.js"],
    testTimeout: 60_000,
  },
});
