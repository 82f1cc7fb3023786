// @ts-check
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    globalSetup: ["test/generate-fixture.js"],
    testTimeout: 60_000,
  },
});
